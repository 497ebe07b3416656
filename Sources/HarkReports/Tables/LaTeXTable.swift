import Foundation

/// A booktabs table for papers: grouped headers with \multicolumn and \cmidrule, best values in
/// \textbf, optional $\pm$ intervals, a \midrule between row groups, every name escaped. Needs
/// `\usepackage{booktabs}`.
public enum LaTeXTable: TableRenderer {
    public static let identifier = "latex"
    public static let fileExtension = "tex"

    public static func render(_ table: ResultsTable, ci: Bool) -> String {
        let columns = table.columns
        let labelCount = table.rowHeaders.count
        var lines = [
            "\\begin{table}[t]", "\\centering", "\\caption{\(escape(table.title))}",
            "\\begin{tabular}{" + String(repeating: "l", count: labelCount)
                + String(repeating: "r", count: columns.count) + "}",
            "\\toprule",
        ]
        if !table.groups.isEmpty {
            let width = table.metrics.count
            let spans = table.groups.map { "\\multicolumn{\(width)}{c}{\(escape($0))}" }
            lines.append(String(repeating: " & ", count: labelCount) + spans.joined(separator: " & ") + " \\\\")
            let rules = table.groups.indices.map { index in
                let first = labelCount + index * width + 1
                return "\\cmidrule(lr){\(first)-\(first + width - 1)}"
            }
            lines.append(rules.joined(separator: " "))
        }
        lines.append((table.rowHeaders + columns.map(\.metric.label)).map(escape).joined(separator: " & ") + " \\\\")
        lines.append("\\midrule")
        let best = columns.indices.map(table.best(column:))
        var previousGroup: String?
        for (index, row) in table.rows.enumerated() {
            if labelCount > 1, let group = row.labels.first {
                if let previousGroup, previousGroup != group { lines.append("\\midrule") }
                previousGroup = group
            }
            let cells = row.cells.enumerated().map { column, value in
                let text = ResultsTable.format(value, columns[column].metric, ci: ci, plusMinus: "$\\pm$")
                    .replacingOccurrences(of: "–", with: "--")
                return best[column].contains(index) ? "\\textbf{\(text)}" : text
            }
            lines.append((row.labels.map(escape) + cells).joined(separator: " & ") + " \\\\")
        }
        lines += ["\\bottomrule", "\\end{tabular}", "\\end{table}"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// LaTeX's special characters made literal.
    public static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\\": escaped += "\\textbackslash{}"
            case "&", "%", "$", "#", "_", "{", "}": escaped += "\\" + String(character)
            case "~": escaped += "\\textasciitilde{}"
            case "^": escaped += "\\textasciicircum{}"
            case "\n", "\r": escaped += " "
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
