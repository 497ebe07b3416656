import Foundation
import HarkApp
import HarkCore
import HarkModels
import HarkRecords
import HarkReports
import HarkRun
import HarkSuites
import HarkTestSupport
import HarkTesting
import Testing

/// The CI scenario: a baseline checkpoint, and candidates that hallucinate more, less, or differ by
/// noise only, all over real HTTP through the mock server; `hark gate` decides.
@Suite(.serialized) struct GateCommandTests {
    static let policy = """
        gates:
          - {suite: "probes*", metric: accuracy, max_drop: 0.01, significance: 0.05}
          - {metric: error_rate, max: 0}
          - {metric: unparsed_rate, max: 0.05}
        """

    func run(
        _ name: String, hallucination: Double, seed: UInt64, suite: Suite, fingerprint: String,
        in work: TemporaryDirectory
    ) async throws {
        let options = try MockServer.Options.with {
            $0.policy = .oracle(errorRate: 0, hallucinationRate: hallucination, seed: seed)
            $0.oracle = try MockOracle(suites: [suite])
        }
        try await withMockServer(options) { server in
            let model = ModelConfig(
                name: name, adapter: "openai",
                settings: .object(["base_url": .string(server.baseURL), "model": .string(name)]))
            _ = try await RunSession(
                suites: [(suite, fingerprint)], model: model, directory: RunDirectory(work.path("results/\(name)")),
                planner: Planner()
            ).executeAndScore()
        }
    }

    @Test func gateFailsAWorseCandidatePassesABetterOneAndIgnoresNoise() async throws {
        let fixture = try SuiteFixture.probes(clips: 100, templates: 2)
        defer { fixture.remove() }
        let suite = try #require(SuiteLoader.load(fixture.path).suite)
        let fingerprint = try SuiteFingerprint.compute(suite)
        let work = try TemporaryDirectory()
        defer { work.remove() }
        try work.write(Self.policy, to: "gate.yaml")
        try await run("baseline", hallucination: 0.10, seed: 1, suite: suite, fingerprint: fingerprint, in: work)
        try await run("worse", hallucination: 0.15, seed: 1, suite: suite, fingerprint: fingerprint, in: work)
        try await run("better", hallucination: 0.05, seed: 1, suite: suite, fingerprint: fingerprint, in: work)
        try await run("noise", hallucination: 0.10, seed: 2, suite: suite, fingerprint: fingerprint, in: work)

        func gate(_ candidate: String) async throws -> HarkCLI.Output {
            await CLI.run(
                [
                    "gate", "--policy", "gate.yaml", "--candidate", candidate, "--baseline", "baseline", "--junit",
                    "\(candidate).xml",
                    "--resamples", "2000",
                ], in: work.url)
        }
        let worse = try await gate("worse")
        #expect(worse.status == 1, "\(worse.stdout)\(worse.stderr)")
        let junit = try String(contentsOf: work.path("worse.xml"), encoding: .utf8)
        #expect(junit.contains(#"failures="1""#))
        #expect(junit.contains("accuracy: accuracy max_drop 0.01, significance 0.05"))
        #expect(junit.contains("more than max_drop"))
        let schema = HarkCLI.packageRoot.appendingPathComponent("Tests/Fixtures/schemas/junit-10.xsd")
        #expect(try HarkReports.XMLSchemaValidator.problems(in: junit, schema: schema) == [])

        let better = try await gate("better")
        #expect(better.status == 0, "\(better.stdout)")
        let noise = try await gate("noise")
        #expect(noise.status == 0, "\(noise.stdout)")

        let compare = await CLI.run(
            ["compare", "baseline", "worse", "--json", "compare.json", "--resamples", "2000"], in: work.url)
        #expect(compare.status == 0)
        #expect(compare.stdout.contains("Flipped (right → wrong first)"))
        let json = try JSONDecoder().decode([RunComparisonJSON].self, from: Data(contentsOf: work.path("compare.json")))
        let accuracy = try #require(json.first?.suites.first?.changes.first { $0.metric == "accuracy" })
        #expect(accuracy.difference < 0 && accuracy.p_value < 0.05)
    }

    @Test func badPolicyAndIncompleteRunsHaveTheirExitCodes() async throws {
        let work = try TemporaryDirectory()
        defer { work.remove() }
        let suite = HarkCLI.packageRoot.appendingPathComponent("benchmarks/fixture-yes-no").path
        #expect(
            await CLI.run(["run", "--suite", suite, "--model", "oracle", "--no-cache"], in: work.url).status == 0)
        try work.write("gates:\n  - {metric: f1, minimum: 0.5}\n", to: "bad.yaml")
        let bad = await CLI.run(["gate", "--policy", "bad.yaml", "--candidate", "oracle"], in: work.url)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("bad.yaml:2: gates[0]: unknown key \"minimum\""))

        try work.write("gates:\n  - {metric: f1, min: 0.5}\n", to: "good.yaml")
        #expect(await CLI.run(["gate", "--policy", "good.yaml", "--candidate", "oracle"], in: work.url).status == 0)
        // A run whose samples are not all done (as a killed run leaves it) cannot be gated.
        let results = work.path("results/oracle/results.json")
        let text = try String(contentsOf: results, encoding: .utf8).replacingOccurrences(
            of: "\"complete\" : true", with: "\"complete\" : false")
        try text.write(to: results, atomically: true, encoding: .utf8)
        let incomplete = await CLI.run(["gate", "--policy", "good.yaml", "--candidate", "oracle"], in: work.url)
        #expect(incomplete.status == 3, "\(incomplete.stderr)")
        #expect(incomplete.stderr.contains("run oracle is incomplete"))
    }

    struct RunComparisonJSON: Decodable {
        struct Suite: Decodable {
            struct Change: Decodable {
                var metric: String
                var difference: Double
                // swift-format-ignore: AlwaysUseLowerCamelCase
                var p_value: Double
            }
            var changes: [Change]
        }
        var suites: [Suite]
    }
}
