/// What a run was: hark's version, the suites, the model (secrets removed), settings, seeds, times
/// and counts. Written when a run starts and completed when it ends; part of `results.json`.
public struct RunManifest: Sendable, Hashable, Codable {
    public struct SuiteEntry: Sendable, Hashable, Codable {
        public var id: String
        public var version: Int
        public var task: TaskKind
        public var fingerprint: String
        public var items: Int
        /// Where the suite was loaded from, so that `hark score` can find its labels again.
        public var path: String?

        public init(id: String, version: Int, task: TaskKind, fingerprint: String, items: Int, path: String? = nil) {
            self.id = id
            self.version = version
            self.task = task
            self.fingerprint = fingerprint
            self.items = items
            self.path = path
        }
    }

    public struct Model: Sendable, Hashable, Codable {
        public var name: String
        public var adapter: String
        /// The adapter's identity: part of every cache key.
        public var identity: String
        /// The adapter's settings with secrets replaced.
        public var settings: JSONValue
        /// What the server said of the model when the run started (`GET /v1/models`: id, root,
        /// max_model_len, owned_by) and the config's `revision`: part of every cache key.
        public var fingerprint: JSONValue?

        /// The built-in baselines: they answer without listening, so tables never mark them best.
        public static let baselineAdapters = ["always-yes", "always-no", "random", "oracle"]

        public var isBaseline: Bool { Self.baselineAdapters.contains(adapter) }

        public init(name: String, adapter: String, identity: String, settings: JSONValue, fingerprint: JSONValue? = nil)
        {
            self.name = name
            self.adapter = adapter
            self.identity = identity
            self.settings = settings
            self.fingerprint = fingerprint
        }
    }

    /// The check made before the run asked anything: one item with its clip and without it.
    public struct Preflight: Sendable, Hashable, Codable {
        public var key: String
        public var withAudio: Probe
        public var withoutAudio: Probe

        public struct Probe: Sendable, Hashable, Codable {
            public var promptTokens: Int?
            public var answer: String

            public init(promptTokens: Int?, answer: String) {
                self.promptTokens = promptTokens
                self.answer = answer
            }

            enum CodingKeys: String, CodingKey {
                case promptTokens = "prompt_tokens"
                case answer
            }
        }

        public init(key: String, withAudio: Probe, withoutAudio: Probe) {
            self.key = key
            self.withAudio = withAudio
            self.withoutAudio = withoutAudio
        }

        enum CodingKeys: String, CodingKey {
            case key
            case withAudio = "with_audio"
            case withoutAudio = "without_audio"
        }
    }

    /// The judge of a judged run (`hark judge`): which model, with which template.
    public struct Judge: Sendable, Hashable, Codable {
        public var model: Model
        /// The judge template of each judged suite (suite id → template name), and the SHA-256 of
        /// their prompts.
        public var templates: [String: String]
        public var promptHash: String
        public var counts: Counts
        public var judgedAt: String

        public init(
            model: Model, templates: [String: String], promptHash: String, counts: Counts = Counts(), judgedAt: String
        ) {
            self.model = model
            self.templates = templates
            self.promptHash = promptHash
            self.counts = counts
            self.judgedAt = judgedAt
        }

        enum CodingKeys: String, CodingKey {
            case model, templates, counts
            case promptHash = "prompt_sha256"
            case judgedAt = "judged_at"
        }
    }

    /// The check of the suites' clips against the model's training data (`training_data:`).
    public struct TrainingOverlap: Sendable, Hashable, Codable {
        /// An evaluation clip found in the training data.
        public struct Shared: Sendable, Hashable, Codable {
            public var suite: String
            public var clip: String
            public var trainingClip: String
            public var method: OverlapMethod

            public init(suite: String, clip: String, trainingClip: String, method: OverlapMethod) {
                self.suite = suite
                self.clip = clip
                self.trainingClip = trainingClip
                self.method = method
            }

            enum CodingKeys: String, CodingKey {
                case suite, clip, method
                case trainingClip = "training_clip"
            }
        }

        /// The training sets, as resolved.
        public var sets: [String]
        public var methods: [OverlapMethod]
        public var trainingClips: Int
        /// Evaluation clips compared, over all suites.
        public var clipsChecked: Int
        public var shared: [Shared]
        /// Clips whose sound could not be read (only their file hash was compared).
        public var unreadable: Int

        public init(
            sets: [String], methods: [OverlapMethod], trainingClips: Int, clipsChecked: Int, shared: [Shared],
            unreadable: Int
        ) {
            self.sets = sets
            self.methods = methods
            self.trainingClips = trainingClips
            self.clipsChecked = clipsChecked
            self.shared = shared
            self.unreadable = unreadable
        }

        enum CodingKeys: String, CodingKey {
            case sets, methods, shared, unreadable
            case trainingClips = "training_clips"
            case clipsChecked = "clips_checked"
        }
    }

    public struct Plan: Sendable, Hashable, Codable {
        public var repeats: Int
        /// At most this many items per suite.
        public var limit: Int?
        /// `i/N`: this run holds the samples whose key falls in shard i of N.
        public var shard: String?
        /// A text-only reference run (clips replaced by their `textual_audio`).
        public var textReference: Bool?
        /// A listening control run: the audio replaced, removed or shuffled.
        public var control: ListeningControl?
        /// The samples planned of each suite (by suite id).
        public var suiteSamples: [String: Int]?

        public init(
            repeats: Int = 1, limit: Int? = nil, shard: String? = nil, textReference: Bool? = nil,
            control: ListeningControl? = nil, suiteSamples: [String: Int]? = nil
        ) {
            self.control = control
            self.repeats = repeats
            self.limit = limit
            self.shard = shard
            self.textReference = textReference
            self.suiteSamples = suiteSamples
        }

        enum CodingKeys: String, CodingKey {
            case repeats, limit, shard
            case textReference = "text_reference"
            case control
            case suiteSamples = "suite_samples"
        }
    }

    public struct Counts: Sendable, Hashable, Codable {
        /// Samples in the plan.
        public var samples = 0
        public var answered = 0
        public var errors = 0
        public var cacheHits = 0
        /// Samples taken over from an earlier, interrupted run.
        public var resumed = 0
        /// Calls made to the model, retries included.
        public var modelCalls = 0
        public var retries = 0
        public var emptyAnswers = 0
        /// Cache misses of requests answered before under another fingerprint of the model.
        public var cacheStale = 0

        public init() {}

        enum CodingKeys: String, CodingKey {
            case samples, answered, errors, resumed, retries
            case cacheHits = "cache_hits"
            case modelCalls = "model_calls"
            case emptyAnswers = "empty_answers"
            case cacheStale = "cache_stale"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            samples = try container.decode(Int.self, forKey: .samples)
            answered = try container.decode(Int.self, forKey: .answered)
            errors = try container.decode(Int.self, forKey: .errors)
            cacheHits = try container.decode(Int.self, forKey: .cacheHits)
            resumed = try container.decode(Int.self, forKey: .resumed)
            modelCalls = try container.decode(Int.self, forKey: .modelCalls)
            retries = try container.decode(Int.self, forKey: .retries)
            emptyAnswers = try container.decode(Int.self, forKey: .emptyAnswers)
            cacheStale = try container.decodeIfPresent(Int.self, forKey: .cacheStale) ?? 0
        }
    }

    public var run: String
    public var harkVersion: String
    public var gitRevision: String
    public var suites: [SuiteEntry]
    public var model: Model
    public var generation: GenerationSettings
    /// The audio sent: sample rate, channels, resampler quality.
    public var audio: JSONValue
    public var plan: Plan
    public var seeds: [String: UInt64]
    public var startedAt: String
    public var finishedAt: String?
    public var counts: Counts
    /// True once every sample has an answer or a recorded error.
    public var complete: Bool
    /// Set once the run's answers have been judged.
    public var judge: Judge?
    /// The audio check made before the run (absent with `--no-preflight`, or with no clip to ask).
    public var preflight: Preflight?
    /// The suites' clips checked against the model's training data (absent without `training_data:`).
    public var trainingOverlap: TrainingOverlap?

    public init(
        run: String, suites: [SuiteEntry], model: Model, generation: GenerationSettings, audio: JSONValue, plan: Plan,
        seeds: [String: UInt64], startedAt: String
    ) {
        self.run = run
        harkVersion = HarkVersion.number
        gitRevision = HarkVersion.gitRevision
        self.suites = suites
        self.model = model
        self.generation = generation
        self.audio = audio
        self.plan = plan
        self.seeds = seeds
        self.startedAt = startedAt
        counts = Counts()
        complete = false
    }

    enum CodingKeys: String, CodingKey {
        case run, suites, model, generation, audio, plan, seeds, counts, complete, judge, preflight
        case trainingOverlap = "training_overlap"
        case harkVersion = "hark_version"
        case gitRevision = "git_revision"
        case startedAt = "started_at"
        case finishedAt = "finished_at"
    }
}
