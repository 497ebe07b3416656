import Foundation
import HarkCore
import HarkParquet
import Testing

/// Files pyarrow and `datasets` wrote (scripts/golden/make_parquet_files.py), each read in full
/// and compared value by value with the rows pyarrow read back from it.
struct GoldenFileTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static var gridFiles: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: golden.path)) ?? []
        return names.filter { $0.hasPrefix("grid-") && $0.hasSuffix(".parquet") }.sorted()
    }

    static func expected(_ name: String) throws -> [JSONValue] {
        let data = try Data(contentsOf: golden.appendingPathComponent(name + ".json"))
        return try #require(try JSONDecoder().decode(JSONValue.self, from: data).arrayValue)
    }

    static func rows(_ file: String) throws -> [ParquetValue] {
        let parquet = try ParquetFile(path: golden.appendingPathComponent(file).path)
        return try (0..<parquet.rowGroupCount).flatMap { try parquet.rows(ofRowGroup: $0) }
    }

    @Test func theGridCoversEveryCompressionPageVersionAndEncoding() {
        // 4 codecs × 2 page versions × 3 encoding sets: a missing file would silently shrink the test.
        #expect(Self.gridFiles.count == 24)
    }

    @Test(arguments: gridFiles + ["row-groups.parquet"])
    func readsEveryValueAsPyarrowDoes(file: String) throws {
        let expected = try Self.expected("grid")
        let rows = try Self.rows(file)
        #expect(expected.count == 40)
        try #require(rows.count == expected.count)
        for (index, (row, want)) in zip(rows, expected).enumerated() {
            #expect(row.json.normalized == want.normalized, "\(file) row \(index)")
        }
    }

    /// Other writers' and options' layouts, each against its own JSON.
    @Test(arguments: [
        "variants-required", "variants-legacy-lists", "variants-large", "variants-dictionary-fallback",
        "variants-types",
        "variants-empty",
    ])
    func readsOtherLayoutsAsPyarrowDoes(name: String) throws {
        let expected = try Self.expected(name)
        let rows = try Self.rows(name + ".parquet")
        try #require(rows.count == expected.count)
        #expect(name == "variants-empty" ? rows.isEmpty : rows.count >= 30)
        for (index, (row, want)) in zip(rows, expected).enumerated() {
            #expect(row.json.normalized == want.normalized, "\(name) row \(index)")
        }
    }

    @Test func readsSeveralRowGroupsOneAtATime() throws {
        let parquet = try ParquetFile(path: Self.golden.appendingPathComponent("row-groups.parquet").path)
        #expect(parquet.rowGroupCount == 6)
        #expect((0..<parquet.rowGroupCount).map(parquet.rowCount(ofRowGroup:)) == [7, 7, 7, 7, 7, 5])
        let texts = try parquet.rows(ofRowGroup: 1, fields: ["text"])
        #expect(texts.count == 7)
        #expect(texts[0] == .record([ParquetField("text", .string("3"))]))  // row 7: "" + "3"
    }

    @Test func readsAudioAsDatasetsWritesIt() throws {
        let expected = try Self.expected("hf-audio")
        let rows = try Self.rows("hf-audio.parquet")
        try #require(rows.count == 6)
        for (row, want) in zip(rows, expected) { #expect(row.json.normalized == want.normalized) }
        let parquet = try ParquetFile(path: Self.golden.appendingPathComponent("hf-audio.parquet").path)
        #expect(parquet.metadata["huggingface"]?.contains("\"Audio\"") == true)
        let audio = try #require(rows[0]["audio"]?["bytes"])
        guard case .bytes(let bytes) = audio else { throw ParquetError("audio bytes are \(audio)") }
        #expect(Array(bytes.prefix(4)) == Array("RIFF".utf8))
    }
}

extension ParquetValue {
    /// The value as the generator writes it: bytes as {"$bytes": hex}, records as objects.
    var json: JSONValue {
        switch self {
        case .null: .null
        case .bool(let value): .bool(value)
        case .int(let value): .integer(value)
        case .unsigned(let value): .number(Double(value))
        case .double(let value): .number(value)
        case .string(let value): .string(value)
        case .bytes(let value): .object(["$bytes": .string(value.map { String(format: "%02x", $0) }.joined())])
        case .list(let values): .array(values.map(\.json))
        case .record(let fields): .object(Dictionary(uniqueKeysWithValues: fields.map { ($0.name, $0.value.json) }))
        }
    }
}

extension JSONValue {
    /// Integral numbers as integers, so that 3.0 written by Python equals 3 read as a double.
    var normalized: JSONValue {
        switch self {
        case .number(let value) where value == value.rounded() && abs(value) < 1e15: .integer(Int64(value))
        case .array(let values): .array(values.map(\.normalized))
        case .object(let fields): .object(fields.mapValues(\.normalized))
        default: self
        }
    }
}
