import ArgumentParser
import Foundation
import HarkCore
import HarkReports
import HarkRun
import HarkSuites

/// `hark report RUN...`: paper tables, JUnit (and the HTML report) from one or more runs.
struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Make tables (Markdown, LaTeX, CSV) and JUnit XML from runs.",
        discussion: """
            Runs are found under --results by name, or by path. Without a format flag, Markdown, LaTeX and CSV
            tables are written to reports/<runs>/ and the Markdown table is printed.
            """)

    @Argument(help: "Run names under --results, or run folders.")
    var runs: [String]

    @Option(help: "Where runs are found.")
    var results = "results"

    @Option(help: "Where reports are written (default: reports/<run names joined by +>).")
    var out: String?

    @Option(help: "hallucination, slices, summary, or a layout YAML file.")
    var layout = "hallucination"

    @Flag(help: "Write the Markdown table.")
    var markdown = false

    @Flag(help: "Write the LaTeX (booktabs) table.")
    var latex = false

    @Flag(help: "Write the CSV table.")
    var csv = false

    @Flag(help: "Add ± half the 95% confidence interval to the tables.")
    var ci = false

    @Option(help: "Write JUnit XML to this file (relative to --out).")
    var junit: String?

    @Option(help: "A bound checked as a JUnit test case: [SUITE:]METRIC>=VALUE (repeatable).")
    var threshold: [String] = []

    @Option(help: "Add a JUnit test case per scored item, at most this many.")
    var junitItems = 0

    @Option(help: "Write the self-contained HTML report to this file (relative to --out).")
    var html: String?

    @Flag(help: "Put the clips into the HTML report (data URLs) instead of linking to them.")
    var embedAudio = false

    @Option(help: "Most megabytes of audio --embed-audio puts into the report; clips past it are linked.")
    var embedAudioCap = 20.0

    func run() async throws {
        let root = URL(fileURLWithPath: results)
        let loaded = try runs.map { reference -> (name: String, results: RunResults) in
            let directory = RunDirectory.locate(reference, resultsRoot: root)
            return (directory.name, try directory.readResults())
        }
        let output = URL(fileURLWithPath: out ?? "reports/" + loaded.map(\.name).joined(separator: "+"))
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let table = ResultsTable(layout: try TableLayout.resolve(layout), runs: loaded)
        let chosen = [(markdown, "markdown"), (latex, "latex"), (csv, "csv")].filter(\.0).map(\.1)
        let formats = chosen.isEmpty && junit == nil && html == nil ? ["markdown", "latex", "csv"] : chosen
        let base = URL(fileURLWithPath: layout).deletingPathExtension().lastPathComponent
        for name in formats {
            guard let renderer = TableRenderers.named(name) else { continue }
            let text = renderer.render(table, ci: ci)
            let file = output.appendingPathComponent("\(base).\(renderer.fileExtension)")
            try text.write(to: file, atomically: true, encoding: .utf8)
            if name == "markdown" { print(text) }
            print("wrote \(file.path)")
        }
        if let html {
            let file = output.appendingPathComponent(html)
            try writeHTML(runs: loaded, root: root, to: file)
            print("wrote \(file.path)")
        }
        if let junit {
            let items = try Dictionary(uniqueKeysWithValues: runs.map { reference in
                let directory = RunDirectory.locate(reference, resultsRoot: root)
                return (directory.name, junitItems > 0 ? try ResultsJUnit.ItemOutcome.read(scores: directory.scores) : [])
            })
            let report = ResultsJUnit.report(
                runs: loaded, thresholds: try threshold.map(Threshold.init), items: items, itemCap: junitItems)
            let file = output.appendingPathComponent(junit)
            try JUnitWriter.xml(report).write(to: file, atomically: true, encoding: .utf8)
            print("wrote \(file.path)")
        }
    }

    func writeHTML(runs loaded: [(name: String, results: RunResults)], root: URL, to file: URL) throws {
        var items: [ExplorerItem] = []
        var suites: [String: Suite] = [:]
        for reference in runs {
            let directory = RunDirectory.locate(reference, resultsRoot: root)
            let results = try directory.readResults()
            items += ExplorerItem.join(
                run: directory.name, samples: try Journal.read(directory.samples), scores: try ScoresFile.read(directory.scores))
            for suite in (try? RunSuites.load(for: results.manifest)) ?? [] { suites[suite.id] = suite }
        }
        let reportDirectory = file.deletingLastPathComponent()
        var budget = Int(embedAudioCap * 1_000_000)
        var sources: [String: String] = [:]
        let report = HTMLReport(title: "hark report: " + loaded.map(\.name).joined(separator: ", "), runs: loaded, items: items) {
            suiteID, path in
            guard let suite = suites[suiteID] else { return nil }
            let clip = suite.url(of: AudioRef(path: path))
            if let known = sources[clip.path] { return known }
            var source = Probes.Generate.relativePath(from: reportDirectory, to: clip)
            if embedAudio, let data = FileManager.default.contents(atPath: clip.path), data.count <= budget {
                budget -= data.count
                source = "data:audio/\(clip.pathExtension.lowercased() == "mp3" ? "mpeg" : clip.pathExtension.lowercased());base64,"
                    + data.base64EncodedString()
            }
            sources[clip.path] = source
            return source
        }
        try report.render().write(to: file, atomically: true, encoding: .utf8)
    }
}
