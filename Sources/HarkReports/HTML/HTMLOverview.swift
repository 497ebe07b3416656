import Foundation
import HarkCore

/// The report's first screen: a runs × suites matrix of each suite's headline metric, and with two
/// or more runs the significant changes, largest first.
extension HTMLReport {
    /// The metric a suite is judged by at a glance, and whether lower is better.
    static func headline(of suite: RunResults.SuiteResults) -> (name: MetricName, label: String, lowerIsBetter: Bool)? {
        let candidates: [(MetricName, String, Bool)]
        switch suite.task {
        case .yesNo: candidates = [(.f1, "F1", false), (.accuracy, "accuracy", false)]
        case .multipleChoice:
            candidates = [(.accuracy, "accuracy", false), (MetricName.accuracy.judged, "judged accuracy", false)]
        case .instructionFollowing: candidates = [(.ifRate, "IFrate", false), (.promptStrict, "prompt-strict", false)]
        case .caption: candidates = [(.echoI, "ECHO_I", true), (.cover, "Cover", false)]
        case .openQA: candidates = [(.accuracy, "accuracy", false)]
        }
        return candidates.first { suite.metrics[$0.0] != nil }.map { ($0.0, $0.1, $0.2) }
    }

    /// Viridis at `t` in [0, 1] (five stops, linear between), with a text colour that reads on it.
    static func viridis(_ t: Double) -> (background: String, text: String) {
        let stops: [(Double, Double, Double)] = [
            (68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37),
        ]
        let x = min(max(t, 0), 1) * Double(stops.count - 1)
        let low = min(Int(x), stops.count - 2)
        let f = x - Double(low)
        let (a, b) = (stops[low], stops[low + 1])
        let rgb = [a.0 + (b.0 - a.0) * f, a.1 + (b.1 - a.1) * f, a.2 + (b.2 - a.2) * f]
        let luminance = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]
        let hex = rgb.map { String(format: "%02x", Int($0.rounded())) }.joined()
        return ("#" + hex, luminance > 140 ? "#111" : "#fff")
    }

    func overview() -> String {
        let suiteIDs = runs.flatMap { $0.results.suites.map(\.id) }.reduce(into: [String]()) {
            if !$0.contains($1) { $0.append($1) }
        }
        guard !suiteIDs.isEmpty else { return "<p class=\"muted\">No suite was scored.</p>" }
        var html =
            "<p class=\"muted\">Each suite's headline metric (F1 for yes/no probes, accuracy for choice and open questions, IFrate or prompt-strict for instructions, ECHO_I for captions; lower is better where marked ↓). Colour: viridis within each column, brighter is better; ★ the best run (all tied); hover for the 95% interval and n; click a cell to show only that run and suite in the diagnostics, the items and the cards.</p>"
        html += "<div class=\"scroll\"><table class=\"matrix-table\" id=\"overview\"><thead><tr><th>run</th>"
        var columns: [(suite: String, headline: (name: MetricName, label: String, lowerIsBetter: Bool)?)] = []
        for id in suiteIDs {
            let first = runs.lazy.compactMap { $0.results.suites.first { $0.id == id } }.first
            let headline = first.flatMap(Self.headline)
            columns.append((id, headline))
            let label = headline.map { $0.label + ($0.lowerIsBetter ? " ↓" : "") } ?? ""
            html +=
                "<th><div>\(HTMLText.escape(id))</div><div class=\"muted\">\(HTMLText.escape(label))</div></th>"
        }
        html += "</tr></thead><tbody>"
        // Per column: the range of values (for the colour) and the best run.
        var ranges: [(low: Double, high: Double, best: Set<Int>)] = []
        for column in columns {
            let values = runs.map { run -> Double? in
                guard let name = column.headline?.name,
                    let suite = run.results.suites.first(where: { $0.id == column.suite }),
                    let value = suite.metrics[name], value.n > 0
                else { return nil }
                return value.value
            }
            let present = values.compactMap { $0 }
            let low = present.min() ?? 0
            let high = present.max() ?? 0
            // Every run tied for the best starred; none when the column does not vary.
            let best = column.headline?.lowerIsBetter == true ? low : high
            let starred = high > low ? Set(values.indices.filter { values[$0] == best }) : []
            ranges.append((low, high, starred))
        }
        for (index, run) in runs.enumerated() {
            html += "<tr><th>\(HTMLText.escape(run.name))</th>"
            for (position, column) in columns.enumerated() {
                let attributes =
                    "data-run=\"\(HTMLText.escape(run.name))\" data-suite=\"\(HTMLText.escape(column.suite))\" tabindex=\"0\""
                guard let headline = column.headline,
                    let suite = run.results.suites.first(where: { $0.id == column.suite }),
                    let value = suite.metrics[headline.name], value.n > 0
                else {
                    let measured = column.headline.flatMap { headline in
                        run.results.suites.first { $0.id == column.suite }?.metrics[headline.name]
                    }
                    let why = measured == nil ? "not measured" : "undefined: nothing to divide (n = 0)"
                    html +=
                        "<td class=\"heat empty\" data-run=\"\(HTMLText.escape(run.name))\" data-suite=\"\(HTMLText.escape(column.suite))\" title=\"\(why)\">–</td>"
                    continue
                }
                let range = ranges[position]
                let spread = range.high - range.low
                var t = spread > 0 ? (value.value - range.low) / spread : 0.5
                if headline.lowerIsBetter { t = 1 - t }
                let (background, text) = Self.viridis(t)
                let interval =
                    value.ci.flatMap { $0.count == 2 ? String(format: " [%.2f, %.2f]", $0[0] * 100, $0[1] * 100) : nil }
                    ?? ""
                let method = value.method.map { ", \($0)" } ?? ""
                let title =
                    "\(headline.label) \(String(format: "%.2f", value.value * 100))\(interval), n = \(value.n)\(method)"
                let best = range.best.contains(index)
                html +=
                    "<td class=\"heat\(best ? " best" : "")\" \(attributes) style=\"background:\(background);color:\(text)\" title=\"\(HTMLText.escape(title))\">"
                    + String(format: "%.2f", value.value * 100) + (best ? " ★" : "") + "</td>"
            }
            html += "</tr>"
        }
        html += "</tbody></table></div>"
        return html + whatChanged()
    }

    /// The changes whose p-value, after the multiplicity correction, is below 0.05, largest first.
    func whatChanged() -> String {
        guard runs.count > 1, !comparisons.isEmpty else { return "" }
        var changes: [(String, ComparisonSection.Row)] = []
        // A baseline (always-yes, random) differs from everything, and a listening control has its
        // own section: their changes are no news here.
        let baselines = Set(
            runs.filter {
                RunManifest.Model.baselineAdapters.contains($0.results.manifest.model.adapter)
                    || $0.results.manifest.plan.control != nil
            }.map(\.name))
        for comparison in comparisons
        where !baselines.contains(comparison.candidate) && !baselines.contains(comparison.baseline) {
            for row in comparison.rows where row.decidingPValue < 0.05 {
                changes.append(("\(comparison.candidate) vs \(comparison.baseline)", row))
            }
        }
        changes.sort { abs($0.1.difference) > abs($1.1.difference) }
        guard !changes.isEmpty else {
            return "<p class=\"changed\">What changed: no change is significant after the multiplicity correction.</p>"
        }
        var html =
            "<div class=\"changed\"><b>What changed</b> (significant after the multiplicity correction, largest first)<ul>"
        for (pair, row) in changes.prefix(10) where row.ci.count == 2 {
            html +=
                "<li>\(HTMLText.escape(pair)) · \(HTMLText.escape(row.suite)) · \(HTMLText.escape(row.metric.rawValue)) "
                + String(
                    format: "%+.2f [%+.2f, %+.2f], p %.3g", row.difference * 100, row.ci[0] * 100, row.ci[1] * 100,
                    row.decidingPValue) + "</li>"
        }
        if changes.count > 10 { html += "<li class=\"muted\">and \(changes.count - 10) more in Comparison below</li>" }
        return html + "</ul></div>"
    }
}
