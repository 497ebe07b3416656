import Foundation
public import HarkCore

/// A bound on a metric, checked as a JUnit test case: `f1>=0.6`, `audiocaps-*:yes_ratio<=0.7`.
public struct Threshold: Sendable, Hashable, CustomStringConvertible {
    public enum Comparison: String, Sendable, Hashable, CaseIterable {
        case atLeast = ">="
        case atMost = "<="
        case above = ">"
        case below = "<"

        func holds(_ value: Double, _ bound: Double) -> Bool {
            switch self {
            case .atLeast: value >= bound
            case .atMost: value <= bound
            case .above: value > bound
            case .below: value < bound
            }
        }
    }

    /// A suite id pattern with `*` wildcards.
    public var suite: String
    public var metric: MetricName
    public var comparison: Comparison
    public var bound: Double

    public init(_ text: String) throws {
        var rest = Substring(text.replacingOccurrences(of: " ", with: ""))
        if let colon = rest.firstIndex(of: ":") {
            suite = String(rest[..<colon])
            rest = rest[rest.index(after: colon)...]
        } else {
            suite = "*"
        }
        guard let comparison = Comparison.allCases.first(where: { rest.contains($0.rawValue) }),
            let range = rest.range(of: comparison.rawValue), let bound = Double(rest[range.upperBound...]),
            !rest[..<range.lowerBound].isEmpty
        else {
            throw HarkError.badInput(
                "a threshold reads [SUITE:]METRIC>=VALUE (or <=, >, <), e.g. f1>=0.6; found \"\(text)\"")
        }
        metric = MetricName(String(rest[..<range.lowerBound]))
        self.comparison = comparison
        self.bound = bound
    }

    public func applies(to suiteID: String) -> Bool {
        Glob.matches(suiteID, pattern: suite)
    }

    /// Whether it bounds this suite: the id matches and the suite's task has the metric. A suite
    /// with no metrics at all (nothing answered: "no data") is bounded, and fails.
    public func applies(to suite: RunResults.SuiteResults) -> Bool {
        applies(to: suite.id) && (suite.metrics[metric] != nil || suite.metrics.isEmpty)
    }

    public func holds(_ value: Double) -> Bool { comparison.holds(value, bound) }

    public var description: String {
        (suite == "*" ? "" : suite + ":") + metric.rawValue + comparison.rawValue + String(bound)
    }

    /// Every way the runs fail the thresholds, one line each: a bound not met, a metric a suite
    /// does not have ("no data" fails), a threshold that matches no suite. Empty when all hold.
    public static func failures(_ thresholds: [Threshold], runs: [(name: String, results: RunResults)]) -> [String] {
        var failures: [String] = []
        for threshold in thresholds {
            var matched = false
            for run in runs {
                for suite in run.results.suites where threshold.applies(to: suite) {
                    matched = true
                    guard let value = suite.metrics[threshold.metric] else {
                        failures.append("\(run.name) \(suite.id): \(threshold): no data (nothing was answered)")
                        continue
                    }
                    if !threshold.holds(value.value) {
                        failures.append(
                            String(
                                format: "%@ %@: %@: %@ = %.4f", run.name, suite.id, threshold.description,
                                threshold.metric.rawValue, value.value))
                    }
                }
            }
            if !matched { failures.append("\(threshold): matches no suite with \(threshold.metric) in the runs") }
        }
        return failures
    }
}
