import Foundation
public import HarkCore
public import HarkModels

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

    public init(
        adapter: any ModelAdapter, cache: ResponseCache?, journal: Journal, encoder: ClipEncoder,
        concurrency: ModelConfig.Concurrency, retry: RetryPolicy, cacheSalt: String = ""
    ) {
        self.adapter = adapter
        self.cache = cache
        self.journal = journal
        self.encoder = encoder
        self.concurrency = concurrency
        self.retry = retry
        self.cacheSalt = cacheSalt
    }

    /// The cache key of a request: its content with the model's identity and the audio settings.
    public func requestHash(_ request: ModelRequest) -> String {
        ContentHash.sha256(
            JSONValue.object([
                "adapter": .string(adapter.identity), "audio": .string(cacheSalt), "request": request.content,
            ]).canonical)
    }

    struct Outcome: Sendable {
        var record: SampleRecord
        var calls: Int
        var congested: Bool
    }

    /// Runs the requests (`total` of them), taking them from the sequence only as slots free up;
    /// `resumed` counts samples already done by an earlier invocation (for progress). Returns the
    /// counts of this invocation.
    public func run(
        _ requests: some Sequence<ModelRequest>, total: Int, resumed: Int = 0, progress: @Sendable (RunProgress) -> Void = { _ in }
    ) async throws -> RunManifest.Counts {
        var counts = RunManifest.Counts()
        var limit = ConcurrencyLimit(maximum: concurrency.max, adaptive: concurrency.adaptive)
        let start = Date()
        var status = RunProgress(
            total: total + resumed, done: resumed, errors: 0, cacheHits: 0, resumed: resumed, elapsed: 0,
            concurrency: limit.current)
        progress(status)
        try await withThrowingTaskGroup(of: Outcome.self) { group in
            var pending = requests.makeIterator()
            var running = 0
            func launch() {
                while running < limit.current, let request = pending.next() {
                    running += 1
                    group.addTask { try await self.process(request) }
                }
            }
            launch()
            while let outcome = try await group.next() {
                running -= 1
                try await journal.append(outcome.record)
                counts.samples += 1
                counts.modelCalls += outcome.calls
                counts.retries += max(0, outcome.calls - 1)
                if outcome.record.cached { counts.cacheHits += 1 }
                if outcome.record.isAnswered {
                    counts.answered += 1
                    if outcome.record.response?.isEmpty == true { counts.emptyAnswers += 1 }
                } else {
                    counts.errors += 1
                }
                limit.record(congested: outcome.congested)
                status.done += 1
                status.errors = counts.errors
                status.cacheHits = counts.cacheHits
                status.elapsed = Date().timeIntervalSince(start)
                status.concurrency = limit.current
                progress(status)
                launch()
            }
        }
        return counts
    }

    func process(_ request: ModelRequest) async throws -> Outcome {
        let hash = requestHash(request)
        let started = Date()
        func milliseconds() -> Double { (Date().timeIntervalSince(started) * 1_000_000).rounded() / 1_000 }
        if let cache, let cached = try await cache.lookup(hash) {
            let record = SampleRecord(
                request: request, requestHash: hash, response: cached, error: nil, latencyMs: milliseconds(), attempts: 0,
                cached: true)
            return Outcome(record: record, calls: 0, congested: false)
        }
        var audio: [Data] = []
        if adapter.needsAudioBytes {
            do {
                for clip in request.audio { audio.append(try await encoder.wav(clip)) }
            } catch let failure as RequestFailure {
                let record = SampleRecord(
                    request: request, requestHash: hash, response: nil, error: failure, latencyMs: milliseconds(), attempts: 0,
                    cached: false)
                return Outcome(record: record, calls: 0, congested: false)
            }
        }
        var generator = SplitMix64(seed: StableHash.value(request.key, seed: 0x7265_7472_79))
        var attempts = 0
        var congested = false
        while true {
            try Task.checkCancellation()
            attempts += 1
            do {
                let response = try await attempt(request, audio: audio)
                if let cache { try await cache.store(response, for: hash) }
                let record = SampleRecord(
                    request: request, requestHash: hash, response: response, error: nil, latencyMs: milliseconds(),
                    attempts: attempts, cached: false)
                return Outcome(record: record, calls: attempts, congested: congested)
            } catch let failure as RequestFailure {
                if failure.kind == .rateLimited || failure.kind == .timeout { congested = true }
                let jitter = Double(generator.next() >> 11) / Double(1 << 53)
                guard let delay = retry.delay(after: failure, retry: attempts, jitter: jitter) else {
                    let record = SampleRecord(
                        request: request, requestHash: hash, response: nil, error: failure, latencyMs: milliseconds(),
                        attempts: attempts, cached: false)
                    return Outcome(record: record, calls: attempts, congested: congested)
                }
                try await Task.sleep(nanoseconds: UInt64(delay * 1e9))
            }
        }
    }

    /// One call to the adapter, bounded by the timeout; any error that is not a `RequestFailure`
    /// is classified as `other`.
    func attempt(_ request: ModelRequest, audio: [Data]) async throws -> ModelResponse {
        let adapter = adapter
        let timeout = concurrency.timeout
        do {
            return try await withThrowingTaskGroup(of: ModelResponse.self) { group in
                defer { group.cancelAll() }
                group.addTask { try await adapter.respond(to: request, audio: audio) }
                group.addTask {
                    try await Task.sleep(nanoseconds: UInt64(timeout * 1e9))
                    throw RequestFailure(.timeout, "no answer within \(timeout) s")
                }
                guard let first = try await group.next() else { throw RequestFailure(.other, "no result") }
                return first
            }
        } catch let failure as RequestFailure {
            throw failure
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw RequestFailure(.other, "\(error)")
        }
    }
}
