import Foundation
public import HarkCore

/// A table of results ready to render: row labels, column groups, columns (metrics) and cells, made
/// from one or more runs by a `TableLayout`.
public struct ResultsTable: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        public var labels: [String]
        public var cells: [MetricValue?]
    }

    public var title: String
    public var rowHeaders: [String]
    /// Column groups in order with their labels; empty when the metrics are not grouped.
    public var groups: [String]
    public var metrics: [TableLayout.Metric]
    public var rows: [Row]

    /// Columns: each group's metrics in turn (or the metrics once).
    public var columns: [(group: String?, metric: TableLayout.Metric)] {
        groups.isEmpty ? metrics.map { (nil, $0) } : groups.flatMap { group in metrics.map { (group, $0) } }
    }

    /// A run as a table reads it: its name and results.
    public typealias Run = (name: String, results: RunResults)

    public init(layout: TableLayout, runs: [Run]) {
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
                let cells = shown.flatMap { id in
                    layout.metrics.map { metric in run.results.suites.first { $0.id == id }?.metrics[metric.key] }
                }
                rows.append(Row(labels: [run.name], cells: cells))
            }
        case (.suiteRun, .none):
            rowHeaders = ["Setting", "Model"]
            for id in suiteIDs {
                for run in runs {
                    guard let suite = run.results.suites.first(where: { $0.id == id }) else { continue }
                    rows.append(
                        Row(
                            labels: [Self.setting(of: suite), run.name],
                            cells: layout.metrics.map { suite.metrics[$0.key] }))
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
                        rows.append(Row(labels: labels, cells: layout.metrics.map { slice[$0.key] }))
                    }
                }
            }
        }
        dropEmptyOptionalMetrics()
    }

    /// Drops the optional metrics no row has a value for (ungrouped tables).
    mutating func dropEmptyOptionalMetrics() {
        guard groups.isEmpty else { return }
        let kept = metrics.indices.filter { index in
            !metrics[index].optional || rows.contains { $0.cells[index] != nil }
        }
        guard kept.count < metrics.count else { return }
        metrics = kept.map { metrics[$0] }
        rows = rows.map { row in Row(labels: row.labels, cells: kept.map { row.cells[$0] }) }
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

    /// The rows holding the best value of a column, by the metric's direction; none when fewer than
    /// two rows have a value or all are equal.
    public func best(column: Int) -> Set<Int> {
        let metric = columns[column].metric
        let values = rows.enumerated().compactMap { index, row in row.cells[column].map { (index, $0.value) } }
        guard values.count > 1 else { return [] }
        let score: (Double) -> Double
        switch metric.better {
        case .higher: score = { $0 }
        case .lower: score = { -$0 }
        case .balanced: score = { -abs($0 - 0.5) }
        case .zero: score = { -abs($0) }
        case .none: return []
        }
        guard let top = values.map({ score($0.1) }).max() else { return [] }
        let best = Set(values.filter { abs(score($0.1) - top) < 1e-12 }.map(\.0))
        return best.count == values.count ? [] : best  // a column of equal values has no best
    }

    /// A cell as text: the value in the metric's format, with "± half the CI" when asked, and the
    /// cluster count when the layout asks for it and `clusters` allows it.
    public static func format(
        _ value: MetricValue?, _ metric: TableLayout.Metric, ci: Bool, plusMinus: String = "±", clusters: Bool = true
    ) -> String {
        guard let value else { return "–" }
        func number(_ x: Double) -> String {
            switch metric.format {
            case .percent: String(format: "%.2f", x * 100)
            case .decimal: String(format: "%.3f", x)
            case .integer: String(Int(x.rounded()))
            }
        }
        var text = number(value.value)
        if ci, let interval = value.ci, interval.count == 2 {
            text += " \(plusMinus) " + number((interval[1] - interval[0]) / 2)
        }
        if clusters, metric.clusters, let count = value.clusters { text += " (\(count))" }
        return text
    }
}
