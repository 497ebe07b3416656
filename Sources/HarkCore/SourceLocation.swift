/// Where in the user's files something was found: file, line (1-based) and field.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var field: String?

    public init(file: String, line: Int? = nil, field: String? = nil) {
        self.file = file
        self.line = line
        self.field = field
    }

    /// The same place, narrowed to a field (`tags.sampling`, `instructions[1].kwargs`).
    public func field(_ name: String) -> SourceLocation {
        SourceLocation(file: file, line: line, field: field.map { "\($0).\(name)" } ?? name)
    }

    /// `file:line` as editors and compilers write it.
    public var description: String {
        line.map { "\(file):\($0)" } ?? file
    }
}
