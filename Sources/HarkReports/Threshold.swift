import Foundation
public import HarkCore

/// A bound on a metric, checked as a JUnit test case: `f1>=0.6`, `audiocaps-*:yes_ratio<=0.7`.
public struct Threshold: Sendable, Hashable, CustomStringConvertible {
    public enum Comparison: String, Sendable, Hashable, CaseIterable {
        case atLeast = ">=", atMost = "<=", above = ">", below = "<"

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
    public var metric: String
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
            let range = rest.range(of: comparison.rawValue), let bound = Double(rest[range.upperBound...]), !rest[..<range.lowerBound].isEmpty
        else {
            throw HarkError.badInput("a threshold reads [SUITE:]METRIC>=VALUE (or <=, >, <), e.g. f1>=0.6; found \"\(text)\"")
        }
        metric = String(rest[..<range.lowerBound])
        self.comparison = comparison
        self.bound = bound
    }

    public func applies(to suiteID: String) -> Bool {
        Glob.matches(suiteID, pattern: suite)
    }

    public func holds(_ value: Double) -> Bool { comparison.holds(value, bound) }

    public var description: String { (suite == "*" ? "" : suite + ":") + metric + comparison.rawValue + String(bound) }
}
