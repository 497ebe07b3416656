import Foundation
public import HarkCore

/// A table of results ready to render: row labels, column groups, columns (metrics) and cells, made
/// from one or more runs by a `TableLayout`.
public struct ResultsTable: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        public var labels: [String]
        public var cells: [MetricValue?]
        /// Each cell's spread over templates or repeats (for `uncertainty: std`), where there is one.
        public var spreads: [MetricValue?] = []
        /// The run the row shows, and the suite each cell's value is from.
        public var run = ""
        public var suites: [String?] = []
        /// A baseline or the reference: never marked best.
        public var competes = true
        /// The block the row belongs to: its suite (setting × model), or its suite and slice value.
        public var block: String?

        public init(labels: [String], cells: [MetricValue?]) {
            self.labels = labels
            self.cells = cells
        }
    }

    /// How a cell is marked: the best or second best of its block or column, and whether its
    /// change against the reference run is significant.
    public struct Mark: Sendable, Hashable {
        public enum Rank: Sendable, Hashable { case best, second }
        public var rank: Rank?
        public var significant = false
    }

    public var title: String
    public var rowHeaders: [String]
    /// Column groups in order with their labels; empty when the metrics are not grouped.
    public var groups: [String]
    public var metrics: [TableLayout.Metric]
    public var rows: [Row]
    /// The layout's marking and typesetting options.
    public var layout: TableLayout
    /// What the caption says after the title: the extractor, policy and interval method, and what a
    /// significance marker means.
    public var notes: [String] = []
    /// Each row's cells' marks (`marks[row][column]`).
    public private(set) var marks: [[Mark]] = []

    /// Columns: each suite group's metrics in turn, or the metrics once under their own groups.
    public var columns: [(group: String?, metric: TableLayout.Metric)] {
        groups.isEmpty ? metrics.map { ($0.group, $0) } : groups.flatMap { group in metrics.map { (group, $0) } }
    }

    /// Whether a row starts a block (its setting's or slice's rows): the block's labels are printed
    /// once, on it.
    public func startsBlock(_ row: Int) -> Bool {
        row == 0 || rows[row].block != rows[row - 1].block
    }

    /// A run as a table reads it: its name and results.
    public typealias Run = (name: String, results: RunResults)

    public init(layout: TableLayout, runs: [Run]) {
        self.layout = layout
        title = layout.title
        metrics = layout.metrics
        groups = []
        rows = []
        let suiteIDs = Self.suiteOrder(runs).filter { id in
            guard let tasks = layout.tasks else { return true }
            return runs.contains { run in run.results.suites.contains { $0.id == id && tasks.contains($0.task) } }
        }
        switch (layout.rows, layout.groups) {
        case (_, .suite), (.run, .none):
            rowHeaders = ["Model"]
            groups = layout.groups == .suite ? suiteIDs : []
            let shown = layout.groups == .suite ? suiteIDs : Array(suiteIDs.prefix(1))
            for run in runs {
                // No suite of the layout's tasks: the row is empty, not short.
                let suites: [RunResults.SuiteResults?] =
                    shown.isEmpty
                    ? layout.metrics.map { _ in nil }
                    : shown.flatMap { id in layout.metrics.map { _ in run.results.suites.first { $0.id == id } } }
                let metrics = shown.isEmpty ? layout.metrics : shown.flatMap { _ in layout.metrics }
                rows.append(Self.row([run.name], run, suites: suites, metrics: metrics, layout: layout))
            }
        case (.suiteRun, .none):
            rowHeaders = ["Setting", "Model"]
            for id in suiteIDs {
                for run in runs {
                    guard let suite = run.results.suites.first(where: { $0.id == id }) else { continue }
                    var row = Self.row(
                        [Self.setting(of: suite), run.name], run,
                        suites: layout.metrics.map { _ in suite }, metrics: layout.metrics, layout: layout)
                    row.block = id
                    rows.append(row)
                }
            }
        case (.sliceRun, .none):
            let tag = layout.slice ?? "sampling"
            rowHeaders = suiteIDs.count > 1 ? ["Suite", tag.capitalized, "Model"] : [tag.capitalized, "Model"]
            for id in suiteIDs {
                let values = Self.sliceValues(tag, suite: id, runs: runs)
                for value in values {
                    for run in runs {
                        guard let slice = run.results.suites.first(where: { $0.id == id })?.slices[tag]?[value] else {
                            continue
                        }
                        let labels = (suiteIDs.count > 1 ? [id] : []) + [value, run.name]
                        // A metric of another slice has no value within this one.
                        var row = Row(
                            labels: labels, cells: layout.metrics.map { $0.slice == nil ? slice[$0.key] : nil })
                        row.block = id + "\t" + value
                        row.spreads = row.cells.map { _ in nil }
                        row.run = run.name
                        row.suites = row.cells.map { _ in nil }
                        row.competes = Self.competes(run, layout)
                        rows.append(row)
                    }
                }
            }
        }
        dropEmptyOptionalMetrics()
        notes = Self.notes(runs, suiteIDs: suiteIDs, rows: rows, layout: layout)
        marks = rows.map { row in row.cells.map { _ in Mark() } }
        for column in columns.indices { rank(column: column) }
    }

    /// A row of `metrics`, each read from the suite beside it.
    static func row(
        _ labels: [String], _ run: Run, suites: [RunResults.SuiteResults?], metrics: [TableLayout.Metric],
        layout: TableLayout
    ) -> Row {
        var row = Row(labels: labels, cells: zip(metrics, suites).map { metric, suite in suite.flatMap(metric.value) })
        row.spreads = zip(metrics, suites).map { metric, suite in suite.flatMap(metric.spread) }
        row.run = run.name
        row.suites = suites.map { $0?.id }
        row.competes = competes(run, layout)
        return row
    }

    /// Whether a run competes for best: not a built-in baseline, not declared one, not the reference.
    static func competes(_ run: Run, _ layout: TableLayout) -> Bool {
        !run.results.manifest.model.isBaseline && !layout.baselines.contains(run.name) && layout.reference != run.name
    }

    /// The caption's notes: how the suites shown were scored, and their intervals' method.
    static func notes(_ runs: [Run], suiteIDs: [String], rows: [Row], layout: TableLayout) -> [String] {
        let suites = runs.flatMap { $0.results.suites.filter { suiteIDs.contains($0.id) } }
        func distinct(_ key: String) -> [String] {
            var values: [String] = []
            for suite in suites {
                if let value = suite.scoring?.objectValue?[key]?.stringValue, !values.contains(value) {
                    values.append(value)
                }
            }
            return values
        }
        var parts: [String] = []
        let extractors = distinct("extractor")
        let policies = distinct("policy")
        if !extractors.isEmpty { parts.append("extractor " + extractors.joined(separator: ", ")) }
        if !policies.isEmpty { parts.append("policy " + policies.joined(separator: ", ")) }
        var notes = parts.isEmpty ? [] : ["Scored with " + parts.joined(separator: "; ") + "."]
        switch layout.uncertainty {
        case .ci:
            var methods: [String] = []
            for row in rows {
                for cell in row.cells where cell?.ci != nil {
                    let method = cell?.method ?? "wilson"
                    if !methods.contains(method) { methods.append(method) }
                }
            }
            if !methods.isEmpty {
                notes.append(
                    "± half the 95% interval ([low, high] where it is not symmetric); "
                        + methods.joined(separator: ", ") + ".")
            }
        case .std:
            if rows.contains(where: { $0.spreads.contains { $0 != nil } }) {
                notes.append("± the standard deviation over prompt templates.")
            }
        case .none: break
        }
        return notes
    }

    /// Marks the best (and second best) cells of a column: within each block, or the whole column,
    /// among the rows that compete. Balanced metrics are marked only when the layout asks.
    mutating func rank(column: Int) {
        let metric = columns[column].metric
        guard layout.best != .none, metric.better != .none, metric.better != .balanced || layout.markBalanced else {
            return
        }
        var blocks: [[Int]] = []
        for index in rows.indices {
            if layout.best == .group && startsBlock(index) || blocks.isEmpty { blocks.append([]) }
            blocks[blocks.count - 1].append(index)
        }
        for block in blocks {
            // Values compete as printed (82.796 and 82.804 tie at 82.80); undefined ones not at all.
            let scored = block.compactMap { index -> (Int, Double)? in
                guard rows[index].competes, let value = rows[index].cells[column], value.n > 0 || value.ci != nil,
                    let printed = Double(Self.number(value.value, metric))
                else { return nil }
                return (index, metric.better.score(metric.format == .percent ? printed / 100 : printed))
            }
            let scores = Array(Set(scored.map(\.1))).sorted(by: >)
            // A block of fewer than two values, or of equal values, has no best.
            guard scored.count > 1, scores.count > 1 else { continue }
            for (index, score) in scored {
                if score == scores[0] {
                    marks[index][column].rank = .best
                } else if layout.secondBest, score == scores[1] {
                    marks[index][column].rank = .second
                }
            }
        }
    }

    /// Marks the cells whose paired change against the reference run is significant, as
    /// `isSignificant(run, suite, metric)` says, and explains the marker in the caption.
    public mutating func markSignificant(
        explained note: String, _ isSignificant: (_ run: String, _ suite: String, _ metric: MetricName) -> Bool
    ) {
        let columns = self.columns
        // Slice rows and slice columns have no paired comparison: nothing to mark, nothing to explain.
        guard
            rows.contains(where: { row in
                columns.indices.contains { row.suites[$0] != nil && columns[$0].metric.slice == nil }
            })
        else { return }
        for (index, row) in rows.enumerated() where row.run != layout.reference {
            for column in columns.indices where columns[column].metric.slice == nil {
                guard row.cells[column] != nil, let suite = row.suites[column] else { continue }
                if isSignificant(row.run, suite, columns[column].metric.key) { marks[index][column].significant = true }
            }
        }
        notes.append(note)
    }

    /// Drops the optional metrics no row has a value for (ungrouped tables).
    mutating func dropEmptyOptionalMetrics() {
        guard groups.isEmpty else { return }
        let kept = metrics.indices.filter { index in
            !metrics[index].optional || rows.contains { $0.cells[index] != nil }
        }
        guard kept.count < metrics.count else { return }
        metrics = kept.map { metrics[$0] }
        rows = rows.map { row in
            var row = row
            row.cells = kept.map { row.cells[$0] }
            row.spreads = kept.map { row.spreads[$0] }
            row.suites = kept.map { row.suites[$0] }
            return row
        }
    }

    /// The suites in the order the runs first name them.
    static func suiteOrder(_ runs: [Run]) -> [String] {
        var order: [String] = []
        for run in runs { for suite in run.results.suites where !order.contains(suite.id) { order.append(suite.id) } }
        return order
    }

    /// A suite's sampling setting when all its items share one, else its id.
    static func setting(of suite: RunResults.SuiteResults) -> String {
        if let values = suite.slices["sampling"], values.count == 1, let only = values.keys.first { return only }
        return suite.id
    }

    /// A slice's values, random / popular / adversarial first in that order, then by name.
    static func sliceValues(_ tag: String, suite: String, runs: [Run]) -> [String] {
        var values: Set<String> = []
        for run in runs { values.formUnion(run.results.suites.first { $0.id == suite }?.slices[tag]?.keys ?? [:].keys) }
        let known = ["random", "popular", "adversarial"]
        return known.filter(values.contains) + values.subtracting(known).sorted()
    }

    /// The rows marked best in a column.
    public func best(column: Int) -> Set<Int> {
        Set(rows.indices.filter { marks[$0][column].rank == .best })
    }

    /// A cell as text: "–" where there is no value or it is undefined (n = 0, whatever interval a
    /// resample gave it); the value in the
    /// metric's format; the uncertainty the layout asks for (`ci` forces intervals): "± half" where
    /// the interval is symmetric as printed, else "[low, high]"; "± std"; the cluster count when the
    /// layout asks for it and `clusters` allows it.
    public func text(row: Int, column: Int, ci: Bool, plusMinus: String = "±", clusters: Bool = true) -> String {
        let metric = columns[column].metric
        let uncertainty = ci ? .ci : layout.uncertainty
        return Self.format(
            rows[row].cells[column], metric, uncertainty: uncertainty, spread: rows[row].spreads[column],
            plusMinus: plusMinus, clusters: clusters)
    }

    public static func format(
        _ value: MetricValue?, _ metric: TableLayout.Metric, uncertainty: TableLayout.Uncertainty = .none,
        spread: MetricValue? = nil, plusMinus: String = "±", clusters: Bool = true
    ) -> String {
        guard let value, value.n > 0 || metric.format == .integer else { return "–" }
        func number(_ x: Double) -> String { Self.number(x, metric) }
        var text = number(value.value)
        switch uncertainty {
        case .ci:
            if let interval = value.ci, interval.count == 2 {
                let below = number(value.value - interval[0])
                let above = number(interval[1] - value.value)
                text +=
                    below == above
                    ? " \(plusMinus) " + below : " [\(number(interval[0])), \(number(interval[1]))]"
            }
        case .std:
            if let spread { text += " \(plusMinus) " + number(spread.value) }
        case .none: break
        }
        if clusters, metric.clusters, let count = value.clusters { text += " (\(count))" }
        return text
    }
}

extension ResultsTable {
    /// A number in a metric's format: percent with 2 decimals, 3 decimals, or an integer.
    public static func number(_ x: Double, _ metric: TableLayout.Metric) -> String {
        switch metric.format {
        case .percent: String(format: "%.2f", x * 100)
        case .decimal: String(format: "%.3f", x)
        case .integer: String(Int(x.rounded()))
        }
    }
}

extension TableLayout.Metric.Better {
    /// Larger is better, whatever the direction.
    func score(_ value: Double) -> Double {
        switch self {
        case .higher, .none: value
        case .lower: -value
        case .balanced: -abs(value - 0.5)
        case .zero: -abs(value)
        }
    }
}
