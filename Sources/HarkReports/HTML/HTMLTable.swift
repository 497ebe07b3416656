/// A results table as HTML for the report: best values in bold, intervals as they are (± where
/// symmetric as printed, else [lo, hi]), undefined values "–" with the reason on hover, the caption's
/// notes and the intervals' methods under the title; all text escaped.
public enum HTMLTable {
    public static func render(_ table: ResultsTable, ci: Bool) -> String {
        let columns = table.columns
        var html = "<h3>\(HTMLText.escape(table.title))</h3>"
        var caption = table.notes
        let methods = Set(table.rows.flatMap { $0.cells.compactMap { $0?.ci == nil ? nil : $0?.method } }).sorted()
        if ci, !methods.isEmpty {
            caption.append(
                "Intervals: 95%, by " + methods.map { Self.methodNames[$0] ?? $0 }.joined(separator: ", ") + ".")
        }
        if !caption.isEmpty { html += "<p class=\"muted\">\(HTMLText.escape(caption.joined(separator: " ")))</p>" }
        html += "<table class=\"results\"><thead>"
        if !table.groups.isEmpty {
            html += "<tr>" + table.rowHeaders.map { _ in "<th></th>" }.joined()
            html +=
                table.groups.map { "<th colspan=\"\(table.metrics.count)\">\(HTMLText.escape($0))</th>" }.joined()
                + "</tr>"
        }
        html +=
            "<tr>" + (table.rowHeaders + columns.map(\.metric.label)).map { "<th>\(HTMLText.escape($0))</th>" }.joined()
            + "</tr></thead><tbody>"
        for (index, row) in table.rows.enumerated() {
            html += "<tr>" + row.labels.map { "<td>\(HTMLText.escape($0))</td>" }.joined()
            for column in row.cells.indices {
                let text = HTMLText.escape(table.text(row: index, column: column, ci: ci))
                let best = table.marks[index][column].rank == .best
                let why =
                    text == "–"
                    ? " title=\"\(row.cells[column] == nil ? "not measured" : "undefined: nothing to divide (n = 0)")\""
                    : ""
                html += "<td class=\"num\(best ? " best" : "")\"\(why)>\(text)</td>"
            }
            html += "</tr>"
        }
        return html + "</tbody></table>"
    }

    /// How `results.json` names interval methods, in words.
    static let methodNames = [
        "wilson": "Wilson score", "cluster-t": "cluster-robust t (clustered by clip)",
        "cluster-bootstrap": "cluster bootstrap", "bootstrap": "bootstrap",
    ]
}
