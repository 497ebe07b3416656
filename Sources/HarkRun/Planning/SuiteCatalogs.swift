public import HarkAudio
import HarkCore
public import HarkModels
public import HarkSuites

extension ItemCatalog {
    /// The items of a run's suites, for the adapters that answer from labels.
    public init(suites: [Suite]) {
        self.init()
        for suite in suites { add(suite: suite.id, items: suite.items, extractor: suite.manifest.scoring.extractor) }
    }
}

extension MockOracle {
    /// Indexes every prompt of every item; each clip is encoded once through `pipeline`, as a
    /// client sends it.
    public init(suites: [Suite], pipeline: AudioPipeline = AudioPipeline()) throws {
        self.init()
        for suite in suites {
            var clipHashes: [String: String] = [:]
            for clip in suite.clips {
                clipHashes[clip.path] = ContentHash.sha256(try pipeline.wav(suite.url(of: clip)))
            }
            let renderer = PromptRenderer(manifest: suite.manifest)
            for item in suite.items {
                let audio = item.audio.compactMap { clipHashes[$0.path] }
                for prompt in renderer.prompts(for: item) {
                    let form = ReferenceAnswer.ChoiceForm(
                        order: prompt.choiceOrder, extractor: suite.manifest.scoring.extractor)
                    add(Entry(item: item, form: form), system: renderer.system, prompt: prompt.text, audio: audio)
                }
            }
        }
    }
}
