import Foundation
public import HarkCore

/// Labelled clips the probe generator starts from: each clip's path and the sound objects in it.
/// Read from JSON Lines (`{"clip": "a.wav", "objects": ["dog barking", "rain"]}`) or CSV (columns
/// `clip,objects`, objects separated by `;`).
public struct ClipManifest: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var clip: String
        public var objects: [String]
        public var line: Int

        public init(clip: String, objects: [String], line: Int = 0) {
            self.clip = clip
            self.objects = objects
            self.line = line
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries
    }

    public init(path: String) throws {
        var entries: [Entry] = []
        if path.lowercased().hasSuffix(".jsonl") {
            let records = try JSONRecords(path: path)
            for record in records.records {
                let location = record.location(path)
                guard let clip = record.fields["clip"]?.stringValue else { throw HarkError.badInput("missing, or not a string", at: location.field("clip")) }
                guard let list = record.fields["objects"]?.arrayValue, case let objects = list.compactMap(\.stringValue), objects.count == list.count
                else {
                    throw HarkError.badInput("expected an array of strings", at: location.field("objects"))
                }
                entries.append(Entry(clip: clip, objects: objects, line: record.line))
            }
        } else {
            for row in try TabularRows(path: path).rows {
                let location = SourceLocation(file: path, line: row.line)
                guard let clip = row.fields["clip"] else { throw HarkError.badInput("missing", at: location.field("clip")) }
                let objects = (row.fields["objects"] ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                entries.append(Entry(clip: clip, objects: objects, line: row.line))
            }
        }
        self.entries = entries
    }

    /// As JSON Lines, the form `hark import folder` writes.
    public var jsonLines: String {
        entries.map { entry in
            JSONValue.object(["clip": .string(entry.clip), "objects": .array(entry.objects.map(JSONValue.string))]).canonical
        }.joined(separator: "\n") + (entries.isEmpty ? "" : "\n")
    }
}
