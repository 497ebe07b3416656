/// A GitHub-flavoured Markdown table; grouped columns read "group · metric"; best values in bold.
public enum MarkdownTable: TableRenderer {
    public static let identifier = "markdown"
    public static let fileExtension = "md"

    public static func render(_ table: ResultsTable, ci: Bool) -> String {
        let columns = table.columns
        let header =
            table.rowHeaders
            + columns.map { column in column.group.map { "\($0) · \(column.metric.label)" } ?? column.metric.label }
        var lines = ["### " + escape(table.title), "", row(header.map(escape))]
        lines.append(row(table.rowHeaders.map { _ in "---" } + columns.map { _ in "---:" }))
        let best = columns.indices.map(table.best(column:))
        for (index, entry) in table.rows.enumerated() {
            let cells = entry.cells.enumerated().map { column, value in
                let text = ResultsTable.format(value, columns[column].metric, ci: ci)
                return best[column].contains(index) ? "**\(text)**" : text
            }
            lines.append(row(entry.labels.map(escape) + cells))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func row(_ cells: [String]) -> String {
        "| " + cells.joined(separator: " | ") + " |"
    }

    /// Pipes and backslashes would break the table; line breaks would end it.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "|": escaped += "\\|"
            case "\\": escaped += "\\\\"
            case "\n", "\r": escaped += " "
            case "*", "_", "`": escaped += "\\" + String(character)
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
