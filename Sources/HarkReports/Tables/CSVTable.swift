import HarkCore

/// A CSV table (RFC 4180) for spreadsheets and scripts: one header row ("group/metric" for grouped
/// columns), every row with all its labels (a machine reads rows alone), values as printed, with
/// `ci` two more columns per metric (the interval's bounds), a column of cluster counts for each
/// metric whose layout asks for them, and a "mark" column per metric: `best`, `second`,
/// `significant` (joined by ";"), as the other formats mark the cell.
public enum CSVTable: TableRenderer {
    public static let identifier = "csv"
    public static let fileExtension = "csv"

    public static func render(_ table: ResultsTable, ci: Bool) -> String {
        let columns = table.columns
        var header = table.rowHeaders
        for column in columns {
            let name = column.group.map { "\($0)/\(column.metric.label)" } ?? column.metric.label
            header.append(name)
            if ci { header += [name + " ci low", name + " ci high"] }
            if table.layout.uncertainty == .std { header.append(name + " std") }
            if column.metric.clusters { header.append(name + " clusters") }
            header.append(name + " mark")
        }
        var lines = [header.map(quote).joined(separator: ",")]
        for (index, row) in table.rows.enumerated() {
            var fields = row.labels
            for (column, value) in row.cells.enumerated() {
                let metric = columns[column].metric
                let text = ResultsTable.format(value, metric, clusters: false)
                fields.append(text == "–" ? "" : text)
                if ci {
                    let bounds = value?.ci ?? []
                    fields += bounds.count == 2 ? bounds.map { ResultsTable.number($0, metric) } : ["", ""]
                }
                if table.layout.uncertainty == .std {
                    fields.append(row.spreads[column].map { ResultsTable.number($0.value, metric) } ?? "")
                }
                if metric.clusters { fields.append(value?.clusters.map(String.init) ?? "") }
                let mark = table.marks[index][column]
                let rank = mark.rank.map { $0 == .best ? "best" : "second" }
                fields.append([rank, mark.significant ? "significant" : nil].compactMap { $0 }.joined(separator: ";"))
            }
            lines.append(fields.map(quote).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
