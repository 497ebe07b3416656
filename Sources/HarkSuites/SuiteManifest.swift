public import HarkCore

/// The parsed `suite.yaml` of a suite: what it asks, where its items and clips are, how to prompt
/// and how to score.
public struct SuiteManifest: Sendable, Hashable {
    public struct Source: Sendable, Hashable {
        public var name: String?
        public var url: String?
        public var license: String?
    }

    public struct Prompt: Sendable, Hashable {
        public var system: String?
        /// Put before every question, e.g. "Focus on the given audio and answer the following question."
        public var prefix: String?
        /// Question templates used where an item has no `question`; `{object}` is the item's object.
        public var templates: [String]
        /// How a multiple-choice item's choices follow its question.
        public var choices: ChoiceFormat
        /// Said after the choices, e.g. "Answer with the letter only."
        public var answerFormat: String?
        /// When set, each item's choices are shown in an order shuffled with this seed (and the item
        /// id); the order is recorded in the journal. To measure position bias.
        public var shuffleChoices: UInt64?

        public init(
            system: String? = nil, prefix: String? = nil, templates: [String] = [], choices: ChoiceFormat = .quoted,
            answerFormat: String? = nil, shuffleChoices: UInt64? = nil
        ) {
            self.system = system
            self.prefix = prefix
            self.templates = templates
            self.choices = choices
            self.answerFormat = answerFormat
            self.shuffleChoices = shuffleChoices
        }
    }

    public struct Scoring: Sendable, Hashable {
        /// The answer extractor's name; `nil` means the task's default.
        public var extractor: String?
        /// The class precision, recall and F1 are computed for (the audio papers use "no").
        public var positiveClass: YesNo
        /// The named scoring policy (how unparsed answers count, rounding); `nil` means `hark`.
        public var policy: String?
        /// Other names of sound objects for caption scoring: name → label ("barking" → "dog").
        public var synonyms: [String: String]
        /// The judge template `hark judge` applies to this suite's answers; open-qa suites are
        /// judged with `correctness` when it is not set.
        public var judge: String?
        /// Instruction-following suites: the checker semantics, `ifeval` (default) or `speech-ifeval`.
        public var profile: String?
        /// Yes-no suites: `judge` sends the answers the extractor leaves unparsed to `hark judge`
        /// (the `yes-no-reading` template), whose verdicts then read them.
        public var fallback: String?
        /// The unit samples move together in — `clip` (default), `item` or a tag's name — and how
        /// intervals are computed: `clustered` (default) or `independent`.
        public var cluster: String?
        public var intervals: String?
        /// Caption suites: the vocabulary mentions are found in (`audioset`, default, or `labels`),
        /// whether hyphenated compounds ("dog-like") are mentions, and who lists a caption's objects
        /// (`rules`, default, or `judge`).
        public var captionVocabulary: String?
        public var captionCompounds: Bool?
        public var captionExtractor: String?

        public init(
            extractor: String? = nil, positiveClass: YesNo = .no, policy: String? = nil,
            synonyms: [String: String] = [:],
            judge: String? = nil, profile: String? = nil
        ) {
            self.profile = profile
            self.extractor = extractor
            self.positiveClass = positiveClass
            self.policy = policy
            self.synonyms = synonyms
            self.judge = judge
        }
    }

    public var id: String
    public var version: Int
    public var task: TaskKind
    public var description: String?
    public var source: Source?
    /// The folder clips are found in, relative to `suite.yaml`; items may not escape it.
    public var audioRoot: String
    /// The items file, relative to `suite.yaml`.
    public var items: String
    public var prompt: Prompt
    public var scoring: Scoring
    /// The whole manifest as read, unknown keys included: what the fingerprint covers.
    public var document: JSONValue
}
