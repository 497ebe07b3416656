public import Foundation
public import HarkCore
public import HarkModels
public import HarkSuites

/// One `hark run`: plan the suites, ask the model, journal the answers, and write the manifest and
/// `results.json`. A killed run continues with `resume`, asking only what has no answer yet.
public struct RunSession: Sendable {
    public var suites: [(suite: Suite, fingerprint: String)]
    public var model: ModelConfig
    public var directory: RunDirectory
    public var planner: Planner
    public var resume = false
    /// The response cache; nil runs without one.
    public var cacheURL: URL?
    public var retry = RetryPolicy()

    public init(suites: [(suite: Suite, fingerprint: String)], model: ModelConfig, directory: RunDirectory, planner: Planner) {
        self.suites = suites
        self.model = model
        self.directory = directory
        self.planner = planner
        retry = RetryPolicy(maxRetries: model.concurrency.retries)
    }

    public struct Outcome: Sendable {
        public var results: RunResults
        public var records: [SampleRecord]
        public var warnings: [String]
        public var clipsEncoded: Int
    }

    public func execute(
        warn: @Sendable (String) -> Void = { _ in }, progress: @Sendable (RunProgress) -> Void = { _ in }
    ) async throws -> Outcome {
        let plan = try planner.plan(suites.map(\.suite))
        let adapter = try AdapterRegistry.make(model, catalog: ItemCatalog(suites: suites.map(\.suite)))
        let warnings = adapter.warnings(for: plan)
        warnings.forEach(warn)
        let startedAt = ISO8601DateFormatter().string(from: Date())
        var manifest = RunManifest(
            run: directory.name,
            suites: suites.map {
                RunManifest.SuiteEntry(
                    id: $0.suite.id, version: $0.suite.manifest.version, task: $0.suite.manifest.task, fingerprint: $0.fingerprint,
                    items: $0.suite.items.count)
            },
            model: RunManifest.Model(
                name: model.name, adapter: model.adapter, identity: adapter.identity, settings: model.redactedSettings),
            generation: model.generation, audio: audioDescription,
            plan: RunManifest.Plan(repeats: planner.repeats, limit: planner.limit, shard: planner.shard?.description),
            seeds: ["model": model.seed], startedAt: startedAt)

        try directory.create()
        let kept = try prepareJournal(manifest: manifest, plan: plan)
        if let earlier = try directory.readManifest(), resume { manifest.startedAt = earlier.startedAt }
        try directory.write(manifest, to: directory.manifest)

        let finished = Set(kept.map(\.key))
        let pending = plan.filter { !finished.contains($0.key) }
        let journal = try Journal(url: directory.samples)
        let encoder = ClipEncoder(pipeline: model.audio.pipeline)
        let engine = RunEngine(
            adapter: adapter, cache: try cacheURL.map(ResponseCache.init(url:)), journal: journal, encoder: encoder,
            concurrency: model.concurrency, retry: retry, cacheSalt: audioDescription.canonical)
        let counts: RunManifest.Counts
        do {
            counts = try await engine.run(pending, resumed: kept.count, progress: progress)
        } catch {
            await adapter.shutdown()
            throw error
        }
        await adapter.shutdown()
        try await journal.close()

        // The finished journal: one record per sample, in plan order.
        let records = Self.inPlanOrder(try Journal.read(directory.samples), plan: plan)
        try Journal.write(records, to: directory.samples)
        manifest.finishedAt = ISO8601DateFormatter().string(from: Date())
        manifest.counts = counts
        manifest.counts.samples = plan.count
        manifest.counts.resumed = kept.count
        manifest.counts.answered = records.count { $0.isAnswered }
        manifest.counts.errors = records.count { !$0.isAnswered }
        manifest.counts.cacheHits = records.count(where: \.cached)
        manifest.counts.emptyAnswers = records.count { $0.isAnswered && ($0.response ?? "").isEmpty }
        manifest.complete = records.count == plan.count
        try directory.write(manifest, to: directory.manifest)
        let results = Self.results(manifest: manifest, records: records)
        try directory.write(results, to: directory.results)
        return Outcome(results: results, records: records, warnings: warnings, clipsEncoded: await encoder.encodes)
    }

    var audioDescription: JSONValue {
        .object([
            "sample_rate": .integer(Int64(model.audio.sampleRate)), "mono": .bool(model.audio.mono),
            "quality": .string(model.audio.quality.rawValue),
        ])
    }

    /// Checks an existing run folder and keeps the answered records worth keeping. Without
    /// `resume` an existing journal is an error; with it, the run must be of the same suites and
    /// model, and failed records are dropped so that they are asked again.
    func prepareJournal(manifest: RunManifest, plan: [ModelRequest]) throws -> [SampleRecord] {
        let exists = FileManager.default.fileExists(atPath: directory.samples.path)
        guard exists else { return [] }
        guard resume else {
            throw HarkError.badInput(
                "the run folder already holds a journal; use --resume to continue it, or another --run name",
                at: SourceLocation(file: directory.samples.path))
        }
        if let earlier = try directory.readManifest() {
            if earlier.suites.map(\.fingerprint) != manifest.suites.map(\.fingerprint) {
                throw HarkError.badInput("cannot resume: the suites changed since the run started", at: SourceLocation(file: directory.manifest.path))
            }
            if earlier.model.identity != manifest.model.identity || earlier.generation != manifest.generation {
                throw HarkError.badInput("cannot resume: the model or its settings changed since the run started", at: SourceLocation(file: directory.manifest.path))
            }
        }
        let planned = Set(plan.map(\.key))
        var kept: [String: SampleRecord] = [:]
        for record in try Journal.read(directory.samples) where record.isAnswered && planned.contains(record.key) {
            kept[record.key] = record
        }
        let records = Self.inPlanOrder(Array(kept.values), plan: plan)
        try Journal.write(records, to: directory.samples)
        return records
    }

    /// One record per planned sample (the last written wins), in plan order.
    static func inPlanOrder(_ records: [SampleRecord], plan: [ModelRequest]) -> [SampleRecord] {
        var latest: [String: SampleRecord] = [:]
        for record in records { latest[record.key] = record }
        return plan.compactMap { latest[$0.key] }
    }

    static func results(manifest: RunManifest, records: [SampleRecord]) -> RunResults {
        let counts = RunResults.counts(records)
        return RunResults(
            manifest: manifest,
            suites: manifest.suites.map {
                RunResults.SuiteResults(id: $0.id, task: $0.task, fingerprint: $0.fingerprint, counts: counts[$0.id] ?? RunResults.Counts())
            })
    }
}
