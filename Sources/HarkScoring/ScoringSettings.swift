public import HarkCore

/// How a suite is scored: the extractor, the policy, the positive class, and the bootstrap.
public struct ScoringSettings: Sendable, Hashable, Codable {
    public var extractor: String
    public var policy: ScoringPolicy
    public var positiveClass: YesNo
    public var bootstrapResamples: Int
    public var seed: UInt64
    /// Extra names for sound objects in captions: each name maps to the label it stands for
    /// ("barking" → "dog").
    public var synonyms: [String: String]
    /// Instruction-following suites: the checker profile, and the instruction ids among the
    /// suite's whose checks only approximate the reference (language detection).
    public var profile: IFEvalProfile?
    public var approximate: [String]?
    /// The unit samples are clustered by (`clip`, `item` or a tag; nil is `clip`) and how intervals
    /// are computed (nil is `clustered`).
    public var cluster: String?
    public var intervals: IntervalMethod?
    /// Caption suites: the classes mentions are found in, whether hyphenated compounds
    /// ("dog-like") count, and who lists a caption's objects (`rules`, or `judge`).
    public var captionVocabulary: SoundVocabulary.Source?
    public var captionCompounds: Bool?
    public var captionExtractor: CaptionExtractor?

    public init(
        extractor: String = DefaultYesNoExtractor.name, policy: ScoringPolicy = .hark, positiveClass: YesNo = .no,
        bootstrapResamples: Int = Bootstrap.defaultResamples, seed: UInt64 = 0, synonyms: [String: String] = [:]
    ) {
        self.extractor = extractor
        self.policy = policy
        self.positiveClass = positiveClass
        self.bootstrapResamples = bootstrapResamples
        self.seed = seed
        self.synonyms = synonyms
    }

    enum CodingKeys: String, CodingKey {
        case extractor, policy, seed, synonyms, profile, approximate, cluster, intervals
        case positiveClass = "positive_class"
        case bootstrapResamples = "bootstrap_resamples"
        case captionVocabulary = "caption_vocabulary"
        case captionCompounds = "caption_compounds"
        case captionExtractor = "caption_extractor"
    }
}
