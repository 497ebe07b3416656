import Foundation

/// A booktabs table for papers, typeset as authors do: the best value of each block in
/// \textbf (the second, on request, \underline), a block's name once (in \multirow when the layout
/// asks), \cmidrule under grouped headers, significance markers explained in the caption, a
/// \label, decimal-aligned siunitx columns and `table*` on request, every name escaped. Needs
/// `\usepackage{booktabs}` (and `multirow`, `siunitx` when asked); `standalone` gives a document
/// that compiles on its own.
public enum LaTeXTable: TableRenderer {
    public static let identifier = "latex"
    public static let fileExtension = "tex"

    public static func render(_ table: ResultsTable, ci: Bool) -> String {
        render(table, ci: ci, standalone: false)
    }

    public static func render(_ table: ResultsTable, ci: Bool, standalone: Bool) -> String {
        let layout = table.layout
        let columns = table.columns
        let labelCount = table.rowHeaders.count
        let environment = layout.wide ? "table*" : "table"
        let uncertain = ci || layout.uncertainty != .none
        let siunitx = layout.siunitx && !uncertain
        let title = table.title.last.map { ".!?".contains($0) } == true ? table.title : table.title + "."
        let caption = ([escape(title)] + table.notes.map(escape)).joined(separator: " ")
        var lines = [
            "\\begin{\(environment)}[t]", "\\centering", "\\caption{\(marker(caption))}",
        ]
        if let label = layout.label { lines.append("\\label{\(label)}") }
        lines += [
            "\\begin{tabular}{" + String(repeating: "l", count: labelCount)
                + columns.map { siunitx ? "S[table-format=\(format($0.metric))]" : "r" }.joined() + "}",
            "\\toprule",
        ]
        let spans = groupSpans(columns.map(\.group))
        if spans.contains(where: { $0.group != nil }) {
            var header = Array(repeating: "", count: labelCount)
            var rules: [String] = []
            var first = labelCount + 1
            for span in spans {
                header.append(
                    span.group.map { "\\multicolumn{\(span.count)}{c}{\(escape($0))}" }
                        ?? Array(repeating: "", count: span.count).joined(separator: " & "))
                if span.group != nil { rules.append("\\cmidrule(lr){\(first)-\(first + span.count - 1)}") }
                first += span.count
            }
            lines.append(header.joined(separator: " & ") + " \\\\")
            lines.append(rules.joined(separator: " "))
        }
        let headers =
            table.rowHeaders.map(escape)
            + columns.map { column in
                siunitx ? "{\(escape(column.metric.label))}" : escape(column.metric.label)
            }
        lines.append(headers.joined(separator: " & ") + " \\\\")
        lines.append("\\midrule")
        for index in table.rows.indices {
            let row = table.rows[index]
            if labelCount > 1, index > 0, table.startsBlock(index) { lines.append("\\midrule") }
            var labels = row.labels.map(escape)
            if labelCount > 1 {
                let size = table.rows.indices.dropFirst(index).prefix { $0 == index || !table.startsBlock($0) }.count
                // A block's labels once: on its first row (the first in \multirow when asked).
                if !table.startsBlock(index) {
                    for label in 1..<(labelCount - 1) where label < labels.count { labels[label] = "" }
                }
                labels[0] =
                    !table.startsBlock(index)
                    ? "" : layout.multirow && size > 1 ? "\\multirow{\(size)}{*}{\(labels[0])}" : labels[0]
            }
            let cells = columns.indices.map { column in
                cell(table, row: index, column: column, ci: ci, siunitx: siunitx)
            }
            lines.append((labels + cells).joined(separator: " & ") + " \\\\")
        }
        lines += ["\\bottomrule", "\\end{tabular}", "\\end{\(environment)}"]
        let body = lines.joined(separator: "\n") + "\n"
        guard standalone else { return body }
        var packages = ["booktabs"]
        if layout.multirow { packages.append("multirow") }
        if layout.siunitx { packages.append("siunitx") }
        return "\\documentclass{article}\n" + packages.map { "\\usepackage{\($0)}\n" }.joined()
            + "\\begin{document}\n" + body + "\\end{document}\n"
    }

    /// A cell: its text, bold when best, underlined when second, then the significance marker. In
    /// siunitx columns a plain number stays a number (aligned on its point, the marker set after
    /// it as text); a bold or underlined one is braced text, set as is.
    static func cell(_ table: ResultsTable, row: Int, column: Int, ci: Bool, siunitx: Bool) -> String {
        let mark = table.marks[row][column]
        var text = table.text(row: row, column: column, ci: ci, plusMinus: "$\\pm$")
        text = text.replacingOccurrences(of: "–", with: "--")
        // Anything but a plain number is text to siunitx: braced, it is set as is.
        let braced = siunitx && (mark.rank != nil || text == "--" || text.contains(" "))
        // A minus sign, not a hyphen, wherever it is text (siunitx sets a number's own).
        if !siunitx || braced {
            text = text.replacingOccurrences(of: "-(?=[0-9])", with: "$-$", options: .regularExpression)
        }
        switch mark.rank {
        case .best?: text = "\\textbf{\(text)}"
        case .second?: text = "\\underline{\(text)}"
        case nil: break
        }
        if braced { text = "{\(text)}" }
        guard mark.significant else { return text }
        let marker = "\\textsuperscript{\(marker(escape(table.layout.marker)))}"
        return text + (siunitx ? "{\(marker)}" : marker)
    }

    /// The siunitx format of a metric's numbers, room for a sign included.
    static func format(_ metric: TableLayout.Metric) -> String {
        switch metric.format {
        case .percent: "-3.2"
        case .decimal: "-1.3"
        case .integer: "-7.0"
        }
    }

    /// Consecutive columns of the same group, as (group, count).
    static func groupSpans(_ groups: [String?]) -> [(group: String?, count: Int)] {
        var spans: [(group: String?, count: Int)] = []
        for group in groups {
            if let last = spans.last, last.group == group {
                spans[spans.count - 1].count += 1
            } else {
                spans.append((group, 1))
            }
        }
        return spans
    }

    /// Daggers as LaTeX writes them (pdflatex has no "†" without a package).
    static func marker(_ text: String) -> String {
        text.replacingOccurrences(of: "†", with: "\\dag{}").replacingOccurrences(of: "‡", with: "\\ddag{}")
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
            // Set in OT1, the default font encoding, these would print as ¡, ¿ and —.
            case "<": escaped += "\\textless{}"
            case ">": escaped += "\\textgreater{}"
            case "|": escaped += "\\textbar{}"
            case "\n", "\r": escaped += " "
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
