/// Decoding settings sent with every request of a run (and part of its cache key).
public struct GenerationSettings: Sendable, Hashable, Codable {
    public var temperature: Double?
    public var maxTokens: Int?
    public var seed: Int?
    public var topP: Double?
    public var stop: [String]?
    /// Further body fields passed through to the model as they are.
    public var extra: [String: JSONValue]?

    public init(
        temperature: Double? = 0, maxTokens: Int? = nil, seed: Int? = nil, topP: Double? = nil, stop: [String]? = nil,
        extra: [String: JSONValue]? = nil
    ) {
        self.temperature = temperature
        self.maxTokens = maxTokens
        self.seed = seed
        self.topP = topP
        self.stop = stop
        self.extra = extra
    }

    /// Sampled decoding gives a different answer per repeat, so each repeat is cached on its own.
    public var isSampled: Bool { (temperature ?? 0) > 0 }

    enum CodingKeys: String, CodingKey {
        case temperature
        case maxTokens = "max_tokens"
        case seed
        case topP = "top_p"
        case stop
        case extra
    }

    /// The settings as JSON, the way they enter cache keys and manifests.
    public var json: JSONValue {
        var members: [String: JSONValue] = [:]
        if let temperature { members["temperature"] = .number(temperature) }
        if let maxTokens { members["max_tokens"] = .integer(Int64(maxTokens)) }
        if let seed { members["seed"] = .integer(Int64(seed)) }
        if let topP { members["top_p"] = .number(topP) }
        if let stop { members["stop"] = .array(stop.map(JSONValue.string)) }
        if let extra { members["extra"] = .object(extra) }
        return .object(members)
    }
}
