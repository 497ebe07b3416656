public import Foundation
public import HarkAudio
public import HarkCore
import HarkYAML
import Yams

/// How to reach a model and ask it: the YAML a user writes (`--model model.yaml`), or a built-in
/// baseline by name (`--model always-yes`).
///
/// ```yaml
/// name: qwen2-audio-7b
/// adapter: openai
/// settings: {base_url: http://localhost:8000/v1, model: Qwen/Qwen2-Audio-7B-Instruct}
/// generation: {temperature: 0, max_tokens: 64, seed: 0}
/// audio: {sample_rate: 16000, mono: true, quality: high}
/// concurrency: {max: 16, adaptive: true, timeout: 60, retries: 4}
/// training_data: data/train.jsonl   # optional: warn when a suite's clips were trained on
/// ```
public struct ModelConfig: Sendable, Hashable {
    public struct Audio: Sendable, Hashable, Codable {
        public var sampleRate: Int = 16_000
        public var mono: Bool = true
        public var quality: Resampler.Quality = .high

        public init() {}

        public var pipeline: AudioPipeline { AudioPipeline(sampleRate: sampleRate, mono: mono, quality: quality) }

        enum CodingKeys: String, CodingKey {
            case sampleRate = "sample_rate"
            case mono, quality
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            sampleRate = try container.decodeIfPresent(Int.self, forKey: .sampleRate) ?? 16_000
            mono = try container.decodeIfPresent(Bool.self, forKey: .mono) ?? true
            quality = try container.decodeIfPresent(Resampler.Quality.self, forKey: .quality) ?? .high
        }
    }

    public struct Concurrency: Sendable, Hashable, Codable {
        /// Requests in flight at most.
        public var max: Int = 8
        /// Start lower and grow on success, halve on 429s and timeouts.
        public var adaptive: Bool = false
        /// Seconds a request may take before it counts as a timeout.
        public var timeout: Double = 120
        /// Attempts after the first for a retryable failure.
        public var retries: Int = 4

        public init() {}

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            max = try container.decodeIfPresent(Int.self, forKey: .max) ?? 8
            adaptive = try container.decodeIfPresent(Bool.self, forKey: .adaptive) ?? false
            timeout = try container.decodeIfPresent(Double.self, forKey: .timeout) ?? 120
            retries = try container.decodeIfPresent(Int.self, forKey: .retries) ?? 4
        }
    }

    public var name: String
    public var adapter: String
    /// The adapter's own settings, as written.
    public var settings: JSONValue
    public var generation: GenerationSettings
    public var audio: Audio
    public var concurrency: Concurrency
    /// The seed of the `random` baseline.
    public var seed: UInt64
    /// The checkpoint's revision (a commit, a hash of the weights): part of the fingerprint, so
    /// that cached answers of another revision are never reused.
    public var revision: String?
    /// Reuse answers across runs from the response cache (off unless asked for).
    public var cache = false
    /// What the checkpoint was trained on, checked against the suites of a run.
    public var trainingData: TrainingData?

    public init(
        name: String, adapter: String, settings: JSONValue = .object([:]),
        generation: GenerationSettings = GenerationSettings(),
        audio: Audio = Audio(), concurrency: Concurrency = Concurrency(), seed: UInt64 = 0
    ) {
        self.name = name
        self.adapter = adapter
        self.settings = settings
        self.generation = generation
        self.audio = audio
        self.concurrency = concurrency
        self.seed = seed
    }

    /// A built-in baseline by name, or the YAML file at `reference`; relative paths, the file's and
    /// a replay adapter's `file`, are read against `base` (the working directory by default).
    public static func resolve(_ reference: String, relativeTo base: URL? = nil) throws -> ModelConfig {
        if AdapterRegistry.baselines.contains(reference) {
            return ModelConfig(name: reference, adapter: reference)
        }
        let path = URL(fileURLWithPath: reference, relativeTo: base).path
        guard FileManager.default.fileExists(atPath: path) else {
            let names = AdapterRegistry.baselines.joined(separator: ", ")
            throw HarkError.badInput(
                "no such model config file, and not a built-in model (\(names))", at: SourceLocation(file: reference))
        }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var config = try parse(text, file: reference)
        if let base, config.adapter == "replay", case .object(var settings) = config.settings,
            let file = settings["file"]?.stringValue
        {
            settings["file"] = .string(URL(fileURLWithPath: file, relativeTo: base).path)
            config.settings = .object(settings)
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        config.trainingData = config.trainingData?.resolved(against: folder)
        return config
    }

    public static func parse(_ text: String, file: String) throws -> ModelConfig {
        struct Document: Decodable {
            var name: String
            var adapter: String
            var settings: JSONValue?
            var generation: GenerationSettings?
            var audio: Audio?
            var concurrency: Concurrency?
            var seed: UInt64?
            var revision: String?
            var cache: Bool?
            var trainingData: TrainingData?

            enum CodingKeys: String, CodingKey {
                case name, adapter, settings, generation, audio, concurrency, seed, revision, cache
                case trainingData = "training_data"
            }
        }
        guard let root = try YAMLText.compose(text, file: file) else {
            throw HarkError.badInput("the file is empty", at: SourceLocation(file: file, line: 1))
        }
        let document = try YAMLText.decode(Document.self, from: root, file: file)
        guard AdapterRegistry.names.contains(document.adapter) else {
            throw HarkError.badInput(
                "unknown adapter \"\(document.adapter)\"; known: \(AdapterRegistry.names.joined(separator: ", "))",
                at: SourceLocation(file: file, field: "adapter"))
        }
        try checkKeys(root, adapter: document.adapter, file: file)
        var config = ModelConfig(
            name: document.name, adapter: document.adapter, settings: document.settings ?? .object([:]),
            generation: document.generation ?? GenerationSettings(), audio: document.audio ?? Audio(),
            concurrency: document.concurrency ?? Concurrency(), seed: document.seed ?? 0)
        config.revision = document.revision
        config.cache = document.cache ?? false
        config.trainingData = document.trainingData
        return config
    }

    /// The keys a model config may have, by section; `generation.extra` is passed to the server as
    /// written and not checked.
    static let keys: [String: Set<String>] = [
        "": [
            "name", "adapter", "settings", "generation", "audio", "concurrency", "seed", "revision", "cache",
            "training_data",
        ],
        "generation": ["temperature", "max_tokens", "seed", "top_p", "stop", "extra"],
        "audio": ["sample_rate", "mono", "quality"],
        "concurrency": ["max", "adaptive", "timeout", "retries"],
        "training_data": TrainingData.keys,
    ]

    /// Refuses a key the config does not know (a typo such as `temprature` would otherwise run at
    /// the default), naming its file, line and field, as run and gate configs do.
    static func checkKeys(_ document: Node, adapter: String, file: String) throws {
        guard let root = document.mapping else { return }
        func check(_ mapping: Node.Mapping, known: Set<String>, prefix: String) throws {
            for (key, _) in mapping {
                let name = key.string ?? "?"
                guard !known.contains(name) else { continue }
                throw HarkError.badInput(
                    "unknown key (known: \(known.sorted().joined(separator: ", ")))",
                    at: SourceLocation(file: file, line: key.mark?.line, field: prefix + name))
            }
        }
        try check(root, known: keys[""] ?? [], prefix: "")
        for section in ["generation", "audio", "concurrency", "training_data"] {
            if let mapping = root[section]?.mapping {
                try check(mapping, known: keys[section] ?? [], prefix: section + ".")
            }
        }
        if let mapping = root["settings"]?.mapping {
            try check(mapping, known: AdapterRegistry.settingsKeys[adapter] ?? [], prefix: "settings.")
        }
    }

    /// The adapter settings with anything that looks like a secret replaced, for manifests and logs.
    public var redactedSettings: JSONValue {
        Secrets.redact(settings)
    }
}
