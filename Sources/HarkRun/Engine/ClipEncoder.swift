public import Foundation
public import HarkAudio
public import HarkCore
public import HarkModels

/// Encodes each clip of a run once (decode, downmix, resample, WAV, base64) and hands it to every
/// request that sends it; a clip is asked about many times (objects × templates). The audio it
/// holds — clips being encoded (with their working memory), clips leased by requests in flight,
/// clips kept for later requests — stays within `capacityBytes`: kept clips are dropped to make
/// room, least recently used first, and a request whose clips do not fit waits until a request in
/// flight gives its clips back (a request is let through alone whatever its size, so that
/// ten-minute clips run one by one rather than not at all). Clips no request holds are kept up to
/// `cacheBytes`. At most one clip per core is encoded at a time.
public actor ClipEncoder {
    public let pipeline: AudioPipeline
    /// Bytes of audio held at most: being encoded, in flight and kept.
    public let capacityBytes: Int
    /// Bytes of encoded clips kept at most for later requests, beside those in flight.
    public let cacheBytes: Int
    /// Clips encoded at the same time at most.
    public let maxEncodings: Int

    /// A request's clips, held until given back with `release`.
    public struct Lease: Sendable {
        public let clips: [EncodedClip]
        fileprivate let tokens: [Token]
    }

    fileprivate struct Token: Sendable {
        var key: String
        var id: Int
        var task: Task<EncodedClip, any Error>
    }

    private struct Entry {
        var id: Int
        var task: Task<EncodedClip, any Error>
        /// The clip's size; until it is encoded, an estimate from its duration of its size and the
        /// encoding's working memory.
        var bytes: Int
        var measured = false
        var users = 0
        var lastUse = 0
    }

    private struct Waiter {
        var id: Int
        var wanted: [(key: String, clip: Clip)]
        var substitute: AudioSubstitute?
        var counter: ReadCounter?
        var continuation: CheckedContinuation<[Token], any Error>
    }

    private var entries: [String: Entry] = [:]
    /// The bytes held: being encoded, in flight and kept.
    public private(set) var heldBytes = 0
    private var inUse = 0
    private var ticks = 0
    private var waiters: [Waiter] = []
    private var encoding = 0
    private var encodingQueue: [CheckedContinuation<Void, Never>] = []
    /// How many clips were encoded: once each, unless dropped and needed again.
    public private(set) var encodes = 0
    /// The most bytes held at once.
    public private(set) var peakBytes = 0
    /// Requests waiting for room.
    public var waiting: Int { waiters.count }

    /// The default bound of what is held: about 50 requests of distinct 30-second clips in flight
    /// (17 while all are being encoded), or one ten-minute clip at a time.
    public static let defaultCapacityBytes = 64 << 20
    /// The default bound of kept clips: a hundred one-second clips. A suite's requests of one clip
    /// follow each other in the plan, so a clip is seldom needed after its requests are done, and
    /// encoding it again is cheap beside a model call.
    public static let defaultCacheBytes = 4 << 20

    public init(
        pipeline: AudioPipeline, capacityBytes: Int = ClipEncoder.defaultCapacityBytes,
        cacheBytes: Int = ClipEncoder.defaultCacheBytes,
        maxEncodings: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.pipeline = pipeline
        self.capacityBytes = max(0, capacityBytes)
        self.cacheBytes = max(0, cacheBytes)
        self.maxEncodings = max(1, maxEncodings)
    }

    /// The clips, encoded — or, with `substitute`, a listening control's signal of each clip's
    /// length and rate — held for the caller until `release`. Waits for room; throws
    /// `RequestFailure` of kind `audio` when a clip cannot be encoded (holding nothing then).
    public func acquire(_ clips: [Clip], substitute: AudioSubstitute? = nil) async throws -> Lease {
        var wanted: [(key: String, clip: Clip)] = []
        for clip in clips {
            guard clip.location != nil else { throw RequestFailure(.audio, "\(clip.path): no file location") }
            wanted.append((clip.sha256 + "/" + clip.path + (substitute.map { "/\($0)" } ?? ""), clip))
        }
        let tokens: [Token]
        // Clips all held need no room: they need not queue behind a request that does.
        if waiters.isEmpty || wanted.allSatisfy({ entries[$0.key] != nil }),
            fits(wanted.map(\.key), estimate: wanted.map { encodingBytes($0.clip) })
        {
            tokens = admit(wanted, substitute: substitute, counter: ReadCounter.current)
        } else {
            ticks += 1
            let id = ticks
            tokens = try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { continuation in
                    waiters.append(
                        Waiter(
                            id: id, wanted: wanted, substitute: substitute, counter: ReadCounter.current,
                            continuation: continuation))
                }
            } onCancel: {
                Task { await self.cancelWaiting(id) }
            }
        }
        // Every clip is awaited, failed or not, so that none is left counted at its estimate.
        var encoded: [EncodedClip] = []
        var failure: (any Error)?
        for token in tokens {
            do {
                let clip = try await token.task.value
                measure(token, clip.byteCount)
                encoded.append(clip)
            } catch {
                drop(token)
                failure = failure ?? error
            }
        }
        if let failure {
            release(Lease(clips: [], tokens: tokens))
            throw RequestFailure(.audio, "\(failure)")
        }
        return Lease(clips: encoded, tokens: tokens)
    }

    /// Gives a request's clips back: they stay kept while there is room.
    public func release(_ lease: Lease) {
        for token in lease.tokens {
            guard var entry = entries[token.key], entry.id == token.id else { continue }
            entry.users -= 1
            if entry.users == 0 { inUse -= 1 }
            entries[token.key] = entry
        }
        let leased = entries.values.reduce(0) { $0 + ($1.users > 0 ? $1.bytes : 0) }
        dropKept { heldBytes - leased > cacheBytes }
        admitWaiting()
    }

    /// The kept clip no request holds that was used longest ago, apart from `spared` ones.
    private func leastRecentlyUsed(sparing spared: Set<String>) -> (key: String, value: Entry)? {
        entries.lazy.filter { $0.value.users == 0 && !spared.contains($0.key) }
            .min { $0.value.lastUse < $1.value.lastUse }
    }

    /// Whether clips of these keys, with these estimated sizes for those not held, fit beside what
    /// is held once kept clips not in use are dropped — which it then does, and only then; true for
    /// a request when no other holds any clip.
    private func fits(_ keys: [String], estimate: [Int]) -> Bool {
        var needed = 0
        var seen = Set<String>()
        for (key, bytes) in zip(keys, estimate) where entries[key] == nil && seen.insert(key).inserted {
            needed += bytes
        }
        if needed == 0 || heldBytes + needed <= capacityBytes { return true }
        let wanted = Set(keys)
        let droppable = entries.reduce(0) {
            $0 + ($1.value.users == 0 && !wanted.contains($1.key) ? $1.value.bytes : 0)
        }
        guard heldBytes - droppable + needed <= capacityBytes || inUse == 0 else { return false }
        dropKept(sparing: wanted) { heldBytes + needed > capacityBytes }
        return true
    }

    /// Drops kept clips no request holds, least recently used first, while `condition` holds.
    private func dropKept(sparing spared: Set<String> = [], while condition: () -> Bool) {
        while condition(), let oldest = leastRecentlyUsed(sparing: spared) {
            entries[oldest.key] = nil
            heldBytes -= oldest.value.bytes
        }
    }

    /// Leases the clips, starting the encoding of those not held.
    private func admit(
        _ wanted: [(key: String, clip: Clip)], substitute: AudioSubstitute?, counter: ReadCounter?
    ) -> [Token] {
        wanted.map { key, clip in
            ticks += 1
            var entry = entries[key] ?? startEncoding(clip, substitute: substitute, counter: counter)
            if entry.users == 0 { inUse += 1 }
            entry.users += 1
            entry.lastUse = ticks
            entries[key] = entry
            return Token(key: key, id: entry.id, task: entry.task)
        }
    }

    private func startEncoding(_ clip: Clip, substitute: AudioSubstitute?, counter: ReadCounter?) -> Entry {
        encodes += 1
        ticks += 1
        let bytes = encodingBytes(clip)
        heldBytes += bytes
        peakBytes = max(peakBytes, heldBytes)
        let pipeline = pipeline
        let url = clip.location!
        let sha256 = clip.sha256
        let task = Task.detached {
            await self.waitForEncodingSlot()
            let result = Result {
                try ReadCounter.$current.withValue(counter) {
                    guard let substitute else { return EncodedClip(wav: try pipeline.wav(url)) }
                    let signal = ControlSignals.substitute(
                        substitute, shapedLike: try pipeline.prepare(url), key: sha256)
                    return EncodedClip(wav: try WAVEncoder.pcm16(signal))
                }
            }
            await self.endEncoding()
            return try result.get()
        }
        return Entry(id: ticks, task: task, bytes: bytes)
    }

    /// What encoding the clip holds at most, from its duration and the pipeline's rate (two
    /// channels assumed when the pipeline keeps the clip's own): its samples as floats, the WAV
    /// written and its copy, then the WAV and its base64 — four times the WAV.
    private func encodingBytes(_ clip: Clip) -> Int {
        let frames = Int((max(0, clip.seconds) * Double(pipeline.sampleRate)).rounded(.up))
        return 4 * (44 + frames * (pipeline.mono ? 1 : 2) * 2)
    }

    /// Replaces an entry's estimate by its encoded size.
    private func measure(_ token: Token, _ bytes: Int) {
        guard var entry = entries[token.key], entry.id == token.id, !entry.measured else { return }
        heldBytes += bytes - entry.bytes
        peakBytes = max(peakBytes, heldBytes)
        entry.bytes = bytes
        entry.measured = true
        entries[token.key] = entry
        // A clip longer than its duration said may pass the bound: kept clips make up for it.
        dropKept { heldBytes > capacityBytes }
        admitWaiting()
    }

    /// Forgets a clip that could not be encoded, so that a later request tries again.
    private func drop(_ token: Token) {
        guard let entry = entries[token.key], entry.id == token.id else { return }
        entries[token.key] = nil
        heldBytes -= entry.bytes
        if entry.users > 0 { inUse -= 1 }
    }

    /// Lets waiting requests in, first come first served, while the first fits.
    private func admitWaiting() {
        while let first = waiters.first,
            fits(first.wanted.map(\.key), estimate: first.wanted.map { encodingBytes($0.clip) })
        {
            waiters.removeFirst()
            first.continuation.resume(
                returning: admit(first.wanted, substitute: first.substitute, counter: first.counter))
        }
    }

    private func cancelWaiting(_ id: Int) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        waiters.remove(at: index).continuation.resume(throwing: CancellationError())
        admitWaiting()
    }

    private func waitForEncodingSlot() async {
        guard encoding >= maxEncodings else {
            encoding += 1
            return
        }
        await withCheckedContinuation { encodingQueue.append($0) }
    }

    private func endEncoding() {
        if encodingQueue.isEmpty {
            encoding -= 1
        } else {
            encodingQueue.removeFirst().resume()
        }
    }
}
