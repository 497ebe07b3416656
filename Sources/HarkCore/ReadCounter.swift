import Synchronization

/// Counts how often a command reads run files and clips, for the tests that hold each piece of data
/// to one read per command. A test hook: nothing is counted unless a test binds `current`.
public final class ReadCounter: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// A journal line decoded into a `SampleRecord`.
        case journalRecord
        /// `results.json` decoded.
        case results
        /// A clip's bytes read whole to hash them.
        case clipHash
        /// A clip's header read (format, rate, frames).
        case clipHeader
        /// A clip decoded into samples.
        case clipDecode
    }

    @TaskLocal public static var current: ReadCounter?

    private let counts = Mutex<[Kind: Int]>([:])

    public init() {}

    public subscript(kind: Kind) -> Int { counts.withLock { $0[kind] ?? 0 } }

    /// Counts one read in the counter of the current task, if any.
    public static func count(_ kind: Kind, _ times: Int = 1) {
        current?.counts.withLock { $0[kind, default: 0] += times }
    }
}
