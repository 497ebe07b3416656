/// Finds the clips of a set whose fingerprints match a query's at some offset: near duplicates.
///
/// Each usable frame of an indexed clip is filed under both halves of its word (two tables of 16-bit
/// keys, so a frame with a few flipped bits is still found through the half that kept them). A
/// query's frames vote for (clip, offset) through both tables; the best-voted offsets of each clip
/// are then checked bit by bit: a match is a bit error rate at most `maximumBitErrorRate` over
/// usable frames the two share, which must cover at least `minimumCoverage` of the shorter clip's
/// usable frames and `minimumFrames` frames (clips shorter than that are left to the exact hashes).
public struct FingerprintIndex: Sendable {
    public struct Match: Sendable, Hashable {
        /// The position of the matching clip among those added.
        public var clip: Int
        /// Frames the query starts after the clip's start (negative: before).
        public var offset: Int
        public var bitErrorRate: Double
        public var sharedFrames: Int
    }

    public var maximumBitErrorRate = 0.3
    public var minimumCoverage = 0.5
    public var minimumFrames = 32
    /// Keys filed under more frames than this are too common to vote (stationary sound).
    public var maximumPostings = 4_096

    private var clips: [AudioFingerprint] = []
    private var tables: [[UInt16: [Posting]]] = [[:], [:]]

    struct Posting: Hashable {
        var clip: Int32
        var frame: Int32
    }

    public init() {}

    public var count: Int { clips.count }

    /// Adds a clip; its position is `count` before the call.
    public mutating func add(_ fingerprint: AudioFingerprint) {
        let clip = Int32(clips.count)
        clips.append(fingerprint)
        for (frame, word) in fingerprint.frames.enumerated() where fingerprint.usable[frame] {
            let posting = Posting(clip: clip, frame: Int32(frame))
            tables[0][UInt16(word >> 16), default: []].append(posting)
            tables[1][UInt16(word & 0xFFFF), default: []].append(posting)
        }
    }

    /// The clips the query matches, best first (lowest bit error rate).
    public func matches(_ query: AudioFingerprint) -> [Match] {
        guard query.usableCount >= minimumFrames else { return [] }
        var votes: [Int: [Int: Int]] = [:]
        for (frame, word) in query.frames.enumerated() where query.usable[frame] {
            for (table, key) in [(0, UInt16(word >> 16)), (1, UInt16(word & 0xFFFF))] {
                guard let postings = tables[table][key], postings.count <= maximumPostings else { continue }
                for posting in postings {
                    votes[Int(posting.clip), default: [:]][Int(posting.frame) - frame, default: 0] += 1
                }
            }
        }
        var found: [Match] = []
        for (clip, offsets) in votes {
            // The few best-voted offsets, each tried with its neighbours (a trim moves frames by up to
            // half a hop, so a shift can land either side).
            let best = offsets.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(3).filter { $0.value >= 2 }
            var tried: Set<Int> = []
            var chosen: Match?
            for (offset, _) in best {
                for shift in (offset - 1)...(offset + 1) where tried.insert(shift).inserted {
                    guard let match = compare(query, clip: clip, offset: shift) else { continue }
                    if chosen.map({ match.bitErrorRate < $0.bitErrorRate }) ?? true { chosen = match }
                }
            }
            if let chosen { found.append(chosen) }
        }
        return found.sorted { ($0.bitErrorRate, $0.clip) < ($1.bitErrorRate, $1.clip) }
    }

    /// The query against one clip, the query's frame f aligned with the clip's frame f + offset.
    func compare(_ query: AudioFingerprint, clip: Int, offset: Int) -> Match? {
        let indexed = clips[clip]
        let first = max(0, -offset)
        let last = min(query.frames.count, indexed.frames.count - offset)
        guard first < last else { return nil }
        var shared = 0
        var errors = 0
        for frame in first..<last where query.usable[frame] && indexed.usable[frame + offset] {
            shared += 1
            errors += (query.frames[frame] ^ indexed.frames[frame + offset]).nonzeroBitCount
        }
        let shorter = min(query.usableCount, indexed.usableCount)
        guard shared >= minimumFrames, Double(shared) >= minimumCoverage * Double(shorter) else { return nil }
        let rate = Double(errors) / Double(shared * 32)
        guard rate <= maximumBitErrorRate else { return nil }
        return Match(clip: clip, offset: offset, bitErrorRate: rate, sharedFrames: shared)
    }
}
