public import Foundation
import HarkCore
public import HarkModels
import HarkRecords
import HarkRun
import HarkScoring
public import HarkSuites

/// `hark synthesize`: training samples from labelled clips, BALSa's way. The recipe's tasks
/// (`SynthesisTasks`) are written as a text-only suite (`requests/`), asked of a text model through
/// the run engine (`run/`: concurrency, retries, cache, journal, resume), and each answer is
/// checked (`SynthesisCheck`) before it is kept; refused answers are kept aside with their reason.
public struct Synthesis: Sendable {
    public var recipe: SynthesisRecipe
    public var recipeFile: URL
    public var clips: ClipManifest
    public var clipsFile: URL
    /// The folder the manifest's clip paths are relative to.
    public var audioRoot: URL
    public var vocabulary: ObjectVocabulary
    public var model: ModelConfig
    public var output: URL
    public var resume = false
    /// The response cache; nil asks afresh.
    public var cacheURL: URL?

    public init(
        recipe: SynthesisRecipe, recipeFile: URL, clips: ClipManifest, clipsFile: URL, audioRoot: URL,
        vocabulary: ObjectVocabulary, model: ModelConfig, output: URL
    ) {
        self.recipe = recipe
        self.recipeFile = recipeFile
        self.clips = clips
        self.clipsFile = clipsFile
        self.audioRoot = audioRoot
        self.vocabulary = vocabulary
        self.model = model
        self.output = output
    }

    /// The tasks and the suite of requests to the text model, written under `output`.
    public struct Prepared: Sendable {
        public var tasks: SynthesisTasks
        public var requests: Suite
    }

    /// Writes the requests (`requests/`): a mock server's oracle is made from them.
    public func prepare(warn: @Sendable (String) -> Void = { _ in }) throws -> Prepared {
        let tasks = SynthesisTasks(recipe: recipe, manifest: clips, vocabulary: vocabulary)
        for skipped in tasks.skipped {
            warn("\(clipsFile.path):\(skipped.line): warning: \(skipped.clip) has no negatives: \(skipped.reason)")
        }
        let requests = output.appendingPathComponent(SynthesisFiles.requests)
        try tasks.writeRequestSuite(id: "\(recipe.id)-requests", system: recipe.system, to: requests)
        let loaded = SuiteLoader.load(requests.path)
        guard let suite = loaded.suite else {
            throw HarkError(.internal, "the synthesis requests do not load", diagnostics: loaded.diagnostics)
        }
        return Prepared(tasks: tasks, requests: suite)
    }

    public func run(warn: @Sendable (String) -> Void = { _ in }) async throws -> SynthesisManifest {
        try await run(try prepare(warn: warn), warn: warn)
    }

    /// Asks the prepared requests, checks the answers and writes the outputs.
    public func run(_ prepared: Prepared, warn: @Sendable (String) -> Void = { _ in }) async throws
        -> SynthesisManifest
    {
        let (tasks, suite) = (prepared.tasks, prepared.requests)
        var session = RunSession(
            suites: [(suite, try SuiteFingerprint.compute(suite))], model: model,
            directory: RunDirectory(output.appendingPathComponent(SynthesisFiles.run)), planner: Planner())
        session.resume = resume
        session.cacheURL = cacheURL
        session.preflight = false
        var records: [String: SampleRecord] = [:]
        let finished = try await session.execute(warn: warn, visit: { records[$0.item] = $0 })
        let synthesisCheck = SynthesisCheck(
            labels: Set(clips.entries.flatMap(\.objects)), synonyms: vocabulary.canonical)
        var outputs = SynthesisOutputs(folder: output, audioRoot: audioRoot)
        for task in tasks.tasks {
            guard let record = records[task.id], record.isAnswered, let answer = record.response else {
                outputs.fail(task, error: records[task.id]?.error?.message ?? "not asked")
                continue
            }
            let refusal = synthesisCheck.check(
                answer, kind: task.kind, present: Set(task.present), object: task.object)
            outputs.add(task, answer: answer.trimmingCharacters(in: .whitespacesAndNewlines), refusal: refusal)
        }
        let manifest = SynthesisManifest(
            recipe: recipe, recipeFile: recipeFile, clipsFile: clipsFile, clips: clips.entries.count,
            model: finished.results.manifest.model, run: SynthesisFiles.run, counts: outputs.counts)
        try outputs.write(manifest: manifest)
        return manifest
    }
}
