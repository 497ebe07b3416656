import Foundation
public import HarkCore
import HarkRecords
import HarkScoring
public import HarkSuites

/// What a synthesis made, counted by kind.
public struct SynthesisCounts: Sendable, Hashable, Codable {
    public var requested = 0
    public var kept = 0
    /// Answers the checks refused, by reason.
    public var rejected: [String: Int] = [:]
    /// Requests the text model did not answer (errors after retries).
    public var failed = 0

    public init() {}
}

/// The record of a synthesis (`synthesis.json`): the recipe and its template hashes, the clips, the
/// model, the seed, the run folder, and the counts by kind.
public struct SynthesisManifest: Sendable, Codable {
    public var recipe: String
    public var recipeFile: String
    public var recipeSHA256: String
    public var templates: [String: String]
    public var clips: String
    public var clipCount: Int
    public var model: RunManifest.Model
    public var seed: UInt64
    public var negativeSampling: NegativeSampling?
    public var run: String
    public var counts: [String: SynthesisCounts]
    public var hark: String
    public var createdAt: String

    init(
        recipe: SynthesisRecipe, recipeFile: URL, clipsFile: URL, clips: Int, model: RunManifest.Model, run: String,
        counts: [String: SynthesisCounts]
    ) {
        self.recipe = recipe.id
        self.recipeFile = recipeFile.path
        recipeSHA256 = (try? ContentHash.sha256(fileAt: recipeFile)) ?? ""
        templates = recipe.templateHashes
        self.clips = clipsFile.path
        clipCount = clips
        self.model = model
        seed = recipe.seed
        negativeSampling = recipe.negative?.sampling
        self.run = run
        self.counts = counts
        hark = HarkVersion.description
        createdAt = Timestamp.now()
    }

    enum CodingKeys: String, CodingKey {
        case recipe, templates, clips, model, seed, run, counts, hark
        case recipeFile = "recipe_file"
        case recipeSHA256 = "recipe_sha256"
        case clipCount = "clip_count"
        case negativeSampling = "negative_sampling"
        case createdAt = "created_at"
    }

    public var kept: Int { counts.values.reduce(0) { $0 + $1.kept } }
    public var rejected: Int { counts.values.reduce(0) { $0 + $1.rejected.values.reduce(0, +) } }
    public var failed: Int { counts.values.reduce(0) { $0 + $1.failed } }
}

/// The output files of a synthesis, gathered sample by sample and written whole at the end:
/// `samples.jsonl` (one sample a line: clips, prompt, answer, kind, source labels), `sharegpt.json`
/// with `dataset_info.json` (the folder is a LLaMA-Factory `dataset_dir`; ms-swift reads the same
/// `messages`/`audios` records), `rejected.jsonl` (each refused answer with its reason) and
/// `synthesis.json`. Clip paths are relative to the output folder.
struct SynthesisOutputs {
    let folder: URL
    let audioRoot: URL
    private(set) var counts: [String: SynthesisCounts] = [:]
    private var samples: [JSONValue] = []
    private var conversations: [JSONValue] = []
    private var rejected: [JSONValue] = []

    /// The dataset's name in `dataset_info.json`.
    static let datasetName = "hark_synthesis"

    init(folder: URL, audioRoot: URL) {
        self.folder = folder
        self.audioRoot = audioRoot
    }

    func record(_ task: SynthesisTask, answer: String) -> [String: JSONValue] {
        var record: [String: JSONValue] = [
            "id": .string(task.id), "kind": .string(task.kind.rawValue),
            "audio": .array(task.clips.map { .string(audioRoot.appendingPathComponent($0).path(relativeTo: folder)) }),
            "prompt": .string(task.prompt), "answer": .string(answer),
            "labels": .array(task.labels.map { .array($0.map(JSONValue.string)) }),
        ]
        if let object = task.object { record["object"] = .string(object) }
        if let sampling = task.sampling { record["sampling"] = .string(sampling.rawValue) }
        return record
    }

    mutating func add(_ task: SynthesisTask, answer: String, refusal: SynthesisCheck.Refusal?) {
        counts[task.kind.rawValue, default: SynthesisCounts()].requested += 1
        var fields = record(task, answer: answer)
        if let refusal {
            counts[task.kind.rawValue, default: SynthesisCounts()].rejected[refusal.reason.rawValue, default: 0] += 1
            fields["reason"] = .string(refusal.reason.rawValue)
            fields["detail"] = .string(refusal.detail)
            rejected.append(.object(fields))
            return
        }
        counts[task.kind.rawValue, default: SynthesisCounts()].kept += 1
        samples.append(.object(fields))
        let audioTags = String(repeating: "<audio>", count: task.clips.count)
        conversations.append(
            .object([
                "messages": .array([
                    .object(["role": .string("user"), "content": .string(audioTags + task.prompt)]),
                    .object(["role": .string("assistant"), "content": .string(answer)]),
                ]),
                "audios": fields["audio"] ?? .array([]),
            ]))
    }

    mutating func fail(_ task: SynthesisTask, error: String) {
        counts[task.kind.rawValue, default: SynthesisCounts()].requested += 1
        counts[task.kind.rawValue, default: SynthesisCounts()].failed += 1
    }

    func write(manifest: SynthesisManifest) throws {
        func lines(_ values: [JSONValue]) -> Data {
            Data(values.map { $0.canonical + "\n" }.joined().utf8)
        }
        try Data(JSONValue.array(conversations).canonical.utf8).write(
            to: folder.appendingPathComponent(SynthesisFiles.shareGPT), options: .atomic)
        let info = JSONValue.object([
            Self.datasetName: .object([
                "file_name": .string(SynthesisFiles.shareGPT), "formatting": .string("sharegpt"),
                "columns": .object(["messages": .string("messages"), "audios": .string("audios")]),
                "tags": .object([
                    "role_tag": .string("role"), "content_tag": .string("content"), "user_tag": .string("user"),
                    "assistant_tag": .string("assistant"),
                ]),
            ])
        ])
        try Data(info.canonical.utf8).write(
            to: folder.appendingPathComponent(SynthesisFiles.datasetInfo), options: .atomic)
        try lines(samples).write(to: folder.appendingPathComponent(SynthesisFiles.samples), options: .atomic)
        try lines(rejected).write(to: folder.appendingPathComponent(SynthesisFiles.rejected), options: .atomic)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // The manifest last: a folder with one is whole.
        try encoder.encode(manifest).write(
            to: folder.appendingPathComponent(SynthesisFiles.manifest), options: .atomic)
    }
}
