import Foundation
public import HarkCore
import HarkYAML
import Yams

/// How a results table is laid out, declared rather than hard-coded: which rows, which column groups,
/// which metrics with which labels, formats and directions. Built-in layouts cover the usual
/// tables; a user's YAML file gives any other.
///
/// ```yaml
/// title: Object hallucination (Kuan et al. 2024, Table 1)
/// rows: suite-run          # run | suite-run | slice-run
/// slice: sampling          # the tag whose values make rows (slice-run)
/// groups: none             # none | suite (the metrics repeat under each suite)
/// tasks: [yes-no]          # only suites of these tasks (default: all)
/// metrics:
///   - {key: accuracy, label: Acc, better: higher}
///   - {key: yes_ratio, label: Yes, better: balanced}
///   - {key: bias, label: Bias, better: zero}
///   - {key: judge_accuracy, label: Judge, optional: true}   # left out when no row has it
///   - {key: f1, label: F1, clusters: true}                  # "65.88 (25)": the cell's clusters
/// ```
public struct TableLayout: Sendable, Hashable, Codable {
    public enum Rows: String, Sendable, Hashable, Codable {
        /// One row per run.
        case run
        /// One row per suite and run: Kuan et al.'s "sampling setting × model".
        case suiteRun = "suite-run"
        /// One row per value of `slice` and run.
        case sliceRun = "slice-run"
    }

    public enum Groups: String, Sendable, Hashable, Codable {
        case none
        /// The metrics repeat under each suite: a multi-suite summary.
        case suite
    }

    public struct Metric: Sendable, Hashable, Codable {
        public enum Better: String, Sendable, Hashable, Codable {
            case higher, lower
            /// Closest to 0.5 is best: a yes-ratio.
            case balanced
            /// Closest to 0 is best: a bias.
            case zero
            /// No best value is marked.
            case none
        }

        public enum Format: String, Sendable, Hashable, Codable {
            /// ×100 with 2 decimals, as the papers print.
            case percent
            /// As is, 3 decimals.
            case decimal
            case integer
        }

        public var key: MetricName
        public var label: String
        public var better: Better
        public var format: Format
        /// Left out of the table when no row has it (e.g. judge metrics of a run never judged).
        public var optional: Bool
        /// Each cell also says how many clusters its samples fall in: "71.00 (25)".
        public var clusters: Bool

        public init(
            key: MetricName, label: String, better: Better = .higher, format: Format = .percent, optional: Bool = false,
            clusters: Bool = false
        ) {
            self.key = key
            self.label = label
            self.better = better
            self.format = format
            self.optional = optional
            self.clusters = clusters
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            key = try container.decode(MetricName.self, forKey: .key)
            label = try container.decodeIfPresent(String.self, forKey: .label) ?? key.rawValue
            better = try container.decodeIfPresent(Better.self, forKey: .better) ?? .higher
            format = try container.decodeIfPresent(Format.self, forKey: .format) ?? .percent
            optional = try container.decodeIfPresent(Bool.self, forKey: .optional) ?? false
            clusters = try container.decodeIfPresent(Bool.self, forKey: .clusters) ?? false
        }
    }

    public var title: String
    public var rows: Rows
    public var slice: String?
    public var groups: Groups
    /// Only suites of these tasks make rows or groups; nil: every suite.
    public var tasks: [TaskKind]?
    public var metrics: [Metric]

    public init(
        title: String, rows: Rows, slice: String? = nil, groups: Groups = .none, tasks: [TaskKind]? = nil,
        metrics: [Metric]
    ) {
        self.title = title
        self.rows = rows
        self.slice = slice
        self.groups = groups
        self.tasks = tasks
        self.metrics = metrics
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        title = try container.decodeIfPresent(String.self, forKey: .title) ?? "Results"
        rows = try container.decodeIfPresent(Rows.self, forKey: .rows) ?? .run
        slice = try container.decodeIfPresent(String.self, forKey: .slice)
        groups = try container.decodeIfPresent(Groups.self, forKey: .groups) ?? .none
        tasks = try container.decodeIfPresent([TaskKind].self, forKey: .tasks)
        metrics = try container.decode([Metric].self, forKey: .metrics)
    }

    static let hallucinationMetrics: [Metric] = [
        Metric(key: .accuracy, label: "Acc"), Metric(key: .precision, label: "P"), Metric(key: .recall, label: "R"),
        Metric(key: .f1, label: "F1"), Metric(key: .yesRatio, label: "Yes", better: .balanced),
        Metric(key: .f1Std, label: "Std", better: .lower),
        Metric(key: .bias, label: "Bias", better: .zero, optional: true),
    ]

    /// Built-in layouts by name.
    public static let builtIn: [String: TableLayout] = [
        "hallucination": TableLayout(
            title: "Object hallucination", rows: .suiteRun, tasks: [.yesNo], metrics: hallucinationMetrics),
        "slices": TableLayout(
            title: "Results by slice", rows: .sliceRun, slice: "sampling", tasks: [.yesNo],
            metrics: Array(hallucinationMetrics.prefix(5))),
        "choice": TableLayout(
            title: "Understanding and reasoning", rows: .suiteRun, tasks: [.multipleChoice, .openQA],
            metrics: [
                Metric(key: .accuracy, label: "Acc"), Metric(key: .unparsedRate, label: "Unparsed", better: .lower),
                Metric(key: MetricName.accuracy.judged, label: "Judge", optional: true),
            ]),
        "instruction": TableLayout(
            title: "Instruction following", rows: .suiteRun, tasks: [.instructionFollowing],
            metrics: [
                Metric(key: .promptStrict, label: "Prompt strict"),
                Metric(key: .instructionStrict, label: "Inst. strict"),
                Metric(key: .promptLoose, label: "Prompt loose", optional: true),
                Metric(key: .instructionLoose, label: "Inst. loose", optional: true),
                Metric(key: .ifRate, label: "IFrate", optional: true),
            ]),
        "summary": TableLayout(
            title: "Summary", rows: .run, groups: .suite,
            metrics: [
                Metric(key: .accuracy, label: "Acc"), Metric(key: .f1, label: "F1"),
                Metric(key: .unparsedRate, label: "Unparsed", better: .lower),
            ]),
    ]

    /// A built-in layout by name, or a layout file.
    /// The built-in layout for runs of these tasks: hallucination where any is yes-no, instruction
    /// where all are instruction following, else choice.
    public static func defaultName(for tasks: Set<TaskKind>) -> String {
        tasks.contains(.yesNo) ? "hallucination" : tasks == [.instructionFollowing] ? "instruction" : "choice"
    }

    public static func resolve(_ reference: String) throws -> TableLayout {
        if let layout = builtIn[reference] { return layout }
        guard let text = try? String(contentsOfFile: reference, encoding: .utf8) else {
            let names = builtIn.keys.sorted().joined(separator: ", ")
            throw HarkError.badInput(
                "no such layout file, and not a built-in layout (\(names))", at: SourceLocation(file: reference))
        }
        return try YAMLText.decode(TableLayout.self, from: text, file: reference)
    }
}
