public import Foundation
public import HarkCore

/// A run's `samples.jsonl`: records appended as answers arrive, each with a single `write` of one
/// whole line, so that a killed run keeps every record already written.
public actor Journal {
    public let url: URL
    private let handle: FileHandle
    private let encoder: JSONEncoder

    /// Opens the journal for appending, creating it when absent.
    public init(url: URL) throws {
        self.url = url
        if !FileManager.default.fileExists(atPath: url.path) {
            _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        }
        handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        encoder = Self.makeEncoder()
    }

    public func append(_ record: SampleRecord) throws {
        var line = try encoder.encode(record)
        line.append(UInt8(ascii: "\n"))
        do {
            try handle.write(contentsOf: line)
        } catch {
            throw HarkError.writeFailed("append to the journal", url.path, error)
        }
    }

    public func close() throws {
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw HarkError.writeFailed("flush the journal", url.path, error)
        }
    }

    static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Reads a journal. A last line cut short by a kill is dropped; any other bad line is an error
    /// naming its line.
    public static func read(_ url: URL) throws -> [SampleRecord] {
        guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
        return try JSONLines.decode(SampleRecord.self, from: data, file: url.path, tolerateTornTail: true)
    }

    /// Writes records as a whole new journal (through a temporary file and a rename, so that a
    /// crash leaves either the old or the new file).
    public static func write(_ records: [SampleRecord], to url: URL) throws {
        let encoder = makeEncoder()
        let output = try LineFileWriter(replacing: url)
        for record in records { try output.write(try encoder.encode(record)) }
        try output.commit()
    }
}
