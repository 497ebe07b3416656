public import Foundation
import HarkCore
import HarkGate
import HarkModels
import HarkRecords
import HarkReports
import HarkRun
import HarkSuites

/// `hark demo`: everything hark does, on suites it makes itself, against two simulated
/// checkpoints served over real HTTP by the mock server (one hallucinating "yes" on 30% of absent
/// sounds, one on 10%) and the always-yes baseline; then the paper table, the HTML report, JUnit,
/// a comparison and a gate verdict; and a listening control — checkpoint-a asked the yes/no
/// suites on digital silence, by a server that says "yes" to 40% of what it cannot hear — compared
/// with its real run. Deterministic: the same tables every time.
public struct Demo: Sendable {
    /// The folder `benchmarks/demo/`, `results/demo/` and `reports/demo/` are written under; the
    /// demo replaces those three folders and touches nothing else.
    public var root: URL

    public init(root: URL) {
        self.root = root
    }

    public struct Checkpoint: Sendable {
        public var name: String
        public var hallucinationRate: Double
        public var errorRate: Double
    }

    /// The share of "yes" the simulated checkpoints say to silence.
    public static let silenceYesRate = 0.4

    public static let checkpoints = [
        Checkpoint(name: "checkpoint-a", hallucinationRate: 0.3, errorRate: 0.1),
        Checkpoint(name: "checkpoint-b", hallucinationRate: 0.1, errorRate: 0.05),
    ]

    public struct Artefacts: Sendable {
        public var table: String
        public var files: [URL]
        public var gatePassed: Bool
        /// The gate's lines: each verdict, then the summary.
        public var verdicts: [String]
        /// The training samples made from the demo's training pool, and the clips that pool shares
        /// with the evaluation suites.
        public var synthesis: SynthesisManifest
        public var overlap: ClipOverlap.Report
    }

    public var benchmarks: URL { root.appendingPathComponent("benchmarks/demo") }
    public var results: URL { root.appendingPathComponent("results/demo") }
    public var reports: URL { root.appendingPathComponent("reports/demo") }

    public func run(say: @Sendable (String) -> Void = { _ in }) async throws -> Artefacts {
        for folder in [benchmarks, results, reports] { try? FileManager.default.removeItem(at: folder) }
        say("making synthetic scenes and suites under \(benchmarks.path)")
        let folders = try DemoSuites.write(to: benchmarks)
        let suites = try folders.map { folder -> (suite: Suite, fingerprint: String) in
            let loaded = SuiteLoader.load(folder.path)
            guard let suite = loaded.suite else {
                throw HarkError(.internal, "the demo made a bad suite", diagnostics: loaded.diagnostics)
            }
            return (suite, try SuiteFingerprint.compute(suite))
        }

        var directories: [RunDirectory] = []
        var control: RunDirectory?
        for checkpoint in Self.checkpoints {
            var options = MockServer.Options()
            options.policy = .oracle(
                errorRate: checkpoint.errorRate, hallucinationRate: checkpoint.hallucinationRate, seed: 7)
            options.oracle = try MockOracle(suites: suites.map(\.suite))
            let server = try await MockServer(options: options)
            say(
                "\(checkpoint.name): simulated by hark mock-server at \(server.baseURL) (hallucinates on \(Int(checkpoint.hallucinationRate * 100))% of absent sounds)"
            )
            let model = ModelConfig(
                name: checkpoint.name, adapter: "openai",
                settings: .object(["base_url": .string(server.baseURL), "model": .string(checkpoint.name)]))
            do {
                directories.append(try await run(model, suites: suites))
            } catch {
                try? await server.stop()
                throw error
            }
            try await server.stop()
            if control == nil {
                options.silenceYesRate = Self.silenceYesRate
                control = try await silenceControl(of: model, options: options, suites: suites, say: say)
            }
        }
        say("always-yes: the baseline that says yes to everything")
        directories.append(try await run(try ModelConfig.resolve("always-yes"), suites: suites))
        let runs = try directories.map(LoadedRun.init)

        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        var files: [URL] = []
        func write(_ text: String, _ name: String) throws {
            let file = reports.appendingPathComponent(name)
            try text.write(to: file, atomically: true, encoding: .utf8)
            files.append(file)
        }
        let loaded = runs.map { ($0.name, $0.results) }
        var table = ""
        for layout in ["hallucination", "choice", "instruction"] {
            guard let tableLayout = TableLayout.builtIn[layout] else { continue }
            let results = ResultsTable(layout: tableLayout, runs: loaded)
            for (renderer, suffix) in [("markdown", "md"), ("latex", "tex")] {
                guard let format = TableRenderers.named(renderer) else { continue }
                let text = format.render(results, ci: false)
                try write(text, "\(layout).\(suffix)")
                if renderer == "markdown" { table += text + "\n" }
            }
        }
        let html = reports.appendingPathComponent("report.html")
        // The report shows the listening control beside its real run.
        try RunReport.writeHTML(runs + (try control.map { [try LoadedRun($0)] } ?? []), to: html)
        files.append(html)
        try write(try RunReport.junit(runs, thresholds: [try Threshold("demo-*:f1>=0.6")], itemCap: 0), "junit.xml")

        let comparison = try ComparisonReports.compare(baseline: runs[0], candidate: runs[1], resamples: 2_000)
        try write(ComparisonReports.markdown(comparison), "comparison.md")
        if let control {
            let listening = try ComparisonReports.compare(
                baseline: runs[0], candidate: LoadedRun(control), allowMismatch: false, resamples: 2_000)
            try write(ComparisonReports.markdown(listening), "listening.md")
        }
        // The candidate may not hallucinate more than the baseline on any yes/no suite.
        let policy = GatePolicy(
            rules: [GatePolicy.Rule(suite: "demo-adversarial", metric: "f1", min: 0.6)]
                + ["demo-random", "demo-popular", "demo-adversarial", "demo-pairs"].map {
                    GatePolicy.Rule(suite: $0, metric: "yes_ratio", maxRise: 0.0, significance: 0.05)
                })
        let verdicts = try Gate.evaluate(policy, candidate: loaded[1].1, baseline: loaded[0].1, comparison: comparison)
        let lines = verdicts.map(\.line) + [Gate.summary(verdicts)]
        let passed = verdicts.allSatisfy(\.passed)
        try write(lines.joined(separator: "\n") + "\n", "gate.txt")
        try write(try JUnitWriter.xml(ComparisonReports.junit(verdicts, candidate: runs[1].name)), "gate.xml")
        let (synthesis, overlap) = try await alignmentData(suites: suites.map(\.suite), say: say)
        try write(DemoTraining.markdown(synthesis, overlap, root: root), "alignment-data.md")
        return Artefacts(
            table: table, files: files, gatePassed: passed, verdicts: lines, synthesis: synthesis, overlap: overlap)
    }

    /// Training samples from the demo's training pool, written by the mock server as a text model
    /// that errs on a quarter of them; then the pool checked against the evaluation suites.
    func alignmentData(suites: [Suite], say: @Sendable (String) -> Void) async throws -> (
        SynthesisManifest, ClipOverlap.Report
    ) {
        let folder = benchmarks.appendingPathComponent("training")
        let (clipsFile, recipeFile) = try DemoTraining.write(
            to: folder, evaluationAudio: benchmarks.appendingPathComponent("demo-audio"))
        var synthesis = Synthesis(
            recipe: try SynthesisRecipe.read(recipeFile.path), recipeFile: recipeFile,
            clips: try ClipManifest(path: clipsFile.path), clipsFile: clipsFile,
            audioRoot: folder.appendingPathComponent("audio"), vocabulary: ObjectVocabulary(),
            model: ModelConfig(name: "text-model", adapter: "openai"),
            output: folder.appendingPathComponent("synthesis"))
        let prepared = try synthesis.prepare(warn: say)
        var options = MockServer.Options()
        options.policy = .oracle(errorRate: DemoTraining.errorRate, hallucinationRate: 0, seed: 7)
        options.oracle = try MockOracle(suites: [prepared.requests])
        let server = try await MockServer(options: options)
        say(
            "synthesis: training samples from \(synthesis.clips.entries.count) training clips, the text model simulated by hark mock-server at \(server.baseURL) (wrong on \(Int(DemoTraining.errorRate * 100))% on purpose)"
        )
        synthesis.model.settings = .object(["base_url": .string(server.baseURL), "model": .string("text-model")])
        let manifest: SynthesisManifest
        do {
            manifest = try await synthesis.run(prepared, warn: say)
        } catch {
            try? await server.stop()
            throw error
        }
        try await server.stop()
        say("overlap: the training pool against the evaluation suites")
        let overlap = ClipOverlap.check(
            training: try ClipSet.read(clipsFile.path, audioRoot: folder.appendingPathComponent("audio").path),
            evaluation: suites.map { suite in ClipSet(name: suite.id, clips: suite.clips.map(suite.url(of:))) })
        return (manifest, overlap)
    }

    /// The yes/no suites asked of `model` on silence, by a server of `options` (the same checkpoint,
    /// now also answering what it cannot hear).
    func silenceControl(
        of model: ModelConfig, options: MockServer.Options, suites: [(suite: Suite, fingerprint: String)],
        say: @Sendable (String) -> Void
    ) async throws -> RunDirectory {
        let server = try await MockServer(options: options)
        say(
            "\(model.name)-silence: the yes/no suites on digital silence, a listening control (says yes to \(Int(Self.silenceYesRate * 100))% of what it cannot hear)"
        )
        var silent = model
        silent.name = model.name + "-silence"
        silent.settings = .object(["base_url": .string(server.baseURL), "model": .string(model.name)])
        do {
            let directory = try await run(
                silent, suites: suites.filter { $0.suite.manifest.task == .yesNo },
                control: ListeningControl(kind: .silence))
            try await server.stop()
            return directory
        } catch {
            try? await server.stop()
            throw error
        }
    }

    func run(
        _ model: ModelConfig, suites: [(suite: Suite, fingerprint: String)], control: ListeningControl? = nil
    ) async throws -> RunDirectory {
        let directory = RunDirectory(results.appendingPathComponent(model.name))
        var planner = Planner()
        planner.control = control
        let session = RunSession(suites: suites, model: model, directory: directory, planner: planner)
        _ = try await session.executeAndScore()
        return directory
    }
}
