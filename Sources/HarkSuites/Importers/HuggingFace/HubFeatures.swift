import Foundation
import HarkCore
import HarkParquet

/// The `datasets` features of a Parquet file, from its `huggingface` metadata
/// (`{"info": {"features": {...}}}`): which columns are `Audio`, the names of `ClassLabel`s, and how
/// each column's values become JSON.
struct HubFeatures {
    indirect enum Feature {
        case audio
        case classLabel(names: [String])
        case sequence(Feature)
        case record([String: Feature])
        case value
    }

    var columns: [String: Feature]

    /// The features of `file`; without `huggingface` metadata, a struct of exactly `bytes` and
    /// `path` is taken for audio (the layout `datasets` writes), every other column as a value.
    init(_ file: ParquetFile) {
        columns = [:]
        if let text = file.metadata["huggingface"] {
            // Metadata without features (some writers leave them out) falls back to the schema.
            let json = try? JSONValue.decode(Data(text.utf8))
            let features = json?.objectValue?["info"]?.objectValue?["features"]?.objectValue ?? [:]
            for (name, feature) in features { columns[name] = Self.feature(feature) }
        }
        for node in file.schema.fields where columns[node.name] == nil {
            let children = Set(node.children.map { file.schema.nodes[$0].name })
            columns[node.name] = children == ["bytes", "path"] ? .audio : .value
        }
    }

    /// The columns that hold audio, in schema order.
    func audioColumns(in file: ParquetFile) -> [String] {
        file.schema.fields.map(\.name).filter {
            if case .audio = columns[$0] { return true }
            return false
        }
    }

    private static func feature(_ json: JSONValue) -> Feature {
        if let list = json.arrayValue, let element = list.first { return .sequence(feature(element)) }
        guard let object = json.objectValue else { return .value }
        switch object["_type"]?.stringValue {
        // Its sampling_rate is what `datasets` resamples to when it decodes; hark sends each clip at
        // the model's rate, resampled from the original bytes, so the import keeps those as they are.
        case "Audio": return .audio
        case "ClassLabel": return .classLabel(names: object["names"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        case "Sequence", "List", "LargeList":
            return object["feature"].map { .sequence(feature($0)) } ?? .value
        case "Value", "Image", "Video", "Translation", "TranslationVariableLanguages", "Array2D", "Array3D":
            return .value
        case nil: return .record(object.mapValues(feature))
        default: return .value
        }
    }

    /// A column's value as JSON: class labels by name (-1, `datasets`' missing label, as null),
    /// an audio column not imported as its path, byte strings as base64 (up to 256 bytes).
    static func json(_ value: ParquetValue, _ feature: Feature?) -> JSONValue {
        switch (value, feature) {
        case (_, .audio?): return value["path"].map { json($0, nil) } ?? .null
        case (.int(let index), .classLabel(let names)?):
            return index >= 0 && index < names.count
                ? .string(names[Int(index)]) : index == -1 ? .null : .integer(index)
        case (.list(let values), .sequence(let element)?): return .array(values.map { json($0, element) })
        case (.record(let fields), .record(let features)?):
            return .object(
                Dictionary(fields.map { ($0.name, json($0.value, features[$0.name])) }, uniquingKeysWith: { $1 }))
        // `datasets` stores a Sequence of a dict as a dict of lists.
        case (.record(let fields), .sequence(.record(let features))?):
            return .object(
                Dictionary(
                    fields.map { ($0.name, json($0.value, features[$0.name].map { .sequence($0) })) },
                    uniquingKeysWith: { $1 }))
        default: return plain(value)
        }
    }

    private static func plain(_ value: ParquetValue) -> JSONValue {
        switch value {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .int(let number): .integer(number)
        case .unsigned(let number): .number(Double(number))
        case .double(let number): .number(number)
        case .string(let text): .string(text)
        // Small byte strings as base64; large ones (an image, a second clip) only by their size.
        case .bytes(let bytes):
            .string(bytes.count <= 256 ? Data(bytes).base64EncodedString() : "<\(bytes.count) bytes>")
        case .list(let values): .array(values.map(plain))
        case .record(let fields):
            .object(Dictionary(fields.map { ($0.name, plain($0.value)) }, uniquingKeysWith: { $1 }))
        }
    }
}
