import Foundation
import HarkParquet
import Testing

/// Damaged files are errors naming the file, row group and column — never a crash, and never an
/// allocation past the limits.
struct HostileFileTests {
    static let source = GoldenFileTests.golden.appendingPathComponent("grid-plain-snappy-v1.parquet")

    func write(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString).parquet")
        try Data(bytes).write(to: path)
        return path.path
    }

    func error(_ bytes: [UInt8], limits: ParquetLimits = ParquetLimits()) throws -> ParquetError? {
        let path = try write(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let file = try ParquetFile(path: path, limits: limits)
            for group in 0..<file.rowGroupCount { _ = try file.rows(ofRowGroup: group) }
            return nil
        } catch {
            return error
        }
    }

    @Test func aFileCutAnywhereIsAnErrorNamingTheFile() throws {
        let bytes = [UInt8](try Data(contentsOf: Self.source))
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 97)) {
            let failure = try #require(try error(Array(bytes.prefix(length))), "a file cut to \(length) bytes read")
            #expect(failure.file.hasSuffix(".parquet"))
        }
    }

    @Test func aFooterLongerThanTheFileIsRefused() throws {
        var bytes = [UInt8](try Data(contentsOf: Self.source))
        bytes.replaceSubrange((bytes.count - 8)..<(bytes.count - 4), with: [0xFF, 0xFF, 0xFF, 0x0F])
        let failure = try #require(try error(bytes))
        #expect(failure.message.contains("footer length"))
    }

    @Test func dataCutUnderAnIntactFooterNamesTheRowGroupAndColumn() throws {
        let bytes = [UInt8](try Data(contentsOf: Self.source))
        let footerLength = Int(bytes[bytes.count - 8]) | Int(bytes[bytes.count - 7]) << 8
        let footer = Array(bytes[(bytes.count - 8 - footerLength)...])
        let failure = try #require(try error(Array(bytes[..<200]) + footer))
        #expect(failure.rowGroup == 0)
        #expect(failure.column != nil)
        #expect(failure.description.contains("row group 0, column"))
    }

    @Test func pagesLargerThanTheLimitAreRefusedBeforeTheyAreAllocated() throws {
        let bytes = [UInt8](try Data(contentsOf: GoldenFileTests.golden.appendingPathComponent("hf-audio.parquet")))
        let failure = try #require(try error(bytes, limits: ParquetLimits(maxPageBytes: 256)))
        #expect(failure.message.contains("more than the limit of 256"))
        #expect(failure.column == "audio.bytes")
    }

    @Test func valuesPastTheByteLimitAreRefused() throws {
        let bytes = [UInt8](try Data(contentsOf: GoldenFileTests.golden.appendingPathComponent("hf-audio.parquet")))
        let failure = try #require(try error(bytes, limits: ParquetLimits(maxValueBytes: 1_000)))
        #expect(failure.message.contains("past the limit of 1000 bytes"))
        #expect(failure.column == "audio.bytes")
    }

    @Test func rowCountsPastTheLimitAreRefusedOnOpen() throws {
        let bytes = [UInt8](try Data(contentsOf: Self.source))
        let failure = try #require(try error(bytes, limits: ParquetLimits(maxEntries: 10)))
        #expect(failure.message.contains("claims 40 rows (the limit is 10)"))
    }

    @Test func aFileThatIsNotParquetSaysSo() throws {
        let failure = try #require(try error(Array("RIFF....WAVEfmt not a parquet file".utf8)))
        #expect(failure.message.contains("PAR1"))
    }
}
