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

    @Option(help: "Where runs are found.")
    var results = "results"

    @Option(help: "Write the verdicts as JUnit XML to this file.")
    var junit: String?

    @Option(help: "Paired bootstrap resamples for significance.")
    var resamples = 10_000

    func run() async throws {
        let rules = try GatePolicy(path: WorkingDirectory.path(policy))
        let root = WorkingDirectory.url(results)
        let candidateSide = try RunComparisons.side(
            LoadedRun(RunDirectory.locate(candidate, resultsRoot: root, base: WorkingDirectory.url)))
        let baselineSide = try baseline.map {
            try RunComparisons.side(LoadedRun(RunDirectory.locate($0, resultsRoot: root, base: WorkingDirectory.url)))
        }
        for side in [candidateSide] + (baselineSide.map { [$0] } ?? []) where !side.results.manifest.complete {
            throw HarkError(.incomplete, "run \(side.name) is incomplete: resume it before gating")
        }
        let comparison = try baselineSide.map {
            try RunComparison(baseline: $0, candidate: candidateSide, resamples: resamples)
        }
        let verdicts = try Gate.evaluate(
            rules, candidate: candidateSide.results, baseline: baselineSide?.results, comparison: comparison)
        for verdict in verdicts {
            Terminal.output(
                "\(verdict.passed ? "PASS" : "FAIL")  \(verdict.suite)  \(verdict.rule)  —  \(verdict.message)")
        }
        if let junit {
            try JUnitWriter.xml(RunComparisons.junit(verdicts, candidate: candidateSide.name)).write(
                to: WorkingDirectory.url(junit), atomically: true, encoding: .utf8)
        }
        let failed = verdicts.count { !$0.passed }
        Terminal.output(
            failed == 0
                ? "gate: passed (\(verdicts.count) checks)" : "gate: FAILED (\(failed) of \(verdicts.count) checks)")
        if failed > 0 { throw ExitCode(1) }
    }
}
