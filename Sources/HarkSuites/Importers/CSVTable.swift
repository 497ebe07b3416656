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
        case "jsonl", "json":
            // JSON records, each with the line it starts on, fields written as text.
            rows = try JSONRecords(path: path).records.map {
                Row(line: $0.line, fields: $0.fields.compactMapValues(Self.scalar))
            }
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
        if quoted {
            throw HarkError.badInput("a quoted field is not closed", at: SourceLocation(file: file, line: recordLine))
        }
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
            return Row(
                line: record.line,
                fields: Dictionary(zip(header.fields, record.fields), uniquingKeysWith: { first, _ in first }))
        }
    }
}
