import ArgumentParser
import Foundation
import HarkApp
import HarkCore
import HarkRecords
import HarkReports
import HarkRun
import HarkScoring
import HarkSuites
import HarkTestSupport

/// Report generation for a large run: tables, JUnit and the HTML report from a run folder.
struct ReportBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Time tables, JUnit and the HTML report of a large run; size of the HTML.")

    @Option(help: "Samples in the run.")
    var items = 100_000

    func run() throws {
        let work = try TemporaryDirectory(prefix: "hark-bench-report")
        defer { work.remove() }
        let directory = RunDirectory(work.path("results/big"))
        try Self.writeRun(directory, items: items)

        let started = Date()
        let results = try directory.readResults()
        var tableBytes = 0
        for layout in ["hallucination", "slices", "summary"] {
            let table = ResultsTable(layout: try TableLayout.resolve(layout), runs: [(directory.name, results)])
            for renderer in TableRenderers.all { tableBytes += renderer.render(table, ci: true).utf8.count }
        }
        let tables = Date()
        let junit = try RunReport.junit([LoadedRun(directory)], thresholds: [try Threshold("f1>=0.5")], itemCap: 1_000)
        let junitDone = Date()
        let html = work.path("reports/report.html")
        try RunReport.writeHTML([LoadedRun(directory)], to: html)
        let htmlDone = Date()
        let size = (try FileManager.default.attributesOfItem(atPath: html.path)[.size] as? Int) ?? 0
        print("report: a run of \(items) samples")
        print(String(format: "  tables (3 layouts × 3 formats)  %7.0f ms", tables.timeIntervalSince(started) * 1_000))
        print(
            String(
                format: "  JUnit (1,000 item cases)        %7.0f ms, %d bytes",
                junitDone.timeIntervalSince(tables) * 1_000, junit.utf8.count))
        print(
            String(
                format: "  HTML report                     %7.0f ms, %.1f MB",
                htmlDone.timeIntervalSince(junitDone) * 1_000, Double(size) / 1e6))
        print(String(format: "  total                           %7.0f ms", htmlDone.timeIntervalSince(started) * 1_000))
        let readStart = Date()
        let samples = try Journal.read(directory.samples)
        let readSamples = Date()
        let scores = try ScoresFile.read(directory.scores)
        let readScores = Date()
        print(
            String(
                format: "  of which reading the journal %7.0f ms (%d records), the scores %7.0f ms (%d)",
                readSamples.timeIntervalSince(readStart) * 1_000, samples.count,
                readScores.timeIntervalSince(readSamples) * 1_000, scores.count))
    }

    /// A run folder as `hark run` leaves it: journal, scores and results of three sampling suites,
    /// scored by the real scorer.
    static func writeRun(_ directory: RunDirectory, items: Int) throws {
        try directory.create()
        let samplings = ["random", "popular", "adversarial"]
        let objects = [
            "dog barking", "car horn", "rain", "speech", "music", "siren", "birds chirping", "engine idling",
        ]
        let templates = ProbeGenerator.kuan2024Templates
        let answers = [
            "Yes", "No", "Yes, I can hear it.", "No, there is no such sound.", "I am not sure.",
            "There is a faint one.",
        ]
        var generator = SplitMix64(seed: 3)
        var samples = Data()
        var scores = Data()
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var scorers = try Dictionary(
            uniqueKeysWithValues: samplings.map {
                ("audiocaps-\($0)", try YesNoScorer(settings: ScoringSettings(), suite: "audiocaps-\($0)"))
            })
        for index in 0..<items {
            let sampling = samplings[index % 3]
            let object = objects[Int(generator.next() % UInt64(objects.count))]
            let template = index / 3 % templates.count
            let label: YesNo = index % 2 == 0 ? .yes : .no
            var response = answers[Int(generator.next() % UInt64(answers.count))]
            if index % 7 == 0 { response += " The clip, number \(index), also has some background noise." }
            let request = ModelRequest(
                suiteID: "audiocaps-\(sampling)", itemID: "item\(index / 15)-\(index % 15)", template: "t\(template)",
                prompt: templates[template].replacingOccurrences(of: "{object}", with: object),
                audio: [Clip(path: "Y\(index / 15).wav", sha256: String(repeating: "a", count: 64), seconds: 10)])
            let record = SampleRecord(
                request: request, requestHash: "h", response: ModelResponse(text: response, finishReason: "stop"),
                error: nil,
                latencyMs: 100, attempts: 1, cached: false)
            samples.append(try encoder.encode(record))
            samples.append(UInt8(ascii: "\n"))
            let item = Item(
                id: request.itemID, tags: ["sampling": sampling], answerKey: .yesNo(object: object, label: label))
            if let score = scorers[request.suiteID]?.add(record, item: item) {
                scores.append(try encoder.encode(score))
                scores.append(UInt8(ascii: "\n"))
            }
        }
        try samples.write(to: directory.samples)
        try scores.write(to: directory.scores)
        let manifest = RunManifest(
            run: "big",
            suites: samplings.map {
                .init(id: "audiocaps-\($0)", version: 1, task: .yesNo, fingerprint: "sha256:0", items: items / 3)
            },
            model: .init(name: "big", adapter: "replay", identity: "replay", settings: .object([:])),
            generation: GenerationSettings(),
            audio: .object([:]), plan: .init(), seeds: [:], startedAt: "2026-11-27T00:00:00Z")
        let suites = samplings.map { sampling -> RunResults.SuiteResults in
            var results = RunResults.SuiteResults(
                id: "audiocaps-\(sampling)", task: .yesNo, fingerprint: "sha256:0", counts: RunResults.SuiteCounts())
            results.counts.samples = items / 3
            results.counts.answered = items / 3
            scorers["audiocaps-\(sampling)"]?.finish().apply(to: &results)
            return results
        }
        try directory.write(RunResults(manifest: manifest, suites: suites), to: directory.results)
    }
}
