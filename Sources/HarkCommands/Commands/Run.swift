import ArgumentParser
import Foundation
import HarkApp
import HarkCore
import HarkModels
import HarkRecords
import HarkRun
import HarkSuites
import Synchronization

/// `hark run`: ask a model every question of the suites and journal the answers.
struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Ask a model the questions of one or more suites.",
        discussion: """
            Writes results/<run>/samples.jsonl as answers arrive, then manifest.json and results.json.
            A killed run continues with --resume. Exits 3 when more samples than --max-error-rate
            end in errors.
            """)

    @Option(name: .customLong("suite"), help: "A suite folder or suite.yaml (repeat for several).")
    var suites: [String] = []

    @Option(help: "A model config YAML, or a built-in model: always-yes, always-no, random, oracle.")
    var model: String?

    @Option(help: "Answer from a JSON Lines file of earlier answers (the replay adapter).")
    var replay: String?

    @Option(help: "A run config YAML (suites, model, run, repeats, limit); flags override it.")
    var config: String?

    @Option(help: "The run's name: its folder under --results. Default: the model's name.")
    var run: String?

    @OptionGroup var folders: RunFolders

    @Flag(help: "Continue a killed run, asking only what has no answer yet.")
    var resume = false

    @Flag(
        help:
            "Reuse answers from the response cache, for a model whose server reports a fingerprint (or whose config names a revision)."
    )
    var cache = false

    @Option(help: "The response cache file (SQLite). Default: ~/.cache/hark/responses.sqlite.")
    var cacheFile: String?

    @Flag(help: "Run without the response cache, even where a config asks for it (the default).")
    var noCache = false

    @Flag(help: "Skip the check that the server hears the audio (one item asked with and without its clip).")
    var noPreflight = false

    @Option(help: "Ask each question this many times (for sampled decoding).")
    var repeats: Int?

    @Option(help: "Only the first N items of each suite.")
    var limit: Int?

    @Option(help: "Only shard i of N (0-based), split by sample key: e.g. 0/4.")
    var shard: String?

    @Option(help: "Requests in flight at most (overrides the config).")
    var concurrency: Int?

    @Flag(help: "Adapt the requests in flight: grow on success, halve on 429s and timeouts.")
    var adaptive = false

    @Option(help: "Seconds before a request counts as timed out.")
    var timeout: Double?

    @Option(help: "Retries of a retryable failure.")
    var retries: Int?

    @Option(help: "Sampling temperature.")
    var temperature: Double?

    @Option(help: "Most tokens to generate.")
    var maxTokens: Int?

    @Option(help: "The generation seed sent to the model, and the seed of the random baseline.")
    var seed: Int?

    @Flag(help: "A text-only reference run: each clip replaced by the item's textual_audio (\"Speech Input: …\").")
    var textReference = false

    @Option(
        help:
            "A listening control run: silence, noise (pink, at --noise-dbfs), none (no audio part) or shuffled (another item's clip)."
    )
    var control: String?

    @Option(help: "Seed of the shuffled control and of the noise.")
    var controlSeed: UInt64 = 0

    @Option(help: "RMS level of the noise control, in dBFS.")
    var noiseDbfs = ListeningControl.defaultNoiseDBFS

    @Option(help: "Endpoint of an openai model (repeat for several); overrides the config.")
    var baseURL: [String] = []

    @Option(help: "Exit 3 when more than this share of samples end in errors.")
    var maxErrorRate = 0.05

    @Option(help: "Megabytes of audio held at once: clips being encoded, in flight and kept.")
    var audioMemoryMb = Double(ClipEncoder.defaultCapacityBytes >> 20)

    @Option(help: "Megabytes of encoded clips kept for the requests that follow.")
    var clipCacheMb = Double(ClipEncoder.defaultCacheBytes >> 20)

    @Option(help: "Seconds the requests in flight may take to finish after SIGINT or SIGTERM.")
    var stopGrace = 30.0

    func validate() throws {
        guard noiseDbfs.isFinite, noiseDbfs <= 0 else {
            throw ValidationError("--noise-dbfs: expected a level at or below 0 dBFS, found \(noiseDbfs)")
        }
        if let control, ListeningControl.Kind(rawValue: control) == nil {
            throw ValidationError(
                "--control takes \(ListeningControl.Kind.allCases.map(\.rawValue).joined(separator: ", ")), not \(control)"
            )
        }
        if control != nil, textReference {
            throw ValidationError("--control and --text-reference exclude each other: a text reference sends no audio")
        }
        for (flag, megabytes) in [("--audio-memory-mb", audioMemoryMb), ("--clip-cache-mb", clipCacheMb)] {
            guard megabytes.isFinite, megabytes >= 0, megabytes <= 1_073_741_824 else {
                throw ValidationError("\(flag): expected megabytes from 0 to 2^30, found \(megabytes)")
            }
        }
        guard stopGrace.isFinite, stopGrace >= 0, stopGrace <= 86_400 else {
            throw ValidationError("--stop-grace: expected seconds from 0 to 86400, found \(stopGrace)")
        }
    }

    func run() async throws {
        let runConfig = try config.map { try RunConfig(path: WorkingDirectory.path($0)) }
        // The clips are hashed once, for the fingerprints, and the plan reuses the hashes.
        let clips = ClipCatalog()
        let loaded = try SuiteLoading.load(suites.isEmpty ? runConfig?.suites ?? [] : suites, clips: clips)
        guard !loaded.isEmpty else { throw ValidationError("name at least one --suite") }
        var config = try modelConfig(default: runConfig?.model)
        var overrides = ModelOverrides()
        overrides.concurrency = concurrency
        overrides.adaptive = adaptive
        overrides.timeout = timeout
        overrides.retries = retries
        overrides.temperature = temperature
        overrides.maxTokens = maxTokens
        overrides.seed = seed
        overrides.baseURLs = baseURL
        overrides.apply(to: &config)

        let name = run ?? runConfig?.run ?? config.name
        let directory = folders.folder(named: name)
        var planner = Planner(
            generation: config.generation, repeats: repeats ?? runConfig?.repeats ?? 1,
            limit: limit ?? runConfig?.limit,
            shard: try shard.map(Shard.init))
        planner.textReference = textReference
        planner.control = control.flatMap(ListeningControl.Kind.init(rawValue:)).map {
            ListeningControl(kind: $0, seed: controlSeed, noiseDBFS: noiseDbfs)
        }
        var session = RunSession(suites: loaded, model: config, directory: directory, planner: planner)
        session.resume = resume
        let cached = !noCache && (cache || runConfig?.cache == true || config.cache)
        session.cacheURL = cached ? cacheFile.map { WorkingDirectory.url($0) } ?? ResponseCache.defaultURL : nil
        session.preflight = !noPreflight
        session.audioMemoryBytes = Int(audioMemoryMb * 1_048_576)
        session.clipCacheBytes = Int(clipCacheMb * 1_048_576)
        if let trainingData = config.trainingData {
            let check = try TrainingDataCheck.check(trainingData, suites: loaded.map(\.suite), clips: clips)
            for warning in TrainingDataCheck.warnings(check) { Terminal.error(warning) }
            session.trainingOverlap = check
        }
        let progress = ProgressLine()
        let stop = RunStop()
        session.stop = stop
        let execution = Mutex<Task<RunSession.Finished, any Error>?>(nil)
        // Signals are the process's: a command run in-process (a test) leaves them alone.
        let signals =
            CommandContext.current.ownsProcess
            ? StopSignals(stop: stop, grace: stopGrace) { execution.withLock { $0?.cancel() } } : nil
        let task = Task { [session] in
            try await session.executeAndScore(
                clips: clips, warn: { Terminal.error($0) }, progress: { progress.show($0) })
        }
        execution.withLock { $0 = task }
        let outcome: RunSession.Finished
        do {
            outcome = try await task.value
            signals?.end()
        } catch let stopped as RunStopped {
            signals?.end()
            Terminal.error("hark: \(stopped)")
            Terminal.error("continue with: \(StopSignals.resumeCommand())")
            throw ExitCode(stopped.exitStatus.rawValue)
        } catch  where stop.isRequested {
            // Stopped before the first request (planning, preflight): nothing was journaled.
            signals?.end()
            let status: ExitStatus = stop.requestedBy == SIGTERM ? .terminated : .interrupted
            Terminal.error("hark: stopped before any answer was journaled (\(error))")
            throw ExitCode(status.rawValue)
        }

        Terminal.output(ResultsSummary.text(outcome.results))
        let manifest = outcome.results.manifest
        if cached {
            var line = "cache: \(manifest.counts.cacheHits) of \(manifest.counts.samples) answers reused"
            if manifest.counts.cacheStale > 0 {
                line +=
                    "; \(manifest.counts.cacheStale) asked again: cached under another fingerprint of \(config.name)"
            }
            Terminal.output(line)
        }
        Terminal.output("run: \(directory.url.path)")
        if let problem = manifest.errorRateProblem(maxErrorRate: maxErrorRate) {
            Terminal.error("hark: " + problem)
            throw ExitCode(ExitStatus.incomplete.rawValue)
        }
    }

    func modelConfig(default configured: ModelConfig?) throws -> ModelConfig {
        if model == nil, replay == nil, let configured { return configured }
        switch (model, replay) {
        case (nil, let file?):
            return ModelConfig(
                name: "replay", adapter: "replay", settings: .object(["file": .string(WorkingDirectory.path(file))]))
        case (let reference?, nil):
            return try ModelConfig.resolve(reference, relativeTo: WorkingDirectory.url)
        case (nil, nil):
            throw ValidationError(
                "name a model with --model (a config file or always-yes, always-no, random, oracle) or --replay FILE")
        case (_?, _?):
            throw ValidationError("give --model or --replay, not both")
        }
    }
}
