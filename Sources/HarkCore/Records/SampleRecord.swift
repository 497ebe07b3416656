/// One line of a run's journal (`samples.jsonl`): a request and its answer or its error. Written
/// whole as the answer arrives; never holds audio bytes or secrets.
public struct SampleRecord: Sendable, Hashable, Codable {
    public var key: String
    public var suite: String
    public var item: String
    public var template: String
    public var repeatIndex: Int
    /// The cache key: the request's content with the model's identity.
    public var requestHash: String
    public var system: String?
    public var prompt: String
    public var audio: [Clip]
    /// The shown order of a multiple-choice item's choices, when the suite shuffles them.
    public var choiceOrder: [Int]?
    public var response: String?
    public var finishReason: String?
    public var error: RequestFailure?
    public var latencyMs: Double
    public var attempts: Int
    public var cached: Bool
    public var usage: TokenUsage?
    public var systemFingerprint: String?

    public init(
        request: ModelRequest, requestHash: String, response: ModelResponse?, error: RequestFailure?,
        latencyMs: Double, attempts: Int, cached: Bool
    ) {
        key = request.key
        suite = request.suiteID
        item = request.itemID
        template = request.template
        repeatIndex = request.repeatIndex
        self.requestHash = requestHash
        system = request.system
        prompt = request.prompt
        audio = request.audio
        choiceOrder = request.choiceOrder
        self.response = response?.text
        finishReason = response?.finishReason
        usage = response?.usage
        systemFingerprint = response?.systemFingerprint
        self.error = error
        self.latencyMs = latencyMs
        self.attempts = attempts
        self.cached = cached
    }

    /// A record with an answer (possibly empty); a record with an error has none.
    public var isAnswered: Bool { error == nil && response != nil }

    enum CodingKeys: String, CodingKey {
        case key, suite, item, template
        case repeatIndex = "repeat"
        case requestHash = "request_hash"
        case system, prompt, audio
        case choiceOrder = "choice_order"
        case response
        case finishReason = "finish_reason"
        case error
        case latencyMs = "latency_ms"
        case attempts, cached, usage
        case systemFingerprint = "system_fingerprint"
    }
}
