import Foundation
public import HarkCore

/// Checks a candidate run against a policy, with a baseline for rules on change.
public enum Gate {
    public struct Verdict: Sendable, Hashable, Codable {
        public var rule: String
        public var suite: String
        public var metric: MetricName
        public var value: Double?
        public var baseline: Double?
        public var difference: Double?
        public var pValue: Double?
        public var passed: Bool
        /// Why it failed, or what was checked: metric, value, bound, difference, p-value.
        public var message: String

        enum CodingKeys: String, CodingKey {
            case rule, suite, metric, value, baseline, difference, passed, message
            case pValue = "p_value"
        }
    }

    /// `error_rate` and `unparsed_rate` come from the counts; every other metric from the results.
    static func value(_ metric: MetricName, of suite: RunResults.SuiteResults) -> Double? {
        switch metric {
        case .errorRate: suite.counts.samples > 0 ? Double(suite.counts.errors) / Double(suite.counts.samples) : 0
        case .unparsedRate:
            suite.metrics[.unparsedRate]?.value
                ?? suite.counts.unparsed.map {
                    suite.counts.answered > 0 ? Double($0) / Double(suite.counts.answered) : 0
                }
        default: suite.metrics[metric]?.value
        }
    }

    public static func evaluate(
        _ policy: GatePolicy, candidate: RunResults, baseline: RunResults?, comparison: RunComparison?
    ) throws -> [Verdict] {
        var verdicts: [Verdict] = []
        for rule in policy.rules {
            if rule.needsBaseline && baseline == nil {
                throw HarkError.badInput(
                    "the rule on line \(rule.line) (\(rule)) compares with a baseline: give --baseline")
            }
            let suites = candidate.suites.filter { Glob.matches($0.id, pattern: rule.suite) }
            if suites.isEmpty && !rule.optional {
                verdicts.append(
                    Verdict(
                        rule: rule.description, suite: rule.suite, metric: rule.metric, passed: false,
                        message:
                            "the rule on line \(rule.line) matches no suite of the candidate (suite: \(rule.suite)); set optional: true if that is expected"
                    ))
            }
            for suite in suites {
                verdicts.append(
                    verdict(
                        rule, suite: suite, baseline: baseline?.suites.first { $0.id == suite.id },
                        change: comparison?.suites.first { $0.suite == suite.id }?.change(rule.metric)))
            }
        }
        if let baseline, !policy.allowMissingSuites {
            let present = Set(candidate.suites.map(\.id))
            for suite in baseline.suites where !present.contains(suite.id) {
                verdicts.append(
                    Verdict(
                        rule: "suites", suite: suite.id, metric: "-", passed: false,
                        message:
                            "the candidate lacks suite \(suite.id), which the baseline has; set allow_missing_suites: true if that is expected"
                    ))
            }
        }
        return verdicts
    }

    static func verdict(
        _ rule: GatePolicy.Rule, suite: RunResults.SuiteResults, baseline: RunResults.SuiteResults?,
        change: RunComparison.MetricChange?
    ) -> Verdict {
        var result = Verdict(rule: rule.description, suite: suite.id, metric: rule.metric, passed: true, message: "")
        guard let value = value(rule.metric, of: suite) else {
            result.passed = false
            result.message = "\(suite.id) has no metric \(rule.metric)"
            return result
        }
        result.value = value
        var problems: [String] = []
        if let min = rule.min, value < min {
            problems.append(String(format: "%@ = %.4f is below the floor %g", rule.metric.rawValue, value, min))
        }
        if let max = rule.max, value > max {
            problems.append(String(format: "%@ = %.4f is above the ceiling %g", rule.metric.rawValue, value, max))
        }
        if rule.needsBaseline {
            let before = change?.baseline ?? baseline.flatMap { Self.value(rule.metric, of: $0) }
            if let before {
                let difference = change?.difference ?? value - before
                result.baseline = before
                result.difference = difference
                // Significance by the p-value adjusted over the comparison's changes.
                result.pValue = change?.decidingPValue
                let significant =
                    rule.significance.map { level in (change?.decidingPValue).map { $0 < level } ?? true } ?? true
                let pText =
                    change.map {
                        String(format: ", p = %.4g%@", $0.decidingPValue, $0.adjustedPValue == nil ? "" : " adjusted")
                    } ?? ""
                if let maxDrop = rule.maxDrop, -difference > maxDrop, significant {
                    problems.append(
                        String(
                            format: "%@ fell %.4f (%.4f → %.4f%@), more than max_drop %g", rule.metric.rawValue,
                            -difference,
                            before, value, pText, maxDrop))
                }
                if let maxRise = rule.maxRise, difference > maxRise, significant {
                    problems.append(
                        String(
                            format: "%@ rose %.4f (%.4f → %.4f%@), more than max_rise %g", rule.metric.rawValue,
                            difference,
                            before, value, pText, maxRise))
                }
            } else {
                problems.append("the baseline has no \(rule.metric) for \(suite.id)")
            }
        }
        result.passed = problems.isEmpty
        result.message =
            problems.isEmpty
            ? String(format: "%@ = %.4f", rule.metric.rawValue, value)
                + (result.difference.map {
                    String(
                        format: " (change %+.4f%@)", $0, result.pValue.map { String(format: ", p = %.4g", $0) } ?? "")
                } ?? "")
            : problems.joined(separator: "; ")
        return result
    }
}

extension Gate.Verdict {
    /// The verdict as a line: `PASS  suite  rule  —  message`.
    public var line: String { "\(passed ? "PASS" : "FAIL")  \(suite)  \(rule)  —  \(message)" }
}

extension Gate {
    /// The last line of a gate: passed, or how many checks failed.
    public static func summary(_ verdicts: [Verdict]) -> String {
        let failed = verdicts.count { !$0.passed }
        return failed == 0
            ? "gate: passed (\(verdicts.count) checks)" : "gate: FAILED (\(failed) of \(verdicts.count) checks)"
    }
}
