public import Foundation
public import HarkCore
public import HarkModels
public import HarkRecords
public import HarkSuites

/// One `hark run`: plan the suites, ask the model, journal the answers, and write the manifest; the
/// finished journal is handed record by record to whoever scores it. A killed run continues with
/// `resume`, asking only what has no answer yet.
public struct RunSession: Sendable {
    public var suites: [(suite: Suite, fingerprint: String)]
    public var model: ModelConfig
    public var directory: RunDirectory
    public var planner: Planner
    public var resume = false
    /// The response cache; nil runs without one. Used only for a model with a fingerprint.
    public var cacheURL: URL?
    /// Ask one item with and without its clip first, and stop if the audio made no difference to
    /// the prompt tokens.
    public var preflight = true
    public var retry = RetryPolicy()
    /// Stops the run early when requested (SIGINT, SIGTERM); nil runs to the end.
    public var stop: RunStop?
    /// Bytes of audio held at once (`--audio-memory-mb`): see `ClipEncoder`.
    public var audioMemoryBytes = ClipEncoder.defaultCapacityBytes
    /// Bytes of encoded clips kept for the requests that follow (`--clip-cache-mb`).
    public var clipCacheBytes = ClipEncoder.defaultCacheBytes
    /// The suites' clips checked against the model's training data, recorded in the manifest.
    public var trainingOverlap: RunManifest.TrainingOverlap?

    public init(
        suites: [(suite: Suite, fingerprint: String)], model: ModelConfig, directory: RunDirectory, planner: Planner
    ) {
        self.suites = suites
        self.model = model
        self.directory = directory
        self.planner = planner
        retry = RetryPolicy(maxRetries: model.concurrency.retries)
    }

    public struct Finished: Sendable {
        /// The run's results with counts and no metrics yet.
        public var results: RunResults
        public var warnings: [String]
        public var clipsEncoded: Int
        /// Seconds spent asking the model (the engine), apart from planning, compaction and scoring.
        public var requestSeconds: Double
    }

    /// Runs the plan; `visit` is given each record of the finished journal, in plan order, as it is
    /// rewritten (read once, after the run).
    public func execute(
        clips: ClipCatalog = ClipCatalog(), warn: @Sendable (String) -> Void = { _ in },
        progress: @Sendable (RunProgress) -> Void = { _ in }, visit: (SampleRecord) throws -> Void = { _ in }
    ) async throws -> Finished {
        var ids: Set<String> = []
        // The same suite twice would plan each sample twice under one key.
        for (suite, _) in suites where !ids.insert(suite.id).inserted {
            throw HarkError.badInput(
                "suite \(suite.id) is named twice; a run asks each suite once",
                at: SourceLocation(file: suite.directory.appendingPathComponent("suite.yaml").path, field: "id"))
        }
        let plan = try planner.plan(suites.map(\.suite), clips: clips)
        // The one writer of the folder, before a worker is started or a server asked.
        let lock = try RunLock(directory)
        defer { withExtendedLifetime(lock) {} }
        let adapter = try AdapterRegistry.make(model, catalog: ItemCatalog(suites: suites.map(\.suite)))
        do {
            return try await execute(plan: plan, adapter: adapter, warn: warn, progress: progress, visit: visit)
        } catch {
            await adapter.shutdown()
            throw error
        }
    }

    /// The run proper, with the adapter made; every error path out of it shuts the adapter down.
    func execute(
        plan: Plan, adapter: any ModelAdapter, warn: @Sendable (String) -> Void,
        progress: @Sendable (RunProgress) -> Void,
        visit: (SampleRecord) throws -> Void
    ) async throws -> Finished {
        if let control = planner.control, control.substitute != nil, adapter.readsClipFiles {
            throw HarkError.badInput(
                "a \(control.kind.rawValue) control replaces the audio hark sends, but \(model.adapter) hands the model the clips' own files; "
                    + "send the audio as bytes (send_audio: wav)",
                at: SourceLocation(file: "--control"))
        }
        let suiteSamples = plan.samplesBySuite
        let planned = suiteSamples.values.reduce(0, +)
        var warnings = adapter.warnings(for: plan)
        warnings.forEach(warn)
        func warnAlso(_ warning: String) {
            warnings.append(warning)
            warn(warning)
        }
        let fingerprint = await Self.fingerprint(of: adapter, revision: model.revision)
        var cacheURL = cacheURL
        if cacheURL != nil, !adapter.isCacheable || fingerprint == nil {
            let why =
                adapter.isCacheable
                ? "the server reports no fingerprint of the model (GET /models); set revision in the model config"
                : "\(model.adapter) answers are never cached"
            warnAlso("cache: not used: \(why)")
            cacheURL = nil
        }
        let startedAt = Timestamp.now()
        var manifest = RunManifest(
            run: directory.name,
            suites: suites.map {
                RunManifest.SuiteEntry(
                    id: $0.suite.id, version: $0.suite.manifest.version, task: $0.suite.manifest.task,
                    fingerprint: $0.fingerprint,
                    items: $0.suite.items.count, path: $0.suite.directory.path)
            },
            model: RunManifest.Model(
                name: model.name, adapter: model.adapter, identity: adapter.identity, settings: model.redactedSettings,
                fingerprint: fingerprint),
            generation: model.generation.redacted, audio: audioDescription,
            plan: RunManifest.Plan(
                repeats: planner.repeats, limit: planner.limit, shard: planner.shard?.description,
                textReference: planner.textReference ? true : nil, control: planner.control,
                suiteSamples: suiteSamples),
            seeds: ["model": model.seed], startedAt: startedAt)
        manifest.trainingOverlap = trainingOverlap

        try directory.create()
        let hashOf = { (request: ModelRequest) in
            RunEngine.requestHash(
                request, identity: adapter.identity, salt: audioDescription.canonical,
                fingerprint: fingerprint?.canonical)
        }
        let kept = try prepareJournal(manifest: manifest, plan: plan, hash: hashOf)
        if kept.mismatched > 0 {
            warnAlso(
                "resume: \(kept.mismatched) journal records do not match their planned request (request_hash); asked again"
            )
        }
        for conflict in kept.conflicts {
            let lines = conflict.lines.map { "\(directory.samples.path):\($0)" }.joined(separator: " and ")
            warnAlso("resume: \(lines) answer \(conflict.key) differently; neither kept, asked again")
        }
        if let earlier = try directory.readManifest(), resume { manifest.startedAt = earlier.startedAt }
        try directory.write(manifest, to: directory.manifest)

        let pending = plan.lazy.filter { !kept.index.contains($0.key) }
        let journal = try Journal(url: directory.samples, index: kept.index, indexesAppends: false)
        let encoder = ClipEncoder(
            pipeline: model.audio.pipeline, capacityBytes: audioMemoryBytes, cacheBytes: clipCacheBytes)
        let engine = RunEngine(
            adapter: adapter, cache: try cacheURL.map(ResponseCache.init(url:)), journal: journal, encoder: encoder,
            concurrency: model.concurrency, retry: retry, cacheSalt: audioDescription.canonical,
            fingerprint: fingerprint?.canonical)
        if preflight, adapter.reportsUsage, let probe = plan.first(where: { !$0.audio.isEmpty }) {
            manifest.preflight = try await engine.preflight(probe)
            try directory.write(manifest, to: directory.manifest)
            if let check = manifest.preflight, let failure = Self.preflightProblem(check) { throw failure }
            if let check = manifest.preflight,
                check.withAudio.promptTokens == nil || check.withoutAudio.promptTokens == nil
            {
                warnAlso("preflight: the server reports no token usage, so hark cannot check that the audio arrived")
            }
        }
        // The records are scored in plan order as they arrive, so that the run ends with its last answer.
        var feed = try PlanOrderFeed(
            order: plan.keys, journal: directory.samples, kept: kept.index,
            capacity: max(256, 4 * model.concurrency.max))
        let engineStart = Date()
        let counts = try await engine.run(
            pending, total: planned - kept.records, resumed: kept.records, stop: stop, progress: progress
        ) { record, appended in try feed.add(record, appended, visit: visit) }
        await adapter.shutdown()
        let requestSeconds = Date().timeIntervalSince(engineStart)
        try await journal.close()
        // The finished journal: one record per sample, in plan order.
        try feed.finish(visit: visit)
        manifest.counts = counts
        manifest.counts.resumed = kept.records
        manifest.apply(feed.counts, records: feed.records, planned: planned)
        // A stop that came after the last answer changes nothing.
        let stopped = (stop?.isRequested == true || Task.isCancelled) && !manifest.complete
        if !stopped { manifest.finishedAt = Timestamp.now() }
        try directory.write(manifest, to: directory.manifest)
        if stopped { throw RunStopped(signal: stop?.requestedBy, answered: manifest.counts.answered, planned: planned) }
        return Finished(
            results: Self.results(manifest: manifest, counts: feed.counts), warnings: warnings,
            clipsEncoded: await encoder.encodes,
            requestSeconds: requestSeconds)
    }

    /// The adapter's fingerprint with the config's revision; the revision alone when the server
    /// reports nothing.
    static func fingerprint(of adapter: any ModelAdapter, revision: String?) async -> JSONValue? {
        var members = (await adapter.fingerprint())?.objectValue
        if let revision { members = (members ?? [:]).merging(["revision": .string(revision)]) { $1 } }
        return members.map(JSONValue.object)
    }

    /// The error that stops a run whose server ignored the audio: no more prompt tokens with the
    /// clip than without it.
    static func preflightProblem(_ check: RunManifest.Preflight) -> HarkError? {
        guard let with = check.withAudio.promptTokens, let without = check.withoutAudio.promptTokens, with <= without
        else { return nil }
        return HarkError.badInput(
            "the server ignored the audio: \(with) prompt tokens with the clip, \(without) without (preflight on \(check.key)); "
                + "check its chat template and audio tower, or run with --no-preflight")
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
    func prepareJournal(manifest: RunManifest, plan: Plan, hash: (ModelRequest) -> String) throws -> Kept {
        guard FileManager.default.fileExists(atPath: directory.samples.path) else { return Kept() }
        guard resume else {
            throw HarkError.badInput(
                "the run folder already holds a journal; use --resume to continue it, or another --run name",
                at: SourceLocation(file: directory.samples.path))
        }
        guard let earlier = try directory.readManifest() else {
            // Without the manifest nothing says which model and plan the journal's answers are of.
            throw HarkError.badInput(
                "cannot resume: the run folder has a journal but no manifest.json; start afresh with another --run name",
                at: SourceLocation(file: directory.manifest.path))
        }
        if earlier.suites.map(\.fingerprint) != manifest.suites.map(\.fingerprint) {
            throw HarkError.badInput(
                "cannot resume: the suites changed since the run started",
                at: SourceLocation(file: directory.manifest.path))
        }
        if earlier.model.identity != manifest.model.identity || earlier.generation != manifest.generation {
            throw HarkError.badInput(
                "cannot resume: the model or its settings changed since the run started",
                at: SourceLocation(file: directory.manifest.path))
        }
        if earlier.model.fingerprint != manifest.model.fingerprint {
            throw HarkError.badInput(
                "cannot resume: the server reports another model than the run started with "
                    + "(\(earlier.model.fingerprint?.canonical ?? "none") → \(manifest.model.fingerprint?.canonical ?? "none"))",
                at: SourceLocation(file: directory.manifest.path))
        }
        // Another limit, shard or repeat count would drop answered samples from the journal.
        let changes = Self.planChanges(earlier.plan, manifest.plan)
        guard changes.isEmpty else {
            throw HarkError.badInput(
                "cannot resume: the plan changed since the run started (\(changes.joined(separator: ", "))); resume with the same settings, or start another run",
                at: SourceLocation(file: directory.manifest.path))
        }
        var expected: [String: String] = [:]
        for request in plan where expected[request.key] == nil { expected[request.key] = hash(request) }
        let survey = try Journal.index(directory.samples, keep: \.isAnswered, expectedHashes: expected)
        let rewrite = try Journal.rewrite(directory.samples, index: survey.index, planOrder: plan.keys)
        return Kept(
            records: rewrite.records, index: rewrite.index, mismatched: survey.mismatched, conflicts: survey.conflicts)
    }

    /// What a resumed run keeps of its journal.
    struct Kept {
        var records = 0
        var index = JournalIndex()
        var mismatched = 0
        var conflicts: [Journal.Conflict] = []
    }

    /// How two plans differ, field by field ("limit 300 → 10").
    static func planChanges(_ earlier: RunManifest.Plan, _ now: RunManifest.Plan) -> [String] {
        func text(_ value: (some CustomStringConvertible)?) -> String { value.map(\.description) ?? "none" }
        var changes: [String] = []
        if earlier.repeats != now.repeats { changes.append("repeats \(earlier.repeats) → \(now.repeats)") }
        if earlier.limit != now.limit { changes.append("limit \(text(earlier.limit)) → \(text(now.limit))") }
        if earlier.shard != now.shard { changes.append("shard \(text(earlier.shard)) → \(text(now.shard))") }
        if (earlier.textReference ?? false) != (now.textReference ?? false) {
            changes.append("text reference \(earlier.textReference ?? false) → \(now.textReference ?? false)")
        }
        if earlier.control != now.control {
            func name(_ control: ListeningControl?) -> String { control?.content.canonical ?? "none" }
            changes.append("control \(name(earlier.control)) → \(name(now.control))")
        }
        return changes
    }

    public static func results(manifest: RunManifest, counts: [String: RunResults.SuiteCounts]) -> RunResults {
        RunResults(
            manifest: manifest,
            suites: manifest.suites.map {
                RunResults.SuiteResults(
                    id: $0.id, task: $0.task, fingerprint: $0.fingerprint,
                    counts: counts[$0.id] ?? RunResults.SuiteCounts())
            })
    }
}

extension RunManifest {
    /// Takes the counts per suite of the finished journal's records, and whether every planned
    /// sample is in it.
    public mutating func apply(_ suiteCounts: [String: RunResults.SuiteCounts], records: Int, planned: Int) {
        let totals = suiteCounts.values
        counts.samples = planned
        counts.answered = totals.reduce(0) { $0 + $1.answered }
        counts.errors = totals.reduce(0) { $0 + $1.errors }
        counts.cacheHits = totals.reduce(0) { $0 + $1.cacheHits }
        counts.emptyAnswers = totals.reduce(0) { $0 + $1.emptyAnswers }
        complete = records == planned
    }
}
