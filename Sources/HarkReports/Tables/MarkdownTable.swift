/// A GitHub-flavoured Markdown table, marked and grouped as the LaTeX one: grouped columns read
/// "group · metric", a block's name on its first row only, the best of each block in bold (the
/// second in `<ins>`), significance markers after the value, the caption's notes under the title.
public enum MarkdownTable: TableRenderer {
    public static let identifier = "markdown"
    public static let fileExtension = "md"

    public static func render(_ table: ResultsTable, ci: Bool) -> String {
        let columns = table.columns
        let header =
            table.rowHeaders
            + columns.map { column in column.group.map { "\($0) · \(column.metric.label)" } ?? column.metric.label }
        var lines = ["### " + escape(table.title), ""]
        if !table.notes.isEmpty { lines += ["_" + escape(table.notes.joined(separator: " ")) + "_", ""] }
        lines.append(row(header.map(escape)))
        lines.append(row(table.rowHeaders.map { _ in "---" } + columns.map { _ in "---:" }))
        for (index, entry) in table.rows.enumerated() {
            var labels = entry.labels.map(escape)
            // A block's labels once, on its first row; the model on every row.
            if table.rowHeaders.count > 1, !table.startsBlock(index) {
                for label in 0..<(labels.count - 1) { labels[label] = "" }
            }
            let cells = columns.indices.map { column in
                let mark = table.marks[index][column]
                var text = table.text(row: index, column: column, ci: ci)
                switch mark.rank {
                case .best?: text = "**\(text)**"
                case .second?: text = "<ins>\(text)</ins>"
                case nil: break
                }
                return mark.significant ? text + escape(table.layout.marker) : text
            }
            lines.append(row(labels + cells))
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
