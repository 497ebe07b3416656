import Foundation
import HarkAudio
public import HarkCore
public import HarkSuites

/// Turns suites into the requests of a run: item × prompt × repeat, in suite, item, prompt and
/// repeat order, each clip hashed once.
public struct Planner: Sendable {
    public var generation: GenerationSettings
    public var repeats: Int
    public var limit: Int?
    public var shard: Shard?

    public init(generation: GenerationSettings = GenerationSettings(), repeats: Int = 1, limit: Int? = nil, shard: Shard? = nil) {
        self.generation = generation
        self.repeats = max(1, repeats)
        self.limit = limit
        self.shard = shard
    }

    /// The requests, in plan order. Throws when a clip cannot be read.
    public func plan(_ suites: [Suite]) throws -> [ModelRequest] {
        var requests: [ModelRequest] = []
        for suite in suites {
            let clips = try Self.clips(of: suite)
            let renderer = PromptRenderer(manifest: suite.manifest)
            for item in suite.items.prefix(limit ?? Int.max) {
                let audio = item.audio.compactMap { clips[$0.path] }
                for prompt in renderer.prompts(for: item) {
                    for repeatIndex in 0..<repeats {
                        let request = ModelRequest(
                            suiteID: suite.id, itemID: item.id, template: prompt.template, repeatIndex: repeatIndex,
                            system: renderer.system, prompt: prompt.text, audio: audio, generation: generation)
                        if shard?.contains(request.key) ?? true { requests.append(request) }
                    }
                }
            }
        }
        return requests
    }

    /// Each clip of a suite with its content hash and duration (read from the header).
    static func clips(of suite: Suite) throws -> [String: Clip] {
        var clips: [String: Clip] = [:]
        for reference in suite.clips {
            let url = suite.url(of: reference)
            let info = try AudioFile.info(url)
            clips[reference.path] = Clip(
                path: reference.path, sha256: try ContentHash.sha256(fileAt: url),
                seconds: Double(info.frames) / Double(max(info.sampleRate, 1)), location: url)
        }
        return clips
    }
}
