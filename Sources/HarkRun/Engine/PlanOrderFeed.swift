import Foundation
import HarkCore
import HarkRecords

/// Puts a run's journal in plan order while the answers arrive in any order, and hands each
/// record to a visitor (the scoring) as its turn comes: a record that comes before its turn is
/// held, up to `capacity` of them, or else left in the journal and read back when its turn comes;
/// so are the records a resumed run kept. The lines go, in plan order, into the file that replaces
/// the journal when the run ends, so that the run ends with its last answer: the journal is not
/// read again to order or score it.
struct PlanOrderFeed<Order: IteratorProtocol<String>> {
    private var order: Order
    /// The key whose record is visited next; nil once the plan is through.
    private var next: String?
    private var held: [String: (record: SampleRecord, line: Data)] = [:]
    private var inJournal: [String: JournalIndex.Entry] = [:]
    private let journal: URL
    private var reader: Journal.RecordReader?
    private let capacity: Int
    private let output: LineFileWriter
    /// Counts per suite of the records visited.
    private(set) var counts: [String: RunResults.SuiteCounts] = [:]
    /// The records written in plan order.
    private(set) var records = 0

    /// `kept`: the records already in the journal (a resumed run's).
    init<Keys: Sequence>(order: Keys, journal: URL, kept: JournalIndex = JournalIndex(), capacity: Int) throws
    where Keys.Iterator == Order {
        self.order = order.makeIterator()
        self.journal = journal
        self.capacity = capacity
        output = try LineFileWriter(replacing: journal)
        for key in kept.keys { inJournal[key] = kept[key] }
        next = self.order.next()
    }

    /// Takes a record just journaled, and visits every record whose turn has come.
    mutating func add(_ record: SampleRecord, _ appended: Journal.Appended, visit: (SampleRecord) throws -> Void)
        throws
    {
        if record.key == next {
            try take(record, line: appended.line, visit: visit)
        } else if held.count < capacity {
            held[record.key] = (record, appended.line)
        } else {
            inJournal[record.key] = appended.entry
        }
        try advance(visit: visit)
    }

    /// Visits the records left, in plan order, passing over the samples that have none (a stopped
    /// run's), and puts the file in plan order in place of the journal.
    mutating func finish(visit: (SampleRecord) throws -> Void) throws {
        try advance(visit: visit)
        while next != nil {
            next = order.next()
            try advance(visit: visit)
        }
        try output.commit()
    }

    private mutating func advance(visit: (SampleRecord) throws -> Void) throws {
        while let key = next {
            if let (record, line) = held.removeValue(forKey: key) {
                try take(record, line: line, visit: visit)
            } else if let entry = inJournal.removeValue(forKey: key) {
                var reader = try reader ?? Journal.RecordReader(journal)
                let (record, line) = try reader.read(at: entry)
                self.reader = reader
                try take(record, line: line, visit: visit)
            } else {
                return
            }
        }
    }

    private mutating func take(_ record: SampleRecord, line: Data, visit: (SampleRecord) throws -> Void) throws {
        next = order.next()
        try output.write(line)
        records += 1
        counts[record.suite, default: RunResults.SuiteCounts()].add(record)
        try visit(record)
    }
}
