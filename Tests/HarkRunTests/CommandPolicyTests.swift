import HarkApp
import HarkCore
import HarkModels
import Testing

/// What the command line decides, reached without a process.
@Suite struct CommandPolicyTests {
    @Test func overridesChangeOnlyWhatTheyName() {
        var config = ModelConfig(
            name: "m", adapter: "openai",
            settings: .object(["base_url": .string("http://a/v1"), "model": .string("m")]))
        let untouched = config
        ModelOverrides().apply(to: &config)
        #expect(config.concurrency == untouched.concurrency && config.generation == untouched.generation)

        var overrides = ModelOverrides()
        overrides.concurrency = 3
        overrides.seed = 7
        overrides.temperature = 0.5
        overrides.baseURLs = ["http://b/v1", "http://c/v1"]
        overrides.apply(to: &config)
        #expect(config.concurrency.max == 3)
        #expect(config.generation.seed == 7 && config.seed == 7)
        #expect(config.generation.temperature == 0.5)
        #expect(config.concurrency.timeout == untouched.concurrency.timeout)
        #expect(config.settings.objectValue?["base_url"] == .array([.string("http://b/v1"), .string("http://c/v1")]))
        #expect(config.settings.objectValue?["model"] == .string("m"))
    }

    @Test func aRunFailsItsCommandWhenUnfinishedOrOverTheErrorRate() {
        var manifest = RunManifest(
            run: "r", suites: [], model: .init(name: "m", adapter: "oracle", identity: "oracle", settings: .null),
            generation: GenerationSettings(), audio: .null, plan: .init(repeats: 1), seeds: [:], startedAt: "")
        manifest.counts.samples = 100
        manifest.counts.errors = 5
        manifest.complete = true
        #expect(manifest.errorRateProblem(maxErrorRate: 0.05) == nil)
        #expect(
            manifest.errorRateProblem(maxErrorRate: 0.04) == "5 of 100 samples ended in errors (5.0%, allowed 4.0%)")
        manifest.counts.errors = 0
        manifest.complete = false
        #expect(manifest.errorRateProblem(maxErrorRate: 0.05) != nil)
    }
}
