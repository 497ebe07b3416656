import ArgumentParser
import Foundation
import HarkApp
import HarkCore
import HarkModels
import HarkRun
import HarkSuites

/// `hark synthesize`: BALSa-style training samples from labelled clips, written by a text model.
struct Synthesize: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synthesize",
        abstract: "Write training samples (positive, negative, multi-audio) from labelled clips with a text model.",
        discussion: """
            The recipe (YAML) names the kinds, the prompts the trained model sees and the templates the text model is
            asked with; the text model is any model config (an OpenAI-compatible text server, usually), asked through
            the run engine into OUT/run (journal, retries, cache; --resume continues). Each answer is checked before it
            is kept: a negative must not affirm its absent sound, a positive must not deny a present one, and no answer
            may name a sound no clip holds. Writes OUT/samples.jsonl, OUT/sharegpt.json with OUT/dataset_info.json
            (a LLaMA-Factory dataset_dir; ms-swift reads the same records), OUT/rejected.jsonl and OUT/synthesis.json.
            """)

    @Option(help: "The labelled clip manifest (.jsonl or .csv; an optional caption per clip).")
    var clips: String
    @Option(help: "The folder the clip paths are relative to (default: the manifest's folder).")
    var audioRoot: String?
    @Option(help: "The recipe (YAML).")
    var recipe: String
    @Option(help: "The text model: a model config file.")
    var model: String
    @Option(help: "Where the samples are written.")
    var out: String
    @Option(help: "Vocabulary YAML: objects: [...], synonyms: {name: [alias, ...]}.")
    var vocabulary: String?
    @Option(help: "Ontology YAML: {parent: [child, ...]}.")
    var ontology: String?
    @Flag(help: "Continue an interrupted synthesis in OUT, asking only what has no answer.")
    var resume = false
    @Flag(help: "Reuse the text model's cached answers (its config needs a revision or a server fingerprint).")
    var cache = false

    func run() async throws {
        let clipsFile = WorkingDirectory.url(clips)
        var synthesis = Synthesis(
            recipe: try SynthesisRecipe.read(WorkingDirectory.path(recipe)),
            recipeFile: WorkingDirectory.url(recipe), clips: try ClipManifest(path: clipsFile.path),
            clipsFile: clipsFile,
            audioRoot: audioRoot.map { WorkingDirectory.url($0) } ?? clipsFile.deletingLastPathComponent(),
            vocabulary: try ObjectVocabulary(
                vocabularyPath: vocabulary.map(WorkingDirectory.path), ontologyPath: ontology.map(WorkingDirectory.path)
            ),
            model: try ModelConfig.resolve(model, relativeTo: WorkingDirectory.url), output: WorkingDirectory.url(out))
        synthesis.resume = resume
        synthesis.cacheURL = cache || synthesis.model.cache ? ResponseCache.defaultURL : nil
        let manifest = try await synthesis.run(warn: { Terminal.error($0) })
        for (kind, counts) in manifest.counts.sorted(by: { $0.key < $1.key }) {
            let reasons = counts.rejected.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            let rejected = reasons.isEmpty ? "none rejected" : "rejected: " + reasons.joined(separator: ", ")
            let failed = counts.failed > 0 ? "; \(counts.failed) unanswered" : ""
            Terminal.output("\(kind): \(counts.kept) of \(counts.requested) kept (\(rejected)\(failed))")
        }
        Terminal.output("samples: \(WorkingDirectory.url(out).path)")
        if manifest.failed > 0 {
            Terminal.error("hark: \(manifest.failed) requests were not answered; continue with --resume")
            throw ExitCode(ExitStatus.incomplete.rawValue)
        }
    }
}
