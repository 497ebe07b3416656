public import Foundation
public import HarkCore
import HarkParquet
import HarkYAML

/// Hugging Face datasets in Parquet, embedded audio and all, into suite items. Each clip is written
/// once under `audio/` by the SHA-256 of its original bytes (`audio/<sha256>.<ext>`, never
/// re-encoded); each item points at its clip and keeps the file it came from as a tag
/// (`source_file`, a slice that shows a bad shard) and its row in `meta` (`source_row`, one value
/// per item, which would make a slice of each). Rows are read a row group at a time.
public struct HubImporter {
    /// Which dataset column feeds which item key (`question=prompt`); unmapped keys are read from the
    /// column of their own name, and the remaining scalar columns become tags.
    public var mapping: [String: String]
    public var task: TaskKind
    public var preset: HubPreset?
    public var limit: Int?

    public init(task: TaskKind, mapping: [String: String] = [:], preset: HubPreset? = nil, limit: Int? = nil) {
        self.task = preset?.task ?? task
        self.mapping = (preset?.mapping ?? [:]).merging(mapping) { $1 }
        self.preset = preset
        self.limit = limit
    }

    /// `KEY=COLUMN,…` as a mapping.
    public static func mapping(_ pairs: String) throws -> [String: String] {
        var mapping: [String: String] = [:]
        for pair in pairs.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw HarkError.badInput("expected KEY=COLUMN, found \"\(pair)\"", at: SourceLocation(file: "--map"))
            }
            mapping[parts[0]] = parts[1]
        }
        return mapping
    }

    /// A YAML file of `KEY: COLUMN` as a mapping.
    public static func mapping(yaml text: String, file: String) throws -> [String: String] {
        try YAMLText.decode([String: String].self, from: text, file: file)
    }

    /// The item keys a mapping may name.
    public static let keys: Set<String> = [
        "id", "audio", "question", "choices", "answer", "label", "object", "labels", "instructions", "textual_audio",
    ]

    /// Imports `files` (in order) into `suite`'s folder: clips under `suite/audio/`, and the items.
    public func run(files: [URL], suite: URL, relativeTo root: URL? = nil) throws -> Imported {
        if preset != nil, let key = mapping.keys.first(where: { $0 != "audio" }) {
            throw HarkError.badInput(
                "a preset fixes every key but audio; \"\(key)\" cannot be mapped with one",
                at: SourceLocation(file: "--map"))
        }
        if let unknown = mapping.keys.first(where: { !Self.keys.contains($0) }) {
            throw HarkError.badInput(
                "\"\(unknown)\" is not an item key (\(Self.keys.sorted().joined(separator: ", ")))", at: nil)
        }
        let clips = suite.appendingPathComponent("audio", isDirectory: true)
        try FileManager.default.createDirectory(at: clips, withIntermediateDirectories: true)
        var imported = Imported()
        var errors: [Diagnostic] = []
        var index = 0
        var numbering = BenchmarkRows.AHaBenchNumbering()
        var leftOut: [String: Int] = [:]
        files: for file in files {
            let parquet: ParquetFile
            do { parquet = try ParquetFile(path: file.path) } catch { throw HarkError(error) }
            let features = HubFeatures(parquet)
            let audioColumn = try audioColumn(parquet, features)
            let name = root.map { file.path(relativeTo: $0) } ?? file.lastPathComponent
            var rowInFile = 0
            for group in 0..<parquet.rowGroupCount {
                let rows: [ParquetValue]
                do { rows = try parquet.rows(ofRowGroup: group) } catch { throw HarkError(error) }
                for row in rows {
                    if let limit, index >= limit { break files }
                    let location = SourceLocation(file: file.path, line: rowInFile + 1)
                    do {
                        let outcome = try self.item(
                            row, features: features, audioColumn: audioColumn, clips: clips, index: index,
                            location: location, warnings: &imported.warnings, numbering: &numbering)
                        guard case .item(var item) = outcome else {
                            if case .leftOut(let why) = outcome { leftOut[why, default: 0] += 1 }
                            rowInFile += 1
                            index += 1
                            continue
                        }
                        var tags = item["tags"]?.objectValue ?? [:]
                        tags["source_file"] = .string(name)
                        item["tags"] = .object(tags)
                        var meta = item["meta"]?.objectValue ?? [:]
                        meta["source_row"] = .integer(Int64(rowInFile))
                        item["meta"] = .object(meta)
                        imported.items.append(.object(item))
                    } catch let error as HarkError {
                        errors.append(.error(error.location ?? location, error.message))
                    }
                    rowInFile += 1
                    index += 1
                }
            }
        }
        guard errors.isEmpty else {
            throw HarkError(
                .badInput, "\(errors.count) \(errors.count == 1 ? "row is" : "rows are") not valid", at: nil,
                diagnostics: errors)
        }
        for (why, count) in leftOut.sorted(by: { $0.key < $1.key }) {
            imported.warnings.append(
                .warning(SourceLocation(file: files.first?.path ?? ""), "left out \(count) rows: \(why)"))
        }
        return imported
    }

    /// The column the clips are read from: the mapped one, else the file's one `Audio` column.
    private func audioColumn(_ file: ParquetFile, _ features: HubFeatures) throws -> String? {
        let audio = features.audioColumns(in: file)
        if let named = mapping["audio"] {
            guard audio.contains(named) else {
                throw HarkError.badInput(
                    "\"\(named)\" is not an Audio column (\(audio.isEmpty ? "it has none" : audio.joined(separator: ", ")))",
                    at: SourceLocation(file: file.path, field: named))
            }
            return named
        }
        guard audio.count <= 1 else {
            throw HarkError.badInput(
                "has \(audio.count) Audio columns (\(audio.joined(separator: ", "))): name one with --map audio=COLUMN",
                at: SourceLocation(file: file.path))
        }
        return audio.first
    }

    private func item(
        _ row: ParquetValue, features: HubFeatures, audioColumn: String?, clips: URL, index: Int,
        location: SourceLocation, warnings: inout [Diagnostic], numbering: inout BenchmarkRows.AHaBenchNumbering
    ) throws -> BenchmarkRows.Outcome {
        guard case .record(let cells) = row else { return .item([:]) }
        var fields: [String: JSONValue] = [:]
        var clip: String?
        for cell in cells {
            if cell.name == audioColumn {
                clip = try write(cell.value, column: cell.name, to: clips, at: location)
            } else {
                fields[cell.name] = HubFeatures.json(cell.value, features.columns[cell.name])
            }
        }
        if let preset {
            return try preset.item(
                fields, clip: clip, index: index, location: location, warnings: &warnings, numbering: &numbering)
        }
        return .item(try mapped(fields, clip: clip, index: index, location: location))
    }

    /// An item of the mapped columns; the columns no key names become tags (scalars) or `meta`.
    private func mapped(_ fields: [String: JSONValue], clip: String?, index: Int, location: SourceLocation) throws
        -> [String: JSONValue]
    {
        var item: [String: JSONValue] = [:]
        var used: Set<String> = []
        for key in Self.keys where key != "audio" {
            let column = mapping[key] ?? key
            guard let value = fields[column] else {
                if mapping[key] != nil {
                    throw HarkError.badInput("no column \"\(column)\" (mapped to \(key))", at: location)
                }
                continue
            }
            used.insert(column)
            if value != .null { item[key] = value }
        }
        item["id"] = .string(item["id"].map { $0.stringValue ?? $0.canonical } ?? "row-\(index)")
        if let clip { item["audio"] = .string(clip) }
        if let choices = item["choices"] { item["choices"] = try HubValues.choices(choices, at: location) }
        if let answer = item["answer"] { item["answer"] = HubValues.answer(answer, choices: item["choices"]) }
        if task == .instructionFollowing, item["instructions"] == nil, let ids = fields["instruction_id_list"] {
            used.formUnion(["instruction_id_list", "kwargs"])
            let record = JSONRecords.Record(
                line: location.line ?? 0, fields: ["instruction_id_list": ids, "kwargs": fields["kwargs"] ?? .null])
            item["instructions"] = try InstructionImporters.instructions(record, file: location.file)
        }
        var tags: [String: JSONValue] = [:]
        var meta: [String: JSONValue] = [:]
        for (name, value) in fields where !used.contains(name) && value != .null {
            switch value {
            case .string, .integer, .number, .bool: tags[name] = value
            default: meta[name] = value
            }
        }
        if !tags.isEmpty { item["tags"] = .object(tags) }
        if !meta.isEmpty { item["meta"] = .object(meta) }
        return item
    }

    /// Writes a `{bytes, path}` audio value as `audio/<sha256>.<ext>` (once), and returns its path
    /// under the suite's audio root.
    private func write(_ value: ParquetValue, column: String, to folder: URL, at location: SourceLocation) throws
        -> String?
    {
        if value == .null { return nil }
        guard case .bytes(let bytes)? = value["bytes"] else {
            let path = value["path"].flatMap { if case .string(let text) = $0 { text } else { nil } }
            throw HarkError.badInput(
                "the clip is not embedded" + (path.map { " (only its path, \($0), is stored)" } ?? ""),
                at: SourceLocation(file: location.file, line: location.line, field: column))
        }
        var sourceName: String?
        if case .string(let text)? = value["path"] { sourceName = text }
        guard let ext = HubValues.audioExtension(bytes, path: sourceName) else {
            throw HarkError.badInput(
                "cannot tell the clip's format from its path or its first bytes",
                at: SourceLocation(file: location.file, line: location.line, field: column))
        }
        let name = ContentHash.sha256(bytes) + "." + ext
        let url = folder.appendingPathComponent(name)
        if !FileManager.default.fileExists(atPath: url.path) { try Data(bytes).write(to: url, options: .atomic) }
        return name
    }
}

/// The quirks of hub copies' values that their own loaders tolerate.
enum HubValues {
    /// Choices as a list, or as a JSON string of a list (lmms-lab-audio/mmau), each a string;
    /// choices lettered in order (`A. text`, ngqtrung/mmar) lose their letters.
    static func choices(_ value: JSONValue, at location: SourceLocation) throws -> JSONValue {
        var list = value.arrayValue
        if list == nil, let text = value.stringValue {
            list = (try? JSONValue.decode(Data(text.utf8)))?.arrayValue
        }
        guard let list else {
            throw HarkError.badInput(
                "expected a list of choices, found \(value.typeDescription)",
                at: SourceLocation(file: location.file, line: location.line, field: "choices"))
        }
        let texts = list.map { $0.stringValue ?? $0.canonical }
        let letters = texts.indices.map { String(UnicodeScalar(UInt8(65 + min($0, 25)))) }
        let lettered = texts.count >= 2 && zip(texts, letters).allSatisfy { $0.hasPrefix($1 + ". ") }
        return .array(texts.map { .string(lettered ? String($0.dropFirst(3)) : $0) })
    }

    /// An answer given as a letter where the choices are texts: the text of that choice.
    static func answer(_ answer: JSONValue, choices: JSONValue?) -> JSONValue {
        guard let text = answer.stringValue?.trimmingCharacters(in: .whitespaces), let options = choices?.arrayValue,
            !options.contains(.string(text)), text.count == 1, let scalar = text.uppercased().unicodeScalars.first,
            scalar.value >= 65, Int(scalar.value) - 65 < options.count
        else { return answer.stringValue.map(JSONValue.string) ?? .string(answer.canonical) }
        return options[Int(scalar.value) - 65]
    }

    /// The clip's format: its stored path's extension, else its magic bytes.
    static func audioExtension(_ bytes: [UInt8], path: String?) -> String? {
        if let path {
            let ext = (path as NSString).pathExtension.lowercased()
            if !ext.isEmpty, ext.count <= 5, ext.allSatisfy({ $0.isLetter || $0.isNumber }) { return ext }
        }
        func starts(_ magic: String, at offset: Int = 0) -> Bool {
            bytes.count >= offset + magic.utf8.count
                && Array(bytes[offset..<offset + magic.utf8.count]) == Array(magic.utf8)
        }
        if starts("RIFF") && starts("WAVE", at: 8) { return "wav" }
        if starts("fLaC") { return "flac" }
        if starts("OggS") { return "ogg" }
        if starts("ID3") || (bytes.count > 1 && bytes[0] == 0xFF && bytes[1] & 0xE0 == 0xE0) { return "mp3" }
        if starts("ftyp", at: 4) { return "m4a" }
        return nil
    }
}

extension HarkError {
    /// A Parquet reader's error, at its file and column, its row group in the message.
    init(_ error: ParquetError) {
        let place = error.rowGroup.map { "row group \($0): " } ?? ""
        self.init(.badInput, place + error.message, at: SourceLocation(file: error.file, field: error.column))
    }
}
