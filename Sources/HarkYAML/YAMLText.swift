public import HarkCore
public import Yams

/// YAML the way every hark config and manifest is read: composed by Yams, bounded in size, and
/// every error located (`file:line:column`) and said in hark's words.
public enum YAMLText {
    /// Most nodes a document may hold with every alias expanded where it is used (an "alias bomb"
    /// of a few lines expands to billions).
    public static let maxNodes = 200_000

    /// The document of `text`; nil when it is empty.
    public static func compose(_ text: String, file: String) throws -> Node? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw HarkError(.badInput, message(error), at: location(error, file: file))
        }
        if let root { try checkSize(root, file: file) }
        return root
    }

    /// The error of a document that does not compose, as a diagnostic.
    public static func diagnostic(_ error: any Error, file: String) -> Diagnostic {
        if let error = error as? HarkError {
            return .error(error.location ?? SourceLocation(file: file), error.message)
        }
        return .error(location(error, file: file), message(error))
    }

    /// Decodes a document into `type`, a decoding error named by its field and line.
    public static func decode<T: Decodable>(_ type: T.Type, from text: String, file: String) throws -> T {
        guard let root = try compose(text, file: file) else {
            throw HarkError.badInput("the file is empty", at: SourceLocation(file: file, line: 1))
        }
        return try decode(type, from: root, file: file)
    }

    /// Decodes a composed document into `type`, for a reader that also walks the nodes.
    public static func decode<T: Decodable>(_ type: T.Type, from root: Node, file: String) throws -> T {
        do {
            return try YAMLDecoder().decode(type, from: root)
        } catch let error as DecodingError {
            throw HarkError.badInput(
                DecodingText.describe(error), at: DecodingText.location(error, in: root, file: file))
        } catch {
            throw HarkError(.badInput, message(error), at: location(error, file: file))
        }
    }

    static func location(_ error: any Error, file: String) -> SourceLocation {
        switch error {
        case YamlError.scanner(_, _, let mark, _), YamlError.parser(_, _, let mark, _),
            YamlError.composer(_, _, let mark, _):
            SourceLocation(file: file, line: mark.line, column: mark.column)
        case YamlError.duplicatedKeysInMapping(_, let context):
            SourceLocation(file: file, line: context.mark.line, column: context.mark.column)
        case YamlError.reader(_, let offset, _, _):
            SourceLocation(file: file, byteOffset: offset)
        default:
            SourceLocation(file: file)
        }
    }

    static func message(_ error: any Error) -> String {
        switch error {
        case YamlError.scanner(let context, let problem, _, _), YamlError.parser(let context, let problem, _, _),
            YamlError.composer(let context, let problem, _, _):
            "malformed YAML: " + problem + (context.map { " (\($0.text) at line \($0.mark.line))" } ?? "")
        case YamlError.duplicatedKeysInMapping(let duplicates, _):
            "duplicate key\(duplicates.count == 1 ? "" : "s") "
                + duplicates.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
        case YamlError.reader(let problem, _, _, _):
            "not readable as YAML: \(problem)"
        case YamlError.dataCouldNotBeDecoded:
            "not UTF-8 text"
        default:
            "malformed YAML"
        }
    }

    /// Refuses a document that expands past `maxNodes`, naming the top-level key where it did.
    static func checkSize(_ root: Node, file: String) throws {
        var budget = maxNodes
        func count(_ node: Node) -> Bool {
            budget -= 1
            guard budget >= 0 else { return false }
            switch node {
            case .scalar, .alias: return true
            case .mapping(let mapping): return mapping.allSatisfy { count($0.key) && count($0.value) }
            case .sequence(let sequence): return sequence.allSatisfy(count)
            }
        }
        let entries: [(Node?, Node)] =
            root.mapping.map { mapping in mapping.map { ($0.key, $0.value) } } ?? [(nil, root)]
        for (key, value) in entries where !count(value) {
            throw HarkError.badInput(
                "the YAML expands to more than \(maxNodes) nodes (aliases counted where they are used); refused",
                at: SourceLocation(file: file, line: key?.mark?.line ?? value.mark?.line, field: key?.string))
        }
    }
}
