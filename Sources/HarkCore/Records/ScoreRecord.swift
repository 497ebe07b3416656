/// One line of `scores.jsonl`: a sample's extracted answer against the expected one.
public struct ScoreRecord: Sendable, Hashable, Codable {
    public var key: String
    public var suite: String
    public var item: String
    public var template: String
    /// "yes", "no" or "unparsed" for yes-no items; the mentioned objects for captions.
    public var extracted: String
    public var expected: String
    /// Whether the answer is right; nil where the task has no single right answer (captions).
    public var correct: Bool?
    public var tags: [String: String]
    /// Why a yes/no answer is unparsed (`refusal`, `contradiction`, …); absent when it was read.
    public var reason: UnparsedReason?
    /// The cluster the sample falls in (`scoring.cluster`): what paired comparisons resample.
    public var cluster: String?
    /// Captions: each object counted and each mention set aside, with its words.
    public var mentions: [CaptionMention]?

    public init(
        key: String, suite: String, item: String, template: String, extracted: String, expected: String, correct: Bool?,
        tags: [String: String]
    ) {
        self.key = key
        self.suite = suite
        self.item = item
        self.template = template
        self.extracted = extracted
        self.expected = expected
        self.correct = correct
        self.tags = tags
    }
}
