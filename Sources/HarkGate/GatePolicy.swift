import Foundation
public import HarkCore
public import HarkScoring
import HarkYAML
import Yams

/// The rules a candidate run must pass, from YAML:
///
/// ```yaml
/// gates:
///   - {suite: audiocaps-adversarial, metric: f1, min: 0.60}
///   - {suite: "*", metric: accuracy, max_drop: 0.02, significance: 0.05}
///   - {metric: unparsed_rate, max: 0.05}
///   - {metric: error_rate, max: 0.0}
/// adjust: holm          # how p-values are adjusted for the comparison's many changes: holm | bh | none
/// ```
///
/// `significance` is judged on the adjusted p-value.
public struct GatePolicy: Sendable, Hashable {
    public struct Rule: Sendable, Hashable, CustomStringConvertible {
        /// Suite ids it applies to, `*` wildcards allowed.
        public var suite: String
        public var metric: MetricName
        public var min: Double?
        public var max: Double?
        /// Largest allowed fall from the baseline (baseline − candidate).
        public var maxDrop: Double?
        /// Largest allowed rise from the baseline (candidate − baseline).
        public var maxRise: Double?
        /// With max_drop / max_rise: fail only when the change is also significant at this level.
        public var significance: Double?
        /// The line of the policy file it was read from.
        public var line: Int
        /// Whether the rule may match no suite of the candidate; otherwise that fails the gate.
        public var optional = false

        public init(
            suite: String = "*", metric: MetricName, min: Double? = nil, max: Double? = nil, maxDrop: Double? = nil,
            maxRise: Double? = nil, significance: Double? = nil, line: Int = 0
        ) {
            self.suite = suite
            self.metric = metric
            self.min = min
            self.max = max
            self.maxDrop = maxDrop
            self.maxRise = maxRise
            self.significance = significance
            self.line = line
        }

        public var needsBaseline: Bool { maxDrop != nil || maxRise != nil }

        public var description: String {
            var bounds: [String] = []
            if let min { bounds.append("min \(min)") }
            if let max { bounds.append("max \(max)") }
            if let maxDrop { bounds.append("max_drop \(maxDrop)") }
            if let maxRise { bounds.append("max_rise \(maxRise)") }
            if let significance { bounds.append("significance \(significance)") }
            return "\(metric) " + bounds.joined(separator: ", ")
        }
    }

    public var rules: [Rule]
    /// Whether the candidate may lack suites the baseline has; otherwise each one fails the gate.
    public var allowMissingSuites = false
    /// How the comparison's p-values are adjusted for their number before `significance` is judged.
    public var adjustment: Multiplicity = .holm

    public init(rules: [Rule], allowMissingSuites: Bool = false) {
        self.rules = rules
        self.allowMissingSuites = allowMissingSuites
    }

    /// Reads a policy file; every problem names its line and field.
    public init(path: String) throws {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw HarkError.badInput("no such gate policy", at: SourceLocation(file: path))
        }
        let root = try YAMLText.compose(text, file: path)
        guard let gates = root?.mapping?["gates"]?.sequence else {
            throw HarkError.badInput(
                "expected a mapping with a list `gates`",
                at: SourceLocation(file: path, line: root?.mark?.line, field: "gates"))
        }
        let topLevel: Set<String> = ["gates", "allow_missing_suites", "adjust"]
        for (key, node) in root?.mapping ?? [:] where !topLevel.contains(key.string ?? "") {
            throw HarkError.badInput(
                "unknown key \"\(key.string ?? "")\" (known: \(topLevel.sorted().joined(separator: ", ")))",
                at: SourceLocation(file: path, line: key.mark?.line ?? node.mark?.line, field: key.string))
        }
        if let node = root?.mapping?["allow_missing_suites"] {
            guard let value = node.bool else {
                throw HarkError.badInput(
                    "expected true or false",
                    at: SourceLocation(file: path, line: node.mark?.line, field: "allow_missing_suites"))
            }
            allowMissingSuites = value
        }
        if let node = root?.mapping?["adjust"] {
            guard let name = node.string, let value = Multiplicity(rawValue: name) else {
                throw HarkError.badInput(
                    "expected one of \(Multiplicity.allCases.map(\.rawValue).joined(separator: ", "))",
                    at: SourceLocation(file: path, line: node.mark?.line, field: "adjust"))
            }
            adjustment = value
        }
        let known: Set<String> = ["suite", "metric", "min", "max", "max_drop", "max_rise", "significance", "optional"]
        var rules: [Rule] = []
        for (index, gate) in gates.enumerated() {
            let location = SourceLocation(file: path, line: gate.mark?.line, field: "gates[\(index)]")
            guard let fields = gate.mapping else { throw HarkError.badInput("expected a mapping", at: location) }
            for (key, _) in fields where !known.contains(key.string ?? "") {
                throw HarkError.badInput(
                    "unknown key \"\(key.string ?? "")\" (known: \(known.sorted().joined(separator: ", ")))",
                    at: location)
            }
            guard let metric = fields["metric"]?.string else {
                throw HarkError.badInput("metric: missing", at: location)
            }
            func number(_ key: String) throws -> Double? {
                guard let node = fields[key] else { return nil }
                guard let value = node.float ?? node.int.map(Double.init) else {
                    throw HarkError.badInput("\(key): expected a number", at: location)
                }
                return value
            }
            var rule = Rule(
                suite: fields["suite"]?.string ?? "*", metric: MetricName(metric), min: try number("min"),
                max: try number("max"),
                maxDrop: try number("max_drop"), maxRise: try number("max_rise"),
                significance: try number("significance"),
                line: gate.mark?.line ?? 0)
            if let node = fields["optional"] {
                guard let value = node.bool else {
                    throw HarkError.badInput("optional: expected true or false", at: location)
                }
                rule.optional = value
            }
            if rule.min == nil && rule.max == nil && rule.maxDrop == nil && rule.maxRise == nil {
                throw HarkError.badInput("a gate needs min, max, max_drop or max_rise", at: location)
            }
            rules.append(rule)
        }
        self.rules = rules
    }
}
