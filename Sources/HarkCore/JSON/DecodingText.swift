/// A `DecodingError` in hark's words: the field it concerns and what was expected, never a Swift
/// type name.
public enum DecodingText {
    /// `what was wrong`: "missing", "expected a number", "expected a list" ….
    public static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound: "missing"
        case .typeMismatch(let type, _): "expected " + kind(of: type)
        case .valueNotFound(let type, _): "expected " + kind(of: type) + ", found nothing"
        case .dataCorrupted(let context): context.debugDescription.isEmpty ? "invalid value" : context.debugDescription
        @unknown default: "invalid value"
        }
    }

    /// The field path (`concurrency.timeout`, `gates[1].min`) of the error, when it has one.
    public static func path(_ error: DecodingError) -> [any CodingKey] {
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            context.codingPath
        case .keyNotFound(let key, let context): context.codingPath + [key]
        @unknown default: []
        }
    }

    public static func field(_ path: [any CodingKey]) -> String? {
        guard !path.isEmpty else { return nil }
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text
    }

    /// "a number", "a list", "text" for a Swift type.
    public static func kind(of type: Any.Type) -> String {
        let name = String(describing: type)
        if ["Int", "Int64", "UInt64", "UInt", "Int32"].contains(name) { return "a whole number" }
        if ["Double", "Float"].contains(name) { return "a number" }
        if name == "Bool" { return "true or false" }
        if name == "String" { return "text" }
        if name.hasPrefix("Array") { return "a list" }
        return "a mapping"
    }
}
