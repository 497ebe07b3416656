import ArgumentParser
import Foundation
import HarkApp
import HarkCore
import HarkRecords
import HarkReports
import HarkRun

/// `hark report RUN...`: paper tables, JUnit (and the HTML report) from one or more runs.
struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Make tables (Markdown, LaTeX, CSV), the HTML report and JUnit XML from runs.",
        discussion: """
            Runs are found under --results by name, or by path. Without a format flag, Markdown, LaTeX and CSV
            tables are written to reports/<runs>/ and the Markdown table is printed.
            """)

    @Argument(help: "Run names under --results, or run folders.")
    var runs: [String]

    @OptionGroup var folders: RunFolders

    @Option(help: "Where reports are written (default: reports/<run names joined by +>).")
    var out: String?

    @Option(
        help:
            "hallucination, slices, choice, instruction, summary; a published table (kuan2024, icassp2025, mmau, mmar, sakura, speech-ifeval); or a layout YAML file (default: by the runs' tasks)."
    )
    var layout: String?

    @Option(help: "One row per value of this tag (e.g. task, difficulty, sub-category) instead of one per suite.")
    var slice: String?

    @Flag(help: "Write the Markdown table.")
    var markdown = false

    @Flag(help: "Write the LaTeX (booktabs) table.")
    var latex = false

    @Flag(help: "Write the CSV table.")
    var csv = false

    @Option(help: "Mark the cells whose paired change against this run is significant (Holm-adjusted).")
    var reference: String?
    @Option(help: "A run never marked best (repeatable; the built-in baselines never are).")
    var baseline: [String] = []
    @Option(help: "What follows each value: none, ci (the 95% interval) or std (over templates).")
    var uncertainty: String?
    @Option(help: "Which rows compete for best: group (each setting's block), column or none.")
    var best: String?
    @Flag(help: "Underline the second best.")
    var secondBest = false
    @Flag(help: "Write the LaTeX table as a document that compiles on its own.")
    var latexStandalone = false
    @Flag(help: "Add ± half the 95% confidence interval to the tables.")
    var ci = false

    @Option(help: "Write JUnit XML to this file (relative to --out unless absolute).")
    var junit: String?

    @Option(help: "A bound checked as a JUnit test case: [SUITE:]METRIC>=VALUE (repeatable).")
    var threshold: [String] = []

    @Option(help: "Add a JUnit test case per scored item, at most this many.")
    var junitItems = 0

    @Option(help: "Write the self-contained HTML report to this file (relative to --out unless absolute).")
    var html: String?

    @Flag(help: "Put the clips into the HTML report (data URLs) instead of linking to them.")
    var embedAudio = false

    @Option(help: "Most megabytes of audio --embed-audio puts into the report; clips past it are linked.")
    var embedAudioCap = 20.0

    func run() async throws {
        // Each run folder is read once, whatever the reports made of it.
        let runs = try self.runs.map { try LoadedRun(folders.locate($0)) }
        let loaded = runs.map { (name: $0.name, results: $0.results) }
        let output = WorkingDirectory.url(out ?? RunReport.defaultFolder(for: runs))
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let layout = self.layout ?? TableLayout.defaultName(for: Set(loaded.flatMap { $0.results.suites.map(\.task) }))
        var tableLayout = try TableLayout.resolve(
            TableLayout.builtIn[layout] == nil ? WorkingDirectory.path(layout) : layout)
        if let slice {
            tableLayout.rows = .sliceRun
            tableLayout.slice = slice
            tableLayout.title += " by \(slice)"
        }
        try apply(to: &tableLayout)
        var table = ResultsTable(layout: tableLayout, runs: loaded)
        if let reference = tableLayout.reference {
            try ComparisonReports.markSignificance(&table, runs: runs, reference: reference)
        }
        let chosen = [(markdown, "markdown"), (latex, "latex"), (csv, "csv")].filter(\.0).map(\.1)
        let formats = chosen.isEmpty && junit == nil && html == nil ? ["markdown", "latex", "csv"] : chosen
        let base =
            WorkingDirectory.url(layout).deletingPathExtension().lastPathComponent + (slice.map { "-" + $0 } ?? "")
        for name in formats {
            guard let renderer = TableRenderers.named(name) else { continue }
            let text =
                name == "latex"
                ? LaTeXTable.render(table, ci: ci, standalone: latexStandalone) : renderer.render(table, ci: ci)
            let file = output.appendingPathComponent("\(base).\(renderer.fileExtension)")
            try text.write(to: file, atomically: true, encoding: .utf8)
            if name == "markdown" { Terminal.output(text) }
            Terminal.output("wrote \(file.path)")
        }
        if let html {
            let file = try outputFile(html, in: output)
            try RunReport.writeHTML(runs, to: file, embedBytes: embedAudio ? Int(embedAudioCap * 1_000_000) : nil)
            Terminal.output("wrote \(file.path)")
        }
        if let junit {
            let file = try outputFile(junit, in: output)
            let xml = try RunReport.junit(runs, thresholds: try threshold.map(Threshold.init), itemCap: junitItems)
            try xml.write(to: file, atomically: true, encoding: .utf8)
            Terminal.output("wrote \(file.path)")
        }
        let failures = Threshold.failures(try threshold.map(Threshold.init), runs: loaded)
        for failure in failures { Terminal.error("threshold failed: " + failure) }
        if !failures.isEmpty { throw ExitCode(ExitStatus.failed.rawValue) }
    }

    /// The marking options given on the command line, over the layout's own.
    func apply(to layout: inout TableLayout) throws {
        if let reference { layout.reference = reference }
        if ci, layout.uncertainty == .none { layout.uncertainty = .ci }
        layout.baselines += baseline
        if secondBest { layout.secondBest = true }
        if let uncertainty {
            guard let value = TableLayout.Uncertainty(rawValue: uncertainty) else {
                throw ValidationError("--uncertainty takes none, ci or std, not \(uncertainty)")
            }
            layout.uncertainty = value
        }
        if let best {
            guard let value = TableLayout.BestScope(rawValue: best) else {
                throw ValidationError("--best takes group, column or none, not \(best)")
            }
            layout.best = value
        }
    }

    /// A file named relative to the output folder, or absolute as given; its folder is made.
    func outputFile(_ name: String, in output: URL) throws -> URL {
        let file = name.hasPrefix("/") ? WorkingDirectory.url(name) : output.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        return file
    }
}
