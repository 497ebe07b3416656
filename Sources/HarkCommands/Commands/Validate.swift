import ArgumentParser
import Foundation
import HarkApp
import HarkCore
import HarkRecords
import HarkRun
import HarkSuites

/// `hark validate SUITE...`: load each suite, report every problem, and sum it up.
struct Validate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check suites and show what they hold.",
        discussion: """
            Loads each suite (a folder with suite.yaml, or the manifest itself), reports every problem
            with file, line and field, decodes every clip, and prints items, slices, audio and the
            suite fingerprint. Exits 0 when every suite is valid, 2 otherwise.
            """)

    @Argument(help: "Suite folders or suite.yaml files.")
    var suites: [String]

    @Flag(help: "Print the summaries as JSON instead of text.")
    var json = false

    func run() async throws {
        var summaries: [SuiteSummary] = []
        var failed = false
        for path in suites {
            let loaded = SuiteLoader.load(path, relativeTo: WorkingDirectory.url)
            var diagnostics = loaded.diagnostics
            var summary: SuiteSummary?
            if let suite = loaded.suite {
                let (inspected, clipDiagnostics) = await SuiteInspector.inspect(suite)
                diagnostics += clipDiagnostics
                // What `hark run` checks before its first request: the scoring settings.
                do {
                    try RunScoring.check([suite])
                } catch let error as HarkError {
                    diagnostics.append(.error(error.location ?? SourceLocation(file: path), error.message))
                }
                summary = inspected
                summary?.errors = diagnostics.errors.count
                summary?.warnings = diagnostics.warnings.count
            }
            failed = failed || diagnostics.hasErrors || summary == nil
            for diagnostic in diagnostics { Terminal.error(diagnostic.description) }
            if let summary {
                summaries.append(summary)
                if !json { Terminal.output(summary.text) }
            } else if !json {
                Terminal.output(
                    "suite \(path): invalid, \(diagnostics.errors.count) errors, \(diagnostics.warnings.count) warnings"
                )
            }
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Terminal.output(String(decoding: try encoder.encode(summaries), as: UTF8.self))
        }
        if failed { throw ExitCode(2) }
    }
}
