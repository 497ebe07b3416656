import Foundation
import HarkCore

/// Labelled clips the probe generator starts from: each clip's path and the sound objects in it.
/// Read from JSON Lines (`{"clip": "a.wav", "objects": ["dog barking", "rain"]}`) or CSV (columns
/// `clip,objects`, objects separated by `;`), each with an optional `caption`. The label column may be named `objects`, `labels` or
/// `label`; a file with none of them is an error naming the columns it has.
public struct ClipManifest: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var clip: String
        public var objects: [String]
        /// A caption of the clip, when the manifest has one (`caption`): what synthesis recipes may
        /// give the text model besides the labels.
        public var caption: String?
        public var line: Int

        public init(clip: String, objects: [String], caption: String? = nil, line: Int = 0) {
            self.clip = clip
            self.objects = objects
            self.caption = caption
            self.line = line
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// The names a label column goes by, in the order they are looked for.
    public static let labelColumns = ["objects", "labels", "label"]

    public init(path: String) throws {
        var entries: [Entry] = []
        if path.lowercased().hasSuffix(".jsonl") {
            let records = try JSONRecords(path: path)
            let column = try Self.labelColumn(among: Set(records.records.flatMap(\.fields.keys)), file: path)
            for record in records.records {
                let location = record.location(path)
                guard let clip = record.fields["clip"]?.stringValue else {
                    throw HarkError.badInput("missing, or not a string", at: location.field("clip"))
                }
                let objects: [String]
                switch record.fields[column] {
                case .string(let label)?: objects = [label]
                case .array(let list)? where list.allSatisfy { $0.stringValue != nil }:
                    objects = list.compactMap(\.stringValue)
                case nil, .null?: objects = []
                default: throw HarkError.badInput("expected an array of strings", at: location.field(column))
                }
                let caption: String?
                switch record.fields["caption"] {
                case .string(let text)?: caption = text
                case nil, .null?: caption = nil
                default: throw HarkError.badInput("expected a string", at: location.field("caption"))
                }
                entries.append(Entry(clip: clip, objects: objects, caption: caption, line: record.line))
            }
        } else {
            let rows = try TabularRows(path: path).rows
            let column = try Self.labelColumn(among: Set(rows.flatMap(\.fields.keys)), file: path)
            for row in rows {
                let location = SourceLocation(file: path, line: row.line)
                guard let clip = row.fields["clip"] else {
                    throw HarkError.badInput("missing", at: location.field("clip"))
                }
                let objects = (row.fields[column] ?? "").split(separator: ";").map {
                    $0.trimmingCharacters(in: .whitespaces)
                }.filter { !$0.isEmpty }
                let caption = row.fields["caption"].flatMap { $0.isEmpty ? nil : $0 }
                entries.append(Entry(clip: clip, objects: objects, caption: caption, line: row.line))
            }
        }
        self.entries = entries
    }

    /// The first of `labelColumns` the file has, or an error naming the columns it has.
    static func labelColumn(among columns: Set<String>, file: String) throws -> String {
        guard let column = labelColumns.first(where: columns.contains) else {
            let found = columns.sorted().joined(separator: ", ")
            throw HarkError.badInput(
                "no label column: expected one of \(labelColumns.joined(separator: ", ")), found \(found.isEmpty ? "no columns" : found)",
                at: SourceLocation(file: file, line: 1))
        }
        return column
    }

    /// As JSON Lines, the form `hark import folder` writes.
    public var jsonLines: String {
        entries.map { entry in
            JSONValue.object(["clip": .string(entry.clip), "objects": .array(entry.objects.map(JSONValue.string))])
                .canonical
        }.joined(separator: "\n") + (entries.isEmpty ? "" : "\n")
    }
}
