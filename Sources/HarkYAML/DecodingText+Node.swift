public import HarkCore
public import Yams

extension DecodingText {
    /// The error's place: its field and the line of the deepest node of the path in `root`.
    public static func location(_ error: DecodingError, in root: Node, file: String) -> SourceLocation {
        let path = path(error)
        var node: Node? = root
        var line = root.mark?.line
        for key in path {
            if let index = key.intValue {
                node = node?.sequence.flatMap { index < $0.count ? $0[index] : nil }
            } else {
                node = node?.mapping?[key.stringValue]
            }
            if let mark = node?.mark { line = mark.line }
        }
        return SourceLocation(file: file, line: line, field: field(path))
    }
}
