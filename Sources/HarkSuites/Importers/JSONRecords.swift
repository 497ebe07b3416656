import Foundation
public import HarkCore

/// The objects of a JSON array file (`.json`, e.g. `mmau-test-mini.json`) or a JSON Lines file
/// (`.jsonl`), each with the line it starts on, so that importers can name the line of a bad record.
public struct JSONRecords: Sendable {
    public struct Record: Sendable {
        public var line: Int
        public var fields: [String: JSONValue]

        /// A string field, or the error naming the file, line and field.
        func string(_ name: String, file: String) throws -> String {
            guard let value = fields[name], value != .null else {
                throw HarkError.badInput("missing", at: location(file, name))
            }
            switch value {
            case .string(let text): return text
            case .integer, .number, .bool: return value.canonical
            default:
                throw HarkError.badInput("expected a string, found \(value.typeDescription)", at: location(file, name))
            }
        }

        public func location(_ file: String, _ field: String? = nil) -> SourceLocation {
            SourceLocation(file: file, line: line, field: field)
        }
    }

    public var file: String
    public var records: [Record]

    /// `linesInJSON`: a `.json` file that does not open with `[` is read as JSON Lines, as the
    /// scorers of releases whose `.json` files hold a record a line read them (CMM's).
    public init(path: String, linesInJSON: Bool = false) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw HarkError.badInput("no such file", at: SourceLocation(file: path))
        }
        file = path
        let opensArray = data.first { ![0x20, 0x0A, 0x0D, 0x09, 0xEF, 0xBB, 0xBF].contains($0) } == UInt8(ascii: "[")
        switch (path as NSString).pathExtension.lowercased() {
        case "jsonl": records = try Self.jsonLines(data, file: path)
        case "json" where linesInJSON && !opensArray: records = try Self.jsonLines(data, file: path)
        case "json": records = try Self.jsonArray(data, file: path)
        default: throw HarkError.badInput("expected a .json or .jsonl file", at: SourceLocation(file: path))
        }
    }

    static func jsonLines(_ data: Data, file: String) throws -> [Record] {
        var records: [Record] = []
        for (index, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated()
        where line.contains(where: { $0 != 0x20 && $0 != 0x0D && $0 != 0x09 }) {
            guard let object = (try? JSONValue.decode(Data(line)))?.objectValue else {
                throw HarkError.badInput("expected a JSON object", at: SourceLocation(file: file, line: index + 1))
            }
            records.append(Record(line: index + 1, fields: object))
        }
        return records
    }

    static func jsonArray(_ data: Data, file: String) throws -> [Record] {
        let array: [JSONValue]
        do {
            guard let decoded = try JSONValue.decode(data).arrayValue else {
                throw HarkError.badInput("expected a JSON array of objects", at: SourceLocation(file: file))
            }
            array = decoded
        } catch let error as HarkError {
            throw error
        } catch {
            throw HarkError.badInput("not valid JSON", at: SourceLocation(file: file))
        }
        let lines = elementLines(data)
        return try array.enumerated().map { index, element in
            let line = index < lines.count ? lines[index] : 0
            guard let object = element.objectValue else {
                throw HarkError.badInput(
                    "expected a JSON object, found \(element.typeDescription)",
                    at: SourceLocation(file: file, line: line))
            }
            return Record(line: line, fields: object)
        }
    }

    /// The line on which each element of the top-level array starts.
    static func elementLines(_ data: Data) -> [Int] {
        var lines: [Int] = []
        var line = 1
        var depth = 0
        var inString = false
        var escaped = false
        var expectingElement = false
        for byte in data {
            if byte == UInt8(ascii: "\n") { line += 1 }
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): continue
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                if depth == 1, expectingElement { lines.append(line) }
                depth += 1
                expectingElement = depth == 1
                continue
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth -= 1
            case UInt8(ascii: ","):
                if depth == 1 { expectingElement = true }
                continue
            default:
                if depth == 1, expectingElement { lines.append(line) }
                if byte == UInt8(ascii: "\"") { inString = true }
            }
            if depth == 1 { expectingElement = false }
        }
        return lines
    }
}
