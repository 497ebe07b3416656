public import Foundation
public import HarkCore

extension Journal {
    /// What a compaction kept, and what it would not.
    public struct Compaction: Sendable {
        /// The number of records written.
        public var records = 0
        /// Counts per suite of the records written.
        public var counts: [String: RunResults.Counts] = [:]
        /// Records left out because their `request_hash` is not that of the planned request.
        public var mismatched = 0
        /// Samples answered twice with different answers, with both lines; left out.
        public var conflicts: [Conflict] = []
    }

    public struct Conflict: Sendable, Hashable {
        public var key: String
        public var lines: [Int]
    }

    /// Rewrites a journal as one record per planned sample — the last one that `keep` accepts — in
    /// plan order, dropping records of samples not in the plan. With `expectedHashes` (resume), a
    /// record whose `request_hash` differs from its planned request's is left out, and so is a
    /// sample answered twice with different answers. Streams the file twice (an index of line
    /// offsets, then the copy), so memory stays flat in the number of records. A torn last line is
    /// dropped.
    @discardableResult
    public static func compact(
        _ url: URL, planOrder: some Sequence<String>, keep: (SampleRecord) -> Bool = { _ in true },
        expectedHashes: [String: String]? = nil
    ) throws -> Compaction {
        guard FileManager.default.fileExists(atPath: url.path) else { return Compaction() }
        var compaction = Compaction()
        var index: [String: (offset: UInt64, length: Int, line: Int, response: String?)] = [:]
        var conflicted: Set<String> = []
        try forEachRecord(url) { record, offset, length, line in
            guard keep(record) else { return }
            if let expectedHashes {
                if let expected = expectedHashes[record.key], expected != record.requestHash {
                    compaction.mismatched += 1
                    return
                }
                if let earlier = index[record.key], record.isAnswered, earlier.response != nil, earlier.response != record.response {
                    compaction.conflicts.append(Conflict(key: record.key, lines: [earlier.line, line]))
                    conflicted.insert(record.key)
                }
            }
            index[record.key] = (offset, length, line, record.isAnswered ? record.response : nil)
        }
        for key in conflicted { index[key] = nil }

        let decoder = JSONDecoder()
        let input = try FileHandle(forReadingFrom: url)
        defer { try? input.close() }
        let output = try LineFileWriter(replacing: url)
        for key in planOrder {
            guard let entry = index.removeValue(forKey: key) else { continue }
            try input.seek(toOffset: entry.offset)
            guard let line = try input.read(upToCount: entry.length), line.count == entry.length else {
                throw HarkError(.internal, "the journal changed while it was compacted", at: SourceLocation(file: url.path))
            }
            let record = try decoder.decode(SampleRecord.self, from: line)
            compaction.counts[record.suite, default: RunResults.Counts()].add(record)
            compaction.records += 1
            try output.write(line)
        }
        try output.commit()
        return compaction
    }

    /// Calls `body` with each record of a journal, its line's byte offset and length and its line
    /// number, streaming the file. A last line cut short by a kill is skipped; any other bad line is
    /// an error naming it.
    static func forEachRecord(_ url: URL, _ body: (SampleRecord, UInt64, Int, Int) throws -> Void) throws {
        let decoder = JSONDecoder()
        try LineReader.forEachLine(url) { line, offset, number, isLast in
            let record: SampleRecord
            do {
                record = try decoder.decode(SampleRecord.self, from: line)
            } catch {
                if isLast { return }
                throw HarkError.badInput("not a journal record: \(JSONLines.describe(error))", at: SourceLocation(file: url.path, line: number))
            }
            try body(record, offset, line.count, number)
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
