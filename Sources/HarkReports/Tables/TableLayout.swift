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
///   - {key: accuracy, label: Sound, slice: task, value: sound}   # a slice's value as a column
/// best: group              # group (per setting / slice block) | column | none
/// second_best: true        # underline the second best
/// baselines: [always-yes]  # runs never marked best (built-in baselines never are)
/// mark_balanced: false     # mark "balanced" metrics (a yes-ratio) best at all
/// reference: base          # mark significant paired changes against this run (with a comparison)
/// marker: "†"
/// uncertainty: ci          # none | ci (± half the 95% interval, [lo, hi] where asymmetric) | std
/// label: tab:hallucination # \label in LaTeX
/// siunitx: false           # S columns aligned on the decimal point (\usepackage{siunitx})
/// multirow: false          # a block's name in \multirow (\usepackage{multirow}), else on its first row
/// wide: false              # table* across both columns
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
        /// The metric of one slice (`slice: task, value: sound`) instead of the suite's.
        public var slice: String?
        public var value: String?
        /// The metric whose value is this one's spread, for `uncertainty: std` (default `<key>_std`).
        public var std: MetricName?
        /// A header over consecutive metrics of the same group ("Task" over Sound, Music, Speech).
        public var group: String?

        public init(
            key: MetricName, label: String, better: Better = .higher, format: Format = .percent, optional: Bool = false,
            clusters: Bool = false, slice: String? = nil, value: String? = nil, std: MetricName? = nil,
            group: String? = nil
        ) {
            self.key = key
            self.label = label
            self.better = better
            self.format = format
            self.optional = optional
            self.clusters = clusters
            self.slice = slice
            self.value = value
            self.std = std
            self.group = group
        }

        /// This metric's value in a suite's results (its slice's, when it names one).
        func value(in suite: RunResults.SuiteResults) -> MetricValue? {
            guard let slice else { return suite.metrics[key] }
            return suite.slices[slice]?[value ?? ""]?[key]
        }

        /// The spread that goes with this metric's value in a suite, if the suite has one.
        func spread(in suite: RunResults.SuiteResults) -> MetricValue? {
            guard slice == nil else { return nil }
            return suite.metrics[std ?? MetricName(rawValue: key.rawValue + "_std")]
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            key = try container.decode(MetricName.self, forKey: .key)
            label = try container.decodeIfPresent(String.self, forKey: .label) ?? key.rawValue
            better = try container.decodeIfPresent(Better.self, forKey: .better) ?? .higher
            format = try container.decodeIfPresent(Format.self, forKey: .format) ?? .percent
            optional = try container.decodeIfPresent(Bool.self, forKey: .optional) ?? false
            clusters = try container.decodeIfPresent(Bool.self, forKey: .clusters) ?? false
            slice = try container.decodeIfPresent(String.self, forKey: .slice)
            value = try container.decodeIfPresent(String.self, forKey: .value)
            std = try container.decodeIfPresent(MetricName.self, forKey: .std)
            group = try container.decodeIfPresent(String.self, forKey: .group)
        }
    }

    /// Which rows compete for "best": those of one block (a setting, suite or slice value), or the
    /// whole column.
    public enum BestScope: String, Sendable, Hashable, Codable {
        case group, column, none
    }

    /// What follows a value: nothing, ± half the 95% interval (`[lo, hi]` where it is not
    /// symmetric), or ± the spread over templates or repeats.
    public enum Uncertainty: String, Sendable, Hashable, Codable {
        case none, ci, std
    }

    public var title: String
    public var rows: Rows
    public var slice: String?
    public var groups: Groups
    /// Only suites of these tasks make rows or groups; nil: every suite.
    public var tasks: [TaskKind]?
    public var metrics: [Metric]
    public var best: BestScope = .group
    public var secondBest = false
    /// Runs never marked best, beside the built-in baselines.
    public var baselines: [String] = []
    public var markBalanced = false
    /// The run the significance markers compare against.
    public var reference: String?
    public var marker = "†"
    public var uncertainty: Uncertainty = .none
    public var label: String?
    public var siunitx = false
    public var multirow = false
    public var wide = false

    enum CodingKeys: String, CodingKey {
        case title, rows, slice, groups, tasks, metrics, best, baselines, reference, marker, uncertainty, label, siunitx
        case multirow, wide
        case secondBest = "second_best"
        case markBalanced = "mark_balanced"
    }

    public init(
        title: String, rows: Rows, slice: String? = nil, groups: Groups = .none, tasks: [TaskKind]? = nil,
        metrics: [Metric], label: String? = nil
    ) {
        self.title = title
        self.rows = rows
        self.slice = slice
        self.groups = groups
        self.tasks = tasks
        self.metrics = metrics
        self.label = label
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        title = try container.decodeIfPresent(String.self, forKey: .title) ?? "Results"
        rows = try container.decodeIfPresent(Rows.self, forKey: .rows) ?? .run
        slice = try container.decodeIfPresent(String.self, forKey: .slice)
        groups = try container.decodeIfPresent(Groups.self, forKey: .groups) ?? .none
        tasks = try container.decodeIfPresent([TaskKind].self, forKey: .tasks)
        metrics = try container.decode([Metric].self, forKey: .metrics)
        best = try container.decodeIfPresent(BestScope.self, forKey: .best) ?? .group
        secondBest = try container.decodeIfPresent(Bool.self, forKey: .secondBest) ?? false
        baselines = try container.decodeIfPresent([String].self, forKey: .baselines) ?? []
        markBalanced = try container.decodeIfPresent(Bool.self, forKey: .markBalanced) ?? false
        reference = try container.decodeIfPresent(String.self, forKey: .reference)
        marker = try container.decodeIfPresent(String.self, forKey: .marker) ?? "†"
        uncertainty = try container.decodeIfPresent(Uncertainty.self, forKey: .uncertainty) ?? .none
        label = try container.decodeIfPresent(String.self, forKey: .label)
        siunitx = try container.decodeIfPresent(Bool.self, forKey: .siunitx) ?? false
        multirow = try container.decodeIfPresent(Bool.self, forKey: .multirow) ?? false
        wide = try container.decodeIfPresent(Bool.self, forKey: .wide) ?? false
    }

    static let hallucinationMetrics: [Metric] = [
        Metric(key: .accuracy, label: "Acc"), Metric(key: .precision, label: "P"), Metric(key: .recall, label: "R"),
        Metric(key: .f1, label: "F1"), Metric(key: .yesRatio, label: "Yes", better: .balanced),
        Metric(key: .f1Std, label: "Std", better: .lower),
        Metric(key: .bias, label: "Bias", better: .zero, optional: true),
    ]

    /// Built-in layouts by name: hark's own, and each benchmark's published table.
    public static let builtIn: [String: TableLayout] = ownLayouts.merging(PublishedLayouts.all) { own, _ in own }

    static let ownLayouts: [String: TableLayout] = [
        "hallucination": TableLayout(
            title: "Object hallucination", rows: .suiteRun, tasks: [.yesNo], metrics: hallucinationMetrics,
            label: "tab:hallucination"),
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
