import Foundation
public import HarkCore
import Synchronization

/// A finished run as its readers share it: `results.json` decoded once, and the journal and
/// `scores.jsonl` read once, when first asked for, however many reports and comparisons use them.
public final class LoadedRun: Sendable {
    public let directory: RunDirectory
    public let results: RunResults
    private let samples = Lazy<[SampleRecord]>()
    private let scores = Lazy<[ScoreRecord]>()

    public init(_ directory: RunDirectory) throws {
        self.directory = directory
        results = try directory.readResults()
    }

    public var name: String { directory.name }
    public var manifest: RunManifest { results.manifest }

    /// The journal's records, in file order.
    public func sampleRecords() throws -> [SampleRecord] {
        try samples.value { try Journal.read(directory.samples) }
    }

    /// The records of `scores.jsonl`; none when the run was never scored.
    public func scoreRecords() throws -> [ScoreRecord] {
        try scores.value { try ScoresFile.read(directory.scores) }
    }

    /// The journal's records by sample key (the last of a key wins).
    public func samplesByKey() throws -> [String: SampleRecord] {
        Dictionary(try sampleRecords().map { ($0.key, $0) }, uniquingKeysWith: { _, last in last })
    }
}

/// A value computed once, on first use, by whichever thread asks first.
final class Lazy<Value: Sendable>: Sendable {
    private let state = Mutex<Value?>(nil)

    func value(_ make: () throws -> Value) throws -> Value {
        try state.withLock { state in
            if let state { return state }
            let made = try make()
            state = made
            return made
        }
    }
}
