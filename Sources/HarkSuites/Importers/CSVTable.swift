import Foundation
import HarkCore

/// Rows of a CSV file (RFC 4180: quoted fields, doubled quotes, newlines inside quotes) or of a JSON
/// Lines / JSON array file, as string fields by column name, each with the line it starts on.
/// Importers read all three export formats through it.
public struct TabularRows: Sendable {
    public struct Row: Sendable {
        public var line: Int
        public var fields: [String: String]
    }

    public var rows: [Row]

    /// Reads `path` by its extension: `.csv`, `.jsonl`, or `.json` (an array of objects).
    public init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw HarkError.badInput("no such file", at: SourceLocation(file: path))
        }
        let text = String(decoding: data, as: UTF8.self)
        switch (path as NSString).pathExtension.lowercased() {
        case "csv": rows = try Self.csv(text, file: path)
        case "jsonl": rows = try Self.jsonLines(data, file: path)
        case "json": rows = try Self.jsonArray(data, file: path)
        default: throw HarkError.badInput("expected a .csv, .jsonl or .json file", at: SourceLocation(file: path))
        }
    }

    static func scalar(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): text
        case .integer, .number, .bool: value.canonical
        case .null: nil
        case .array, .object: value.canonical
        }
    }

    static func jsonLines(_ data: Data, file: String) throws -> [Row] {
        var rows: [Row] = []
        for (index, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated()
        where line.contains(where: { $0 != 0x20 && $0 != 0x0D && $0 != 0x09 }) {
            guard let object = (try? JSONDecoder().decode(JSONValue.self, from: Data(line)))?.objectValue else {
                throw HarkError.badInput("expected a JSON object", at: SourceLocation(file: file, line: index + 1))
            }
            rows.append(Row(line: index + 1, fields: object.compactMapValues(scalar)))
        }
        return rows
    }

    static func jsonArray(_ data: Data, file: String) throws -> [Row] {
        guard let array = (try? JSONDecoder().decode(JSONValue.self, from: data))?.arrayValue else {
            throw HarkError.badInput("expected a JSON array of objects", at: SourceLocation(file: file))
        }
        return array.enumerated().map { Row(line: $0.offset + 1, fields: ($0.element.objectValue ?? [:]).compactMapValues(scalar)) }
    }

    static func csv(_ text: String, file: String) throws -> [Row] {
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var line = 1
        var recordLine = 1
        var iterator = Array(text.unicodeScalars)[...]
        while let scalar = iterator.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if iterator.first == "\"" {
                        field.unicodeScalars.append("\"")
                        iterator.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty: quoted = true
            case ",":
                fields.append(field)
                field = ""
            case "\r": continue
            case "\n":
                fields.append(field)
                if fields != [""] { records.append((recordLine, fields)) }
                fields = []
                field = ""
                line += 1
                recordLine = line
            default: field.unicodeScalars.append(scalar)
            }
        }
        if quoted { throw HarkError.badInput("a quoted field is not closed", at: SourceLocation(file: file, line: recordLine)) }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            records.append((recordLine, fields))
        }
        guard let header = records.first else { return [] }
        return try records.dropFirst().map { record in
            guard record.fields.count == header.fields.count else {
                throw HarkError.badInput(
                    "expected \(header.fields.count) fields (as the header), found \(record.fields.count)",
                    at: SourceLocation(file: file, line: record.line))
            }
            return Row(line: record.line, fields: Dictionary(zip(header.fields, record.fields), uniquingKeysWith: { first, _ in first }))
        }
    }
}
