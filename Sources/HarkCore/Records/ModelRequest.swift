/// One question put to a model: the rendered prompt with its clips, and where it comes from.
public struct ModelRequest: Sendable, Hashable, Identifiable {
    /// The sample key: suite, item, template and repeat, the same for every model, so that two runs
    /// of a suite line up item by item. `suite/item#t0`, `suite/item#q` (the item's own question),
    /// `suite/item#t1@r2` (a repeat).
    public var key: String
    public var suiteID: String
    public var itemID: String
    /// `t0`, `t1`, … for the suite's templates, `q` for the item's own question.
    public var template: String
    public var repeatIndex: Int
    public var system: String?
    /// The text that follows the clips.
    public var prompt: String
    /// The clips, in the order the prompt refers to them.
    public var audio: [Clip]
    public var generation: GenerationSettings
    /// The order a multiple-choice item's choices are shown in, when the suite shuffles them
    /// (indices into the item's choices). Already part of `prompt`; kept for scoring.
    public var choiceOrder: [Int]?
    /// The listening control the request belongs to: part of its content, so that a control's
    /// answers are never the real run's cached ones.
    public var control: ListeningControl?

    public init(
        suiteID: String, itemID: String, template: String, repeatIndex: Int = 0, system: String? = nil,
        prompt: String, audio: [Clip] = [], generation: GenerationSettings = GenerationSettings(),
        choiceOrder: [Int]? = nil
    ) {
        self.key = Self.key(suite: suiteID, item: itemID, template: template, repeatIndex: repeatIndex)
        self.suiteID = suiteID
        self.itemID = itemID
        self.template = template
        self.repeatIndex = repeatIndex
        self.system = system
        self.prompt = prompt
        self.audio = audio
        self.generation = generation
        self.choiceOrder = choiceOrder
    }

    public var id: String { key }

    public static func key(suite: String, item: String, template: String, repeatIndex: Int) -> String {
        "\(suite)/\(item)#\(template)" + (repeatIndex > 0 ? "@r\(repeatIndex)" : "")
    }

    /// The content of the request as canonical JSON: everything that decides the answer except the
    /// model. With the adapter's identity it makes the cache key.
    public var content: JSONValue {
        var members: [String: JSONValue] = [
            "prompt": .string(prompt),
            "audio": .array(audio.map { .string($0.sha256) }),
            "generation": generation.json,
        ]
        if let system { members["system"] = .string(system) }
        if generation.isSampled { members["repeat"] = .integer(Int64(repeatIndex)) }
        if let control { members["control"] = control.content }
        return .object(members)
    }
}

/// A model's answer.
public struct ModelResponse: Sendable, Hashable, Codable {
    public var text: String
    public var finishReason: String?
    /// Tokens the server counted, where it says (OpenAI-compatible `usage`).
    public var usage: TokenUsage?
    /// The reply's `system_fingerprint`, where the server sends one.
    public var systemFingerprint: String?

    public init(text: String, finishReason: String? = nil, usage: TokenUsage? = nil, systemFingerprint: String? = nil) {
        self.text = text
        self.finishReason = finishReason
        self.usage = usage
        self.systemFingerprint = systemFingerprint
    }
}

/// The tokens of one request: what the prompt (text and audio) and the answer cost.
public struct TokenUsage: Sendable, Hashable, Codable {
    public var promptTokens: Int
    public var completionTokens: Int

    public init(promptTokens: Int, completionTokens: Int) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
    }

    enum CodingKeys: String, CodingKey {
        case promptTokens = "prompt_tokens"
        case completionTokens = "completion_tokens"
    }
}
