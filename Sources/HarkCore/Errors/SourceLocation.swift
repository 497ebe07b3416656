/// Where in the user's files something was found: file, line and column (1-based) or byte offset,
/// and field.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    /// For a file that is not text (undecodable UTF-8): the offset of the first bad byte.
    public var byteOffset: Int?
    public var field: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, byteOffset: Int? = nil, field: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
        self.field = field
    }

    /// The same place, narrowed to a field (`tags.sampling`, `instructions[1].kwargs`).
    public func field(_ name: String) -> SourceLocation {
        var copy = self
        copy.field = field.map { "\($0).\(name)" } ?? name
        return copy
    }

    /// `file:line:column` (or `file:line`, `file: byte N`) as editors and compilers write it.
    public var description: String {
        if let line { return "\(file):\(line)" + (column.map { ":\($0)" } ?? "") }
        if let byteOffset { return "\(file): byte \(byteOffset)" }
        return file
    }
}
