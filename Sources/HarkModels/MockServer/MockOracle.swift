import Foundation
public import HarkAudio
public import HarkCore
public import HarkSuites

/// What the mock server knows of the suites it answers for: each prompt it may be asked, with its
/// clips as the client sends them (encoded by the same audio pipeline), mapped to the item.
public struct MockOracle: Sendable {
    /// An item as one prompt asks it: with the form its right answer takes.
    public struct Entry: Sendable {
        public var item: Item
        public var form: ReferenceAnswer.ChoiceForm
    }

    private var items: [String: Entry] = [:]

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
                    let form = ReferenceAnswer.ChoiceForm(order: prompt.choiceOrder, extractor: suite.manifest.scoring.extractor)
                    items[Self.key(system: renderer.system, prompt: prompt.text, audio: audio)] = Entry(item: item, form: form)
                }
            }
        }
    }

    public func entry(system: String?, prompt: String, audio: [String]) -> Entry? {
        items[Self.key(system: system, prompt: prompt, audio: audio)]
    }

    public var count: Int { items.count }

    static func key(system: String?, prompt: String, audio: [String]) -> String {
        ([system ?? "", prompt] + audio).joined(separator: "\u{1F}")
    }
}
