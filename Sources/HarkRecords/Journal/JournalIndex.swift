/// Where each sample's record sits in a journal file: its line's byte offset, length and number.
/// Built while a journal is written or compacted, so that the file need not be decoded to find
/// the records worth keeping.
public struct JournalIndex: Sendable {
    public struct Entry: Sendable, Hashable {
        public var offset: UInt64
        public var length: Int
        public var line: Int
    }

    private(set) var entries: [String: Entry] = [:]
    /// The number of lines the file holds (a sample answered twice has two).
    public private(set) var lines = 0
    /// The file's length in bytes.
    public private(set) var bytes: UInt64 = 0

    public init() {}

    public var keys: Dictionary<String, Entry>.Keys { entries.keys }
    public var count: Int { entries.count }
    public func contains(_ key: String) -> Bool { entries[key] != nil }
    public subscript(key: String) -> Entry? { entries[key] }

    /// Notes a line appended at the end of the file (its length without the newline); a later line
    /// of the same sample replaces the earlier.
    @discardableResult
    public mutating func append(key: String, length: Int) -> Entry {
        let entry = advance(length: length)
        entries[key] = entry
        return entry
    }

    /// Where a line appended at the end of the file goes, noted in the counts alone (not by key).
    public mutating func advance(length: Int) -> Entry {
        lines += 1
        let entry = Entry(offset: bytes, length: length, line: lines)
        bytes += UInt64(length + 1)
        return entry
    }

    /// Notes a line found by reading the file.
    mutating func set(key: String, entry: Entry) {
        entries[key] = entry
        lines = max(lines, entry.line)
        bytes = max(bytes, entry.offset + UInt64(entry.length + 1))
    }

    mutating func remove(_ key: String) { entries[key] = nil }

    /// Sets where the next appended line starts: the file's real end.
    mutating func `continue`(at end: UInt64) { bytes = end }
}
