import Foundation
import HarkCore
import HarkYAML

/// Makes the adapter a model config names.
public enum AdapterRegistry {
    /// Adapters that need no settings, usable as `--model NAME`.
    public static let baselines = RunManifest.Model.baselineAdapters
    public static let names = ["openai", "command", "replay"] + baselines

    /// The settings keys each adapter reads: any other key in a model config is an error.
    public static let settingsKeys: [String: Set<String>] = [
        "openai": ["base_url", "model", "api_key_env", "audio_transport", "connections_per_endpoint"],
        "command": ["command", "max_in_flight", "send_audio", "max_restarts"],
        "replay": ["file"],
    ]

    public static func make(_ config: ModelConfig, catalog: ItemCatalog) throws -> any ModelAdapter {
        switch config.adapter {
        case "openai":
            return try OpenAIAdapter(settings: settings(config), connections: config.concurrency.max)
        case "command":
            return try CommandAdapter(settings: settings(config))
        case "replay":
            struct Replay: Decodable { var file: String }
            return try ReplayAdapter(file: settings(config, as: Replay.self).file)
        case "always-yes": return AlwaysYesAdapter()
        case "always-no": return AlwaysNoAdapter()
        case "random": return RandomAdapter(seed: config.seed, catalog: catalog)
        case "oracle": return OracleAdapter(catalog: catalog)
        default:
            throw HarkError.badInput("unknown adapter \"\(config.adapter)\"; known: \(names.joined(separator: ", "))")
        }
    }

    static func settings<Settings: Decodable>(_ config: ModelConfig, as type: Settings.Type = Settings.self) throws
        -> Settings
    {
        do {
            return try JSONDecoder().decode(Settings.self, from: JSONEncoder().encode(config.settings))
        } catch let error as DecodingError {
            let field = DecodingText.field(DecodingText.path(error)).map { "settings.\($0)" } ?? "settings"
            throw HarkError.badInput("\(config.adapter): \(field): \(DecodingText.describe(error))")
        }
    }
}
