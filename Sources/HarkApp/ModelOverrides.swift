import HarkCore
public import HarkModels

/// What a command line changes in a model config: concurrency, timeout, retries, generation
/// settings, seed and servers. Unset fields leave the config as it is.
public struct ModelOverrides: Sendable {
    public var concurrency: Int?
    public var adaptive = false
    public var timeout: Double?
    public var retries: Int?
    public var temperature: Double?
    public var maxTokens: Int?
    /// The generation seed, and the seed of the model's own draws (baselines).
    public var seed: Int?
    /// Servers that replace the config's `base_url` (an `openai` model served from several).
    public var baseURLs: [String] = []

    public init() {}

    public func apply(to config: inout ModelConfig) {
        if let concurrency { config.concurrency.max = concurrency }
        if adaptive { config.concurrency.adaptive = true }
        if let timeout { config.concurrency.timeout = timeout }
        if let retries { config.concurrency.retries = retries }
        if let temperature { config.generation.temperature = temperature }
        if let maxTokens { config.generation.maxTokens = maxTokens }
        if let seed {
            config.generation.seed = seed
            config.seed = UInt64(seed)
        }
        if !baseURLs.isEmpty, case .object(var settings) = config.settings {
            settings["base_url"] = .array(baseURLs.map(JSONValue.string))
            config.settings = .object(settings)
        }
    }
}
