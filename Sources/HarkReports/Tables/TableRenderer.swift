/// Turns a results table into one text format; looked up by identifier (`--markdown`, `--latex`,
/// `--csv`).
public protocol TableRenderer {
    static var identifier: String { get }
    static var fileExtension: String { get }
    /// `ci` adds "± half the 95% interval" to cells that have one.
    static func render(_ table: ResultsTable, ci: Bool) -> String
}

public enum TableRenderers {
    public static var all: [any TableRenderer.Type] { [MarkdownTable.self, LaTeXTable.self, CSVTable.self] }

    public static func named(_ identifier: String) -> (any TableRenderer.Type)? {
        all.first { $0.identifier == identifier }
    }
}
