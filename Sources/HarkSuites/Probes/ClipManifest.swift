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
        let isJSONLines = path.lowercased().hasSuffix(".jsonl")
        if isJSONLines, let data = FileManager.default.contents(atPath: path) {
            for (index, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated()
            where line.contains(where: { $0 != 0x20 && $0 != 0x0D }) {
                let location = SourceLocation(file: path, line: index + 1)
                guard let object = (try? JSONDecoder().decode(JSONValue.self, from: Data(line)))?.objectValue else {
                    throw HarkError.badInput("expected a JSON object", at: location)
                }
                guard let clip = object["clip"]?.stringValue else { throw HarkError.badInput("missing, or not a string", at: location.field("clip")) }
                guard let objects = object["objects"]?.arrayValue?.compactMap(\.stringValue) else {
                    throw HarkError.badInput("expected an array of strings", at: location.field("objects"))
                }
                entries.append(Entry(clip: clip, objects: objects, line: index + 1))
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
