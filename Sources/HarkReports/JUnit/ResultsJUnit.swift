import Foundation
public import HarkCore
import HarkScoring

/// The JUnit view of runs: a test suite per (suite × run) with a case for the run's completeness and
/// one per threshold; optionally one case per scored item, up to a cap (CI viewers choke on huge
/// files; GitLab refuses over 30 MB).
public enum ResultsJUnit {
    /// One scored item of a run, for per-item cases.
    public struct ItemOutcome: Sendable {
        public var suite: String
        public var key: String
        public var expected: String
        public var extracted: String
        public var correct: Bool?

        public init(suite: String, key: String, expected: String, extracted: String, correct: Bool?) {
            self.suite = suite
            self.key = key
            self.expected = expected
            self.extracted = extracted
            self.correct = correct
        }
    }

    public static func report(
        runs: [(name: String, results: RunResults)], thresholds: [Threshold], items: [String: [ItemOutcome]] = [:],
        itemCap: Int = 0
    ) -> JUnitReport {
        var remaining = itemCap
        var suites: [JUnitReport.TestSuite] = []
        for run in runs {
            let manifest = run.results.manifest
            for suite in run.results.suites {
                let classname = "\(suite.id).\(run.name)"
                var cases: [JUnitReport.TestCase] = []
                let counts = suite.counts
                let planned = manifest.plan.suiteSamples?[suite.id] ?? counts.samples
                let complete = planned > 0 && counts.answered == planned
                let kinds = counts.errorKinds.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(
                    separator: ", ")
                var problems: [String] = []
                if counts.errors > 0 { problems.append("\(counts.errors) ended in errors (\(kinds))") }
                if counts.samples < planned { problems.append("\(planned - counts.samples) never asked") }
                cases.append(
                    .init(
                        name: "planned samples answered", classname: classname,
                        outcome: complete
                            ? .passed
                            : .error(
                                message: "\(counts.answered) of \(planned) planned samples answered"
                                    + (problems.isEmpty ? "" : ": " + problems.joined(separator: "; ")))))
                for threshold in thresholds where threshold.applies(to: suite) {
                    let name = "\(threshold.metric) \(threshold.comparison.rawValue) \(threshold.bound)"
                    guard let value = suite.metrics[threshold.metric] else {
                        cases.append(
                            .init(
                                name: name, classname: classname,
                                outcome: .error(message: "no data: nothing was answered")))
                        continue
                    }
                    let ci = value.ci.map { String(format: " (95%% CI %.4f–%.4f)", $0[0], $0[1]) } ?? ""
                    let message = String(
                        format: "%@ = %.4f%@, bound %@ %g, n = %d", threshold.metric.rawValue, value.value, ci,
                        threshold.comparison.rawValue, threshold.bound, value.n)
                    cases.append(
                        .init(
                            name: name, classname: classname,
                            outcome: threshold.holds(value.value)
                                ? .passed : .failed(message: message, details: message)))
                }
                for item in (items[run.name] ?? []).filter({ $0.suite == suite.id }) where remaining > 0 {
                    remaining -= 1
                    let detail = "expected \(item.expected), extracted \(item.extracted)"
                    cases.append(
                        .init(
                            name: item.key, classname: classname + ".items",
                            outcome: item.correct == false ? .failed(message: detail, details: detail) : .passed))
                }
                suites.append(
                    .init(
                        name: "\(suite.id) × \(run.name)",
                        timestamp: manifest.startedAt.replacingOccurrences(of: "Z", with: ""),
                        properties: [
                            ("suite_fingerprint", suite.fingerprint), ("model", manifest.model.identity),
                            ("hark_version", manifest.harkVersion), ("git_revision", manifest.gitRevision),
                        ],
                        cases: cases))
            }
        }
        return JUnitReport(suites: suites)
    }
}

extension ResultsJUnit.ItemOutcome {
    /// The outcome of one line of `scores.jsonl`.
    public init(_ score: ScoreRecord) {
        self.init(
            suite: score.suite, key: score.key, expected: score.expected, extracted: score.extracted,
            correct: score.correct)
    }
}
