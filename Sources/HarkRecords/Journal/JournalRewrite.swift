public import Foundation
public import HarkCore
import Synchronization

extension Journal {
    /// What reading a journal's index found, and what it would not keep.
    public struct Survey: Sendable {
        /// The line of each kept record.
        public var index = JournalIndex()
        /// Records left out because their `request_hash` is not that of the planned request.
        public var mismatched = 0
        /// Samples answered twice with different answers, with both lines; left out.
        public var conflicts: [Conflict] = []
    }

    public struct Conflict: Sendable, Hashable {
        public var key: String
        public var lines: [Int]
    }

    /// What a rewrite wrote.
    public struct Rewrite: Sendable {
        /// The number of records written.
        public var records = 0
        /// Counts per suite of the records written; empty when they were copied without decoding.
        public var counts: [String: RunResults.SuiteCounts] = [:]
        /// The index of the file written.
        public var index = JournalIndex()
    }

    /// Reads a journal once and indexes the last record of each sample that `keep` accepts. With
    /// `expectedHashes` (resume), a record whose `request_hash` differs from its planned request's
    /// is left out, and so is a sample answered twice with different answers. A torn last line is
    /// dropped.
    public static func index(
        _ url: URL, keep: (SampleRecord) -> Bool = { _ in true }, expectedHashes: [String: String]? = nil
    ) throws -> Survey {
        var survey = Survey()
        guard FileManager.default.fileExists(atPath: url.path) else { return survey }
        var responses: [String: String] = [:]
        var conflicted: Set<String> = []
        try forEachRecord(url) { record, entry in
            guard keep(record) else { return }
            if let expectedHashes {
                if let expected = expectedHashes[record.key], expected != record.requestHash {
                    survey.mismatched += 1
                    return
                }
                if let earlier = responses[record.key], record.isAnswered, earlier != record.response,
                    let line = survey.index[record.key]?.line
                {
                    survey.conflicts.append(Conflict(key: record.key, lines: [line, entry.line]))
                    conflicted.insert(record.key)
                }
            }
            survey.index.set(key: record.key, entry: entry)
            if record.isAnswered, let response = record.response {
                responses[record.key] = response
            } else {
                responses[record.key] = nil
            }
        }
        for key in conflicted { survey.index.remove(key) }
        return survey
    }

    /// Rewrites a journal as the indexed records of the planned samples, in plan order, dropping
    /// the rest (through a temporary file and a rename). With `visit`, each record written is
    /// decoded once, counted and handed to it (the finished run's scoring); without, lines are
    /// copied as they are. Memory holds the index, not the records.
    @discardableResult
    public static func rewrite(
        _ url: URL, index: JournalIndex, planOrder: some Sequence<String>, visit: (SampleRecord) throws -> Void
    ) throws -> Rewrite {
        try rewrite(url, index: index, planOrder: planOrder, decoding: true, visit: visit)
    }

    /// `rewrite` copying the lines without decoding them.
    @discardableResult
    public static func rewrite(_ url: URL, index: JournalIndex, planOrder: some Sequence<String>) throws -> Rewrite {
        try rewrite(url, index: index, planOrder: planOrder, decoding: false) { _ in }
    }

    private static func rewrite(
        _ url: URL, index: JournalIndex, planOrder: some Sequence<String>, decoding: Bool,
        visit: (SampleRecord) throws -> Void
    ) throws -> Rewrite {
        var rewrite = Rewrite()
        guard FileManager.default.fileExists(atPath: url.path) else { return rewrite }
        var input = try WindowReader(url)
        let output = try LineFileWriter(replacing: url)
        var written: Set<String> = []
        var batch: [(line: Data, entry: JournalIndex.Entry)] = []
        // Lines are gathered in batches and decoded over the cores, then counted and visited in order.
        func flush() throws {
            guard decoding else { return }
            for record in try decode(batch, url: url) {
                rewrite.counts[record.suite, default: RunResults.SuiteCounts()].add(record)
                try visit(record)
            }
            batch.removeAll(keepingCapacity: true)
        }
        for key in planOrder {
            guard let entry = index[key], written.insert(key).inserted else { continue }
            guard let line = try input.read(offset: entry.offset, length: entry.length) else {
                throw HarkError(
                    .internal, "the journal changed while it was rewritten",
                    at: SourceLocation(file: url.path, line: entry.line))
            }
            if decoding {
                batch.append((line, entry))
                if batch.count == 512 { try flush() }
            }
            rewrite.records += 1
            rewrite.index.append(key: key, length: line.count)
            try output.write(line)
        }
        try flush()
        try output.commit()
        return rewrite
    }

    /// The records of `lines`, decoded over the cores; a bad line is an error naming it.
    private static func decode(_ lines: [(line: Data, entry: JournalIndex.Entry)], url: URL) throws -> [SampleRecord] {
        let results = Mutex([Result<SampleRecord, any Error>?](repeating: nil, count: lines.count))
        let slices = min(lines.count, 2 * ProcessInfo.processInfo.activeProcessorCount)
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            let decoder = JSONDecoder()
            for position in stride(from: slice, to: lines.count, by: slices) {
                let result = Result { try decoder.decode(SampleRecord.self, from: lines[position].line) }
                results.withLock { $0[position] = result }
            }
        }
        ReadCounter.count(.journalRecord, lines.count)
        return try results.withLock { $0 }.enumerated().map { position, result in
            do {
                guard let result else { throw HarkError(.internal, "a journal line was not decoded") }
                return try result.get()
            } catch {
                throw notARecord(error, at: SourceLocation(file: url.path, line: lines[position].entry.line))
            }
        }
    }

    /// The error of a line that does not decode as a record.
    static func notARecord(_ error: any Error, at location: SourceLocation) -> HarkError {
        HarkError.badInput("not a journal record: \(JSONLines.describe(error))", at: location)
    }

    /// Calls `body` with each record of a journal and where its line is, streaming the file. A last
    /// line cut short by a kill is skipped; any other bad line is an error naming it.
    public static func forEachRecord(_ url: URL, _ body: (SampleRecord, JournalIndex.Entry) throws -> Void) throws {
        let decoder = JSONDecoder()
        try LineReader.forEachLine(url) { line, offset, number, isLast in
            ReadCounter.count(.journalRecord)
            let record: SampleRecord
            do {
                record = try decoder.decode(SampleRecord.self, from: line)
            } catch {
                if isLast { return }
                throw notARecord(error, at: SourceLocation(file: url.path, line: number))
            }
            try body(record, JournalIndex.Entry(offset: offset, length: line.count, line: number))
        }
    }
}

extension Journal {
    /// Reads single records of a journal by where their lines are, through a read window: cheap
    /// when the lines are asked for nearly in file order. The file may grow while it is read.
    public struct RecordReader {
        private let url: URL
        private var window: WindowReader
        private let decoder = JSONDecoder()

        public init(_ url: URL) throws {
            self.url = url
            window = try WindowReader(url)
        }

        /// The line at `entry` and its record; a bad line is an error naming it.
        public mutating func read(at entry: JournalIndex.Entry) throws -> (record: SampleRecord, line: Data) {
            let location = SourceLocation(file: url.path, line: entry.line)
            guard let line = try window.read(offset: entry.offset, length: entry.length) else {
                throw HarkError(.internal, "the journal is shorter than its index", at: location)
            }
            ReadCounter.count(.journalRecord)
            do {
                return (try decoder.decode(SampleRecord.self, from: line), line)
            } catch {
                throw Journal.notARecord(error, at: location)
            }
        }
    }
}

/// Reads a file line by line in blocks, with each line's byte offset.
enum LineReader {
    static func forEachLine(
        _ url: URL, _ body: (_ line: Data, _ offset: UInt64, _ number: Int, _ isLast: Bool) throws -> Void
    ) throws {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var pending = Data()
        var pendingOffset: UInt64 = 0
        var number = 0
        while let block = try handle.read(upToCount: 1 << 20), !block.isEmpty {
            pending.append(block)
            var start = pending.startIndex
            while let newline = pending[start...].firstIndex(of: UInt8(ascii: "\n")) {
                number += 1
                let line = pending[start..<newline]
                if !line.isEmpty {
                    try body(Data(line), pendingOffset + UInt64(start - pending.startIndex), number, false)
                }
                start = newline + 1
            }
            pendingOffset += UInt64(start - pending.startIndex)
            pending = Data(pending[start...])
        }
        if !pending.isEmpty { try body(pending, pendingOffset, number + 1, true) }
    }
}

/// Reads byte ranges of a file through a 1 MiB window, so that ranges read nearly in file order
/// (a journal put back in plan order) cost one read per window, not a seek and a read each. The
/// window starts a quarter of its size before the range it is moved to, so that the short steps
/// back of answers that arrived out of order stay in it.
struct WindowReader {
    private let handle: FileHandle
    private var window = Data()
    private var windowOffset: UInt64 = 0
    private static let size = 1 << 20
    private static let lookBack = UInt64(size / 4)

    init(_ url: URL) throws {
        handle = try FileHandle(forReadingFrom: url)
    }

    /// The bytes at `offset`, or nil when the file ends before `length` of them.
    mutating func read(offset: UInt64, length: Int) throws -> Data? {
        let end = offset + UInt64(length)
        if offset < windowOffset || end > windowOffset + UInt64(window.count) {
            let start = offset - min(offset, Self.lookBack)
            try handle.seek(toOffset: start)
            window = try handle.read(upToCount: max(Self.size, Int(end - start))) ?? Data()
            windowOffset = start
            guard UInt64(window.count) >= end - start else { return nil }
        }
        let start = window.startIndex + Int(offset - windowOffset)
        return window.subdata(in: start..<start + length)
    }
}
