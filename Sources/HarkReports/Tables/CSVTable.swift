import HarkCore

/// A CSV table (RFC 4180) for spreadsheets and scripts: one header row ("group/metric" for grouped
/// columns), values as printed, with `ci` two more columns per metric (the interval's bounds), and
/// a column of cluster counts for each metric whose layout asks for them.
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
            if column.metric.clusters { header.append(name + " clusters") }
        }
        var lines = [header.map(quote).joined(separator: ",")]
        for row in table.rows {
            var fields = row.labels
            for (index, value) in row.cells.enumerated() {
                let metric = columns[index].metric
                fields.append(value == nil ? "" : ResultsTable.format(value, metric, ci: false, clusters: false))
                if ci {
                    let bounds = value?.ci ?? []
                    fields +=
                        bounds.count == 2
                        ? bounds.map { ResultsTable.format(MetricValue($0, n: 0), metric, ci: false) } : ["", ""]
                }
                if metric.clusters { fields.append(value?.clusters.map(String.init) ?? "") }
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
