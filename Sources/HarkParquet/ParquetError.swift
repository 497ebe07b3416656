/// What was wrong with a Parquet file, and where: the file, and when known the row group, the
/// column (its dotted path) and the page.
public struct ParquetError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var rowGroup: Int?
    public var column: String?
    public var message: String

    public init(file: String = "", rowGroup: Int? = nil, column: String? = nil, _ message: String) {
        self.file = file
        self.rowGroup = rowGroup
        self.column = column
        self.message = message
    }

    /// `file: row group 2, column audio.bytes: message`.
    public var description: String {
        var place: [String] = []
        if let rowGroup { place.append("row group \(rowGroup)") }
        if let column { place.append("column \(column)") }
        let prefix = place.isEmpty ? "" : place.joined(separator: ", ") + ": "
        return (file.isEmpty ? "" : file + ": ") + prefix + message
    }

    /// The same error, placed in a file, row group and column where it was not yet.
    func placed(file: String, rowGroup: Int? = nil, column: String? = nil) -> ParquetError {
        var error = self
        if error.file.isEmpty { error.file = file }
        if error.rowGroup == nil { error.rowGroup = rowGroup }
        if error.column == nil { error.column = column }
        return error
    }
}

/// Throws a `ParquetError` with `message` unless `condition` holds.
@inline(__always)
func require(_ condition: Bool, _ message: @autoclosure () -> String) throws(ParquetError) {
    if !condition { throw ParquetError(message()) }
}
