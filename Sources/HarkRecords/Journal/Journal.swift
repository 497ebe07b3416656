public import Foundation
public import HarkCore

/// A run's `samples.jsonl`: records appended as answers arrive, each with a single `write` of one
/// whole line, so that a killed run keeps every record already written. It keeps the index of
/// what it wrote (unless told not to: a run's plan-order feed keeps what it needs itself), so that
/// the finished journal is rewritten without being read twice.
public actor Journal {
    public let url: URL
    private let handle: FileHandle
    private var index: JournalIndex
    private let indexesAppends: Bool
    private var writeBack: WriteBack

    /// Opens the journal for appending, creating it when absent. `index` describes the file as it
    /// is (what a rewrite returned); without it the file is read to build it, and a last line cut
    /// short by a kill is cut off (a last whole line without its newline gets one), so that the
    /// next record starts a line of its own. Without `indexesAppends` the lines appended are not
    /// noted by key, so that a long run's index does not grow with it.
    public init(url: URL, index: JournalIndex? = nil, indexesAppends: Bool = true) throws {
        self.url = url
        self.indexesAppends = indexesAppends
        if !FileManager.default.fileExists(atPath: url.path) {
            _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        }
        let scanned = try index == nil ? Self.index(url).index : nil
        handle = try FileHandle(forWritingTo: url)
        var end = try handle.seekToEnd()
        if let scanned, end != scanned.bytes {
            do {
                if end > scanned.bytes {
                    try handle.truncate(atOffset: scanned.bytes)
                } else {
                    try handle.write(contentsOf: Data("\n".utf8))
                }
            } catch {
                throw HarkError.writeFailed("mend the end of the journal", url.path, error)
            }
            end = scanned.bytes
        }
        var opened = index ?? scanned ?? JournalIndex()
        opened.continue(at: end)
        self.index = opened
        // A run replaces its journal with the plan-ordered one at its end (only a resume reads it).
        writeBack = WriteBack(descriptor: handle.fileDescriptor, from: Int(end), dropsWritten: true)
    }

    /// A record's line as appended, and where it went.
    public struct Appended: Sendable {
        public var entry: JournalIndex.Entry
        /// The line, without its newline.
        public var line: Data
    }

    /// Appends the record's line.
    @discardableResult
    public func append(_ record: SampleRecord) throws -> Appended {
        var line = record.jsonLine
        let length = line.count
        line.append(UInt8(ascii: "\n"))
        do {
            try handle.write(contentsOf: line)
        } catch {
            throw HarkError.writeFailed("append to the journal", url.path, error)
        }
        writeBack.wrote(line.count)
        let entry = indexesAppends ? index.append(key: record.key, length: length) : index.advance(length: length)
        return Appended(entry: entry, line: line.dropLast())
    }

    /// Flushes and closes the file; returns its index (without the lines appended by a journal
    /// that does not index its appends).
    @discardableResult
    public func close() throws -> JournalIndex {
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw HarkError.writeFailed("flush the journal", url.path, error)
        }
        return index
    }

    /// Reads a journal. A last line cut short by a kill is dropped; any other bad line is an error
    /// naming its line.
    public static func read(_ url: URL) throws -> [SampleRecord] {
        var records: [SampleRecord] = []
        if FileManager.default.fileExists(atPath: url.path) {
            try forEachRecord(url) { record, _ in records.append(record) }
        }
        return records
    }

    /// Writes records as a whole new journal (through a temporary file and a rename, so that a
    /// crash leaves either the old or the new file).
    public static func write(_ records: [SampleRecord], to url: URL) throws {
        let output = try LineFileWriter(replacing: url)
        for record in records { try output.write(record.jsonLine) }
        try output.commit()
    }
}
