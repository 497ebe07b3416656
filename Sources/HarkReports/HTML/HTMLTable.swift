/// A results table as HTML for the report: best values in bold, intervals after ±, all text escaped.
public enum HTMLTable {
    public static func render(_ table: ResultsTable, ci: Bool) -> String {
        let columns = table.columns
        var html = "<h3>\(HTMLText.escape(table.title))</h3><table class=\"results\"><thead>"
        if !table.groups.isEmpty {
            html += "<tr>" + table.rowHeaders.map { _ in "<th></th>" }.joined()
            html +=
                table.groups.map { "<th colspan=\"\(table.metrics.count)\">\(HTMLText.escape($0))</th>" }.joined()
                + "</tr>"
        }
        html +=
            "<tr>" + (table.rowHeaders + columns.map(\.metric.label)).map { "<th>\(HTMLText.escape($0))</th>" }.joined()
            + "</tr></thead><tbody>"
        let best = columns.indices.map(table.best(column:))
        for (index, row) in table.rows.enumerated() {
            html += "<tr>" + row.labels.map { "<td>\(HTMLText.escape($0))</td>" }.joined()
            for (column, value) in row.cells.enumerated() {
                let text = HTMLText.escape(ResultsTable.format(value, columns[column].metric, ci: ci))
                html += "<td class=\"num\(best[column].contains(index) ? " best" : "")\">\(text)</td>"
            }
            html += "</tr>"
        }
        return html + "</tbody></table>"
    }
}
