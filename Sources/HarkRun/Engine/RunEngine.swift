import Foundation
public import HarkCore
public import HarkModels
public import HarkRecords
import Synchronization

/// Sends a plan's requests to a model and journals every answer as it arrives: at most N requests
/// in flight, retries with backoff, a timeout per attempt, answers from the cache when it has them.
/// Every request ends answered or with a recorded error, never both, never twice.
public struct RunEngine: Sendable {
    public var adapter: any ModelAdapter
    public var cache: ResponseCache?
    public var journal: Journal
    public var encoder: ClipEncoder
    public var concurrency: ModelConfig.Concurrency
    public var retry: RetryPolicy
    /// Extra content of every cache key (e.g. the audio settings) beside the adapter's identity.
    public var cacheSalt: String
    /// The model's fingerprint (canonical JSON), part of every request hash; nil when it has none.
    public var fingerprint: String?

    public init(
        adapter: any ModelAdapter, cache: ResponseCache?, journal: Journal, encoder: ClipEncoder,
        concurrency: ModelConfig.Concurrency, retry: RetryPolicy, cacheSalt: String = "", fingerprint: String? = nil
    ) {
        self.fingerprint = fingerprint
        self.adapter = adapter
        self.cache = cache
        self.journal = journal
        self.encoder = encoder
        self.concurrency = concurrency
        self.retry = retry
        self.cacheSalt = cacheSalt
    }

    /// The cache key of a request: its content with the model's identity and fingerprint and the
    /// audio settings.
    public func requestHash(_ request: ModelRequest) -> String {
        Self.requestHash(request, identity: adapter.identity, salt: cacheSalt, fingerprint: fingerprint)
    }

    static func requestHash(_ request: ModelRequest, identity: String, salt: String, fingerprint: String?) -> String {
        var members: [String: JSONValue] = [
            "adapter": .string(identity), "audio": .string(salt), "request": request.content,
        ]
        if let fingerprint { members["fingerprint"] = .string(fingerprint) }
        return ContentHash.sha256(JSONValue.object(members).canonical)
    }

    /// The same without the fingerprint: what tells a request asked of another checkpoint.
    func requestKey(_ request: ModelRequest) -> String {
        ContentHash.sha256(
            JSONValue.object([
                "adapter": .string(adapter.identity), "audio": .string(cacheSalt), "request": request.content,
            ]).canonical)
    }

    struct Asked: Sendable {
        var record: SampleRecord
        var calls: Int
        var congested: Bool
        var stale = false
    }

    /// Runs the requests (`total` of them), taking them from the sequence only as slots free up;
    /// `resumed` counts samples already done by an earlier invocation (for progress). Once `stop`
    /// is requested no new request is sent, nor one still waiting for room for its audio (it stays
    /// unasked); a cancelled run journals what still comes back and
    /// returns. `journaled` is given each record as it is journaled, with its line.
    /// Returns the counts of this invocation.
    public func run(
        _ requests: some Sequence<ModelRequest>, total: Int, resumed: Int = 0, stop: RunStop? = nil,
        progress: @Sendable (RunProgress) -> Void = { _ in },
        journaled: (SampleRecord, Journal.Appended) throws -> Void = { _, _ in }
    ) async throws -> RunManifest.Counts {
        var counts = RunManifest.Counts()
        var limit = ConcurrencyLimit(maximum: concurrency.max, adaptive: concurrency.adaptive)
        let start = Date()
        var status = RunProgress(
            total: total + resumed, done: resumed, errors: 0, cacheHits: 0, resumed: resumed, elapsed: 0,
            concurrency: limit.current)
        progress(status)
        let watch = TimeoutWatch()
        watch.start()
        defer { watch.stop() }
        try await withThrowingTaskGroup(of: Asked?.self) { group in
            var pending = requests.makeIterator()
            var running = 0
            func launch() {
                while running < limit.current, stop?.isRequested != true, !Task.isCancelled,
                    let request = pending.next()
                {
                    running += 1
                    group.addTask { try await self.process(request, watch: watch, stop: stop) }
                }
            }
            launch()
            while let result = await group.nextResult() {
                running -= 1
                let outcome: Asked
                switch result {
                case .success(let finished?): outcome = finished
                case .success(nil): continue
                case .failure(let error) where error is CancellationError && Task.isCancelled: continue
                case .failure(let error): throw error
                }
                limit.record(congested: outcome.congested)
                // The freed slot is filled before this answer is journaled and scored.
                launch()
                try journaled(outcome.record, try await journal.append(outcome.record))
                counts.add(outcome)
                status.done += 1
                status.errors = counts.errors
                status.cacheHits = counts.cacheHits
                status.elapsed = Date().timeIntervalSince(start)
                status.concurrency = limit.current
                progress(status)
            }
        }
        return counts
    }

    /// Asks one request; nil when a stop came while it waited for room for its audio (not asked).
    func process(_ request: ModelRequest, watch: TimeoutWatch, stop: RunStop? = nil) async throws -> Asked? {
        let hash = requestHash(request)
        let started = Date()
        func milliseconds() -> Double { (Date().timeIntervalSince(started) * 1_000_000).rounded() / 1_000 }
        // The second hash is for the cache alone.
        let key = cache == nil ? "" : requestKey(request)
        var stale = false
        if let cache {
            switch try await cache.lookup(hash, request: key) {
            case .hit(let cached):
                let record = SampleRecord(
                    request: request, requestHash: hash, response: cached, error: nil, latencyMs: milliseconds(),
                    attempts: 0,
                    cached: true)
                return Asked(record: record, calls: 0, congested: false)
            case .stale: stale = true
            case .miss: break
            }
        }
        var lease: ClipEncoder.Lease?
        if adapter.needsAudioBytes {
            do {
                lease = try await encoder.acquire(request.audio, substitute: request.control?.substitute)
            } catch let failure as RequestFailure {
                let record = SampleRecord(
                    request: request, requestHash: hash, response: nil, error: failure, latencyMs: milliseconds(),
                    attempts: 0,
                    cached: false)
                return Asked(record: record, calls: 0, congested: false)
            }
        }
        if let lease, stop?.isRequested == true {
            await encoder.release(lease)
            return nil
        }
        do {
            // Latency counts from when the clips are held, not the wait for room for them.
            let asked = try await ask(
                request, hash: hash, key: key, audio: lease?.clips ?? [], stale: stale,
                started: lease == nil ? started : Date(), watch: watch)
            if let lease { await encoder.release(lease) }
            return asked
        } catch {
            if let lease { await encoder.release(lease) }
            throw error
        }
    }

    /// Asks the model, retrying as the policy says, and stores the answer in the cache.
    private func ask(
        _ request: ModelRequest, hash: String, key: String, audio: [EncodedClip], stale: Bool, started: Date,
        watch: TimeoutWatch
    ) async throws -> Asked {
        func milliseconds() -> Double { (Date().timeIntervalSince(started) * 1_000_000).rounded() / 1_000 }
        var generator = SplitMix64(seed: StableHash.value(request.key, seed: 0x7265_7472_79))
        var attempts = 0
        var congested = false
        while true {
            try Task.checkCancellation()
            attempts += 1
            do {
                let response = try await attempt(request, audio: audio, watch: watch)
                if let cache { try await cache.store(response, for: hash, request: key) }
                let record = SampleRecord(
                    request: request, requestHash: hash, response: response, error: nil, latencyMs: milliseconds(),
                    attempts: attempts, cached: false)
                return Asked(record: record, calls: attempts, congested: congested, stale: stale)
            } catch let failure as RequestFailure {
                if failure.kind == .rateLimited || failure.kind == .timeout { congested = true }
                let jitter = Double(generator.next() >> 11) / Double(1 << 53)
                guard let delay = retry.delay(after: failure, retry: attempts, jitter: jitter) else {
                    let record = SampleRecord(
                        request: request, requestHash: hash, response: nil,
                        error: failure.scrubbed(secrets: adapter.secrets + request.generation.secretValues),
                        latencyMs: milliseconds(),
                        attempts: attempts, cached: false)
                    return Asked(record: record, calls: attempts, congested: congested)
                }
                try await Task.sleep(nanoseconds: UInt64(delay * 1e9))
            }
        }
    }

    /// Asks `request` once with its clips and once without, bounded by the timeout, and records the
    /// prompt tokens of each (nil where the server counts none). Never cached, never journaled.
    public func preflight(_ request: ModelRequest) async throws -> RunManifest.Preflight {
        let watch = TimeoutWatch()
        watch.start()
        defer { watch.stop() }
        let lease = try await encoder.acquire(request.audio, substitute: request.control?.substitute)
        let audio = lease.clips
        var silent = request
        silent.audio = []
        func probe(_ request: ModelRequest, _ audio: [EncodedClip]) async -> RunManifest.Preflight.Probe {
            do {
                let response = try await attempt(request, audio: audio, watch: watch)
                return RunManifest.Preflight.Probe(promptTokens: response.usage?.promptTokens, answer: response.text)
            } catch {
                return RunManifest.Preflight.Probe(
                    promptTokens: nil,
                    answer: "error: "
                        + Secrets.scrub("\(error)", secrets: adapter.secrets + request.generation.secretValues))
            }
        }
        let with = await probe(request, audio)
        let without = await probe(silent, [])
        await encoder.release(lease)
        return RunManifest.Preflight(key: request.key, withAudio: with, withoutAudio: without)
    }

    /// One call to the adapter, cancelled by the watch when it outlives the timeout; any error that is
    /// not a `RequestFailure` is classified as `other`.
    func attempt(_ request: ModelRequest, audio: [EncodedClip], watch: TimeoutWatch) async throws -> ModelResponse {
        let adapter = adapter
        let timeout = concurrency.timeout
        let call = Task { try await adapter.respond(to: request, audio: audio) }
        let timedOut = Mutex(false)
        let id = watch.watch(until: Date().addingTimeInterval(timeout)) {
            timedOut.withLock { $0 = true }
            call.cancel()
        }
        defer { watch.release(id) }
        do {
            return try await withTaskCancellationHandler {
                try await call.value
            } onCancel: {
                call.cancel()
            }
        } catch {
            if timedOut.withLock({ $0 }) { throw RequestFailure(.timeout, "no answer within \(timeout) s") }
            try Task.checkCancellation()
            if let failure = error as? RequestFailure { throw failure }
            if error is CancellationError { throw CancellationError() }
            throw RequestFailure(.other, "\(error)")
        }
    }
}

extension RunManifest.Counts {
    /// Counts one finished sample.
    mutating func add(_ outcome: RunEngine.Asked) {
        samples += 1
        modelCalls += outcome.calls
        retries += max(0, outcome.calls - 1)
        if outcome.record.cached { cacheHits += 1 }
        if outcome.stale { cacheStale += 1 }
        if outcome.record.isAnswered {
            answered += 1
            if outcome.record.response?.isEmpty == true { emptyAnswers += 1 }
        } else {
            errors += 1
        }
    }
}
