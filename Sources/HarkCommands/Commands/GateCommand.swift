import ArgumentParser
import Foundation
import HarkApp
import HarkCore
import HarkGate
import HarkRecords
import HarkReports
import HarkRun

/// `hark gate`: pass or fail a candidate run by a policy; the exit code is the verdict.
struct GateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gate",
        abstract:
            "Check a candidate run against a gate policy (exit 0 pass, 1 a gate failed, 2 bad input, 3 a run is incomplete)."
    )

    @Option(help: "The gate policy YAML.")
    var policy: String

    @Option(help: "The run to check (a name under --results, or a folder).")
    var candidate: String

    @Option(help: "The run to compare with, for max_drop / max_rise rules.")
    var baseline: String?

    @OptionGroup var folders: RunFolders

    @Option(help: "Write the verdicts as JUnit XML to this file.")
    var junit: String?

    @Option(help: "Paired bootstrap resamples for significance.")
    var resamples = 10_000

    func run() async throws {
        let rules = try GatePolicy(path: WorkingDirectory.path(policy))
        let candidateSide = try ComparisonReports.side(
            LoadedRun(folders.locate(candidate)))
        let baselineSide = try baseline.map {
            try ComparisonReports.side(LoadedRun(folders.locate($0)))
        }
        for side in [candidateSide] + (baselineSide.map { [$0] } ?? []) where !side.results.manifest.complete {
            throw HarkError(.incomplete, "run \(side.name) is incomplete: resume it before gating")
        }
        let comparison = try baselineSide.map {
            try RunComparison(
                baseline: $0, candidate: candidateSide, resamples: resamples, adjustment: rules.adjustment)
        }
        let verdicts = try Gate.evaluate(
            rules, candidate: candidateSide.results, baseline: baselineSide?.results, comparison: comparison)
        for verdict in verdicts { Terminal.output(verdict.line) }
        if let junit {
            try JUnitWriter.xml(ComparisonReports.junit(verdicts, candidate: candidateSide.name)).write(
                to: WorkingDirectory.url(junit), atomically: true, encoding: .utf8)
        }
        Terminal.output(Gate.summary(verdicts))
        if verdicts.contains(where: { !$0.passed }) { throw ExitCode(1) }
    }
}
