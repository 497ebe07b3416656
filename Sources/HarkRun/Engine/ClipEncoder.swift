public import Foundation
public import HarkAudio
public import HarkCore
public import HarkModels

/// Encodes each clip of a run once (decode, downmix, resample, WAV, base64) and hands it to every
/// request that sends it; a clip is asked about many times (objects × templates). The audio it
/// holds — clips leased by requests in flight and clips kept for later requests — stays within a
/// number of bytes: the least recently used kept clips are dropped to make room, and a request
/// whose clips do not fit waits until a request in flight gives its clips back (a request is let
/// through alone whatever its size, so that ten-minute clips run one by one rather than not at
/// all). At most one clip per core is encoded at a time.
public actor ClipEncoder {
    public let pipeline: AudioPipeline
    /// Bytes of encoded audio held at most, in flight and kept.
    public let capacityBytes: Int
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
        /// The clip's size: estimated from its duration until it is encoded.
        var bytes: Int
        var measured = false
        var users = 0
        var lastUse = 0
    }

    private struct Waiter {
        var id: Int
        var wanted: [(key: String, clip: Clip)]
        var substitute: AudioSubstitute?
        var continuation: CheckedContinuation<[Token], any Error>
    }

    private var entries: [String: Entry] = [:]
    private var heldBytes = 0
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

    /// The default bound: a few hundred one-minute clips, one ten-minute clip.
    public static let defaultCapacityBytes = 48 << 20

    public init(
        pipeline: AudioPipeline, capacityBytes: Int = ClipEncoder.defaultCapacityBytes,
        maxEncodings: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.pipeline = pipeline
        self.capacityBytes = max(0, capacityBytes)
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
            fits(wanted.map(\.key), estimate: wanted.map { estimatedBytes($0.clip) })
        {
            tokens = admit(wanted, substitute: substitute)
        } else {
            ticks += 1
            let id = ticks
            tokens = try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { continuation in
                    waiters.append(Waiter(id: id, wanted: wanted, substitute: substitute, continuation: continuation))
                }
            } onCancel: {
                Task { await self.cancelWaiting(id) }
            }
        }
        var encoded: [EncodedClip] = []
        for token in tokens {
            do {
                let clip = try await token.task.value
                measure(token, clip.byteCount)
                encoded.append(clip)
            } catch {
                drop(token)
                release(Lease(clips: [], tokens: tokens))
                throw RequestFailure(.audio, "\(error)")
            }
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
        admitWaiting()
    }

    /// Whether clips of these keys, with these estimated sizes for those not held, fit beside what
    /// is held once kept clips not in use are dropped (which it does); true for a request when no
    /// other holds any clip.
    private func fits(_ keys: [String], estimate: [Int]) -> Bool {
        var needed = 0
        var seen = Set<String>()
        for (key, bytes) in zip(keys, estimate) where entries[key] == nil && seen.insert(key).inserted {
            needed += bytes
        }
        if needed == 0 { return true }
        let wanted = Set(keys)
        while heldBytes + needed > capacityBytes {
            guard
                let oldest = entries.lazy.filter({ $0.value.users == 0 && !wanted.contains($0.key) })
                    .min(by: { $0.value.lastUse < $1.value.lastUse })
            else { break }
            entries[oldest.key] = nil
            heldBytes -= oldest.value.bytes
        }
        return heldBytes + needed <= capacityBytes || inUse == 0
    }

    /// Leases the clips, starting the encoding of those not held.
    private func admit(_ wanted: [(key: String, clip: Clip)], substitute: AudioSubstitute?) -> [Token] {
        wanted.map { key, clip in
            ticks += 1
            var entry = entries[key] ?? startEncoding(clip, substitute: substitute)
            if entry.users == 0 { inUse += 1 }
            entry.users += 1
            entry.lastUse = ticks
            entries[key] = entry
            return Token(key: key, id: entry.id, task: entry.task)
        }
    }

    private func startEncoding(_ clip: Clip, substitute: AudioSubstitute?) -> Entry {
        encodes += 1
        ticks += 1
        let bytes = estimatedBytes(clip)
        heldBytes += bytes
        peakBytes = max(peakBytes, heldBytes)
        let pipeline = pipeline
        let counter = ReadCounter.current
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

    /// The base64 size of the clip's WAV, from its duration and the pipeline's rate (two channels
    /// assumed when the pipeline keeps the clip's own).
    private func estimatedBytes(_ clip: Clip) -> Int {
        let frames = Int((max(0, clip.seconds) * Double(pipeline.sampleRate)).rounded(.up))
        return EncodedClip.byteCount(wavBytes: 44 + frames * (pipeline.mono ? 1 : 2) * 2)
    }

    /// Replaces an entry's estimated size by its encoded one.
    private func measure(_ token: Token, _ bytes: Int) {
        guard var entry = entries[token.key], entry.id == token.id, !entry.measured else { return }
        heldBytes += bytes - entry.bytes
        peakBytes = max(peakBytes, heldBytes)
        entry.bytes = bytes
        entry.measured = true
        entries[token.key] = entry
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
            fits(first.wanted.map(\.key), estimate: first.wanted.map { estimatedBytes($0.clip) })
        {
            waiters.removeFirst()
            first.continuation.resume(returning: admit(first.wanted, substitute: first.substitute))
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
