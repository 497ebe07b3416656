import Foundation
import HarkApp
import HarkCore
import HarkModels
import HarkRecords
import HarkRun
import HarkSuites
import HarkTestSupport

/// A suite, a mock server answering it, and a run folder, for end-to-end run tests.
struct RunFixture {
    let suite: SuiteFixture
    let loaded: Suite
    let fingerprint: String
    let output: TemporaryDirectory

    init(clips: Int = 4, templates: Int = 2) throws {
        suite = try SuiteFixture.probes(clips: clips, templates: templates)
        loaded = try SuiteLoader.load(suite.path).suite.unwrap("fixture suite")
        fingerprint = try SuiteFingerprint.compute(loaded)
        output = try TemporaryDirectory(prefix: "hark-run")
    }

    func server(_ configure: (inout MockServer.Options) -> Void = { _ in }) async throws -> MockServer {
        var options = MockServer.Options()
        options.policy = .oracle(errorRate: 0, hallucinationRate: 0, seed: 1)
        options.oracle = try MockOracle(suites: [loaded])
        options.servedModelName = "sim"
        configure(&options)
        return try await MockServer(options: options)
    }

    func model(
        _ server: MockServer, concurrency: Int = 8, timeout: Double = 5, retries: Int = 4,
        extra: [String: JSONValue] = [:]
    ) -> ModelConfig {
        var settings: [String: JSONValue] = ["base_url": .string(server.baseURL), "model": .string("sim")]
        settings.merge(extra) { $1 }
        var config = ModelConfig(name: "sim", adapter: "openai", settings: .object(settings))
        config.concurrency.max = concurrency
        config.concurrency.timeout = timeout
        config.concurrency.retries = retries
        return config
    }

    /// A session without the preflight (its two requests would count), unless asked for.
    func session(
        _ model: ModelConfig, run: String = "run", cache: String? = nil, shard: Shard? = nil, preflight: Bool = false
    ) -> RunSession {
        var session = RunSession(
            suites: [(loaded, fingerprint)], model: model, directory: RunDirectory(output.path("results/\(run)")),
            planner: Planner(generation: model.generation, shard: shard))
        session.cacheURL = cache.map { output.path($0) }
        session.preflight = preflight
        session.retry = RetryPolicy(maxRetries: model.concurrency.retries, baseDelay: 0.01, maxDelay: 0.1)
        return session
    }

    func remove() {
        suite.remove()
        output.remove()
    }
}

extension Optional {
    func unwrap(_ what: String) throws -> Wrapped {
        guard let self else { throw FixtureError(description: "\(what) is missing") }
        return self
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
}
