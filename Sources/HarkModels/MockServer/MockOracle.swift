import Foundation
public import HarkAudio
public import HarkCore
public import HarkSuites

/// What the mock server knows of the suites it answers for: each prompt it may be asked, with its
/// clips as the client sends them (encoded by the same audio pipeline), mapped to the item.
public struct MockOracle: Sendable {
    private var items: [String: Item] = [:]

    public init() {}

    /// Indexes every prompt of every item; each clip is encoded once through `pipeline`.
    public init(suites: [Suite], pipeline: AudioPipeline = AudioPipeline()) throws {
        for suite in suites {
            var clipHashes: [String: String] = [:]
            for clip in suite.clips {
                clipHashes[clip.path] = ContentHash.sha256(try pipeline.wav(suite.url(of: clip)))
            }
            let renderer = PromptRenderer(manifest: suite.manifest)
            for item in suite.items {
                let audio = item.audio.compactMap { clipHashes[$0.path] }
                for prompt in renderer.prompts(for: item) {
                    items[Self.key(system: renderer.system, prompt: prompt.text, audio: audio)] = item
                }
            }
        }
    }

    public func item(system: String?, prompt: String, audio: [String]) -> Item? {
        items[Self.key(system: system, prompt: prompt, audio: audio)]
    }

    public var count: Int { items.count }

    static func key(system: String?, prompt: String, audio: [String]) -> String {
        ([system ?? "", prompt] + audio).joined(separator: "\u{1F}")
    }
}
