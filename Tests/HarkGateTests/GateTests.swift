import Foundation
import HarkCore
import HarkGate
import HarkScoring
import HarkTestSupport
import Testing

@Suite struct GateTests {
    @Test func forgettingRateIsTheRelativeChange() throws {
        // Speech-IFEval: DeSTA2 89.23 against its backbone's 92.53 → −3.57.
        let change = try #require(RunComparison.relative(0.9253, 0.8923))
        #expect((change * 100).rounded() / 100 == -3.57)
        #expect(RunComparison.relative(0, 0.5) == nil)
    }

    func results(_ id: String, accuracy: Double, errors: Int = 0, unparsed: Int = 0) -> RunResults {
        var counts = RunResults.Counts()
        counts.samples = 100
        counts.answered = 100 - errors
        counts.errors = errors
        counts.unparsed = unparsed
        let manifest = RunManifest(
            run: id, suites: [], model: .init(name: id, adapter: "x", identity: id, settings: .object([:])), generation: GenerationSettings(),
            audio: .object([:]), plan: .init(), seeds: [:], startedAt: "")
        return RunResults(manifest: manifest, suites: [
            .init(id: "audiocaps-random", task: .yesNo, fingerprint: "f", counts: counts, metrics: ["accuracy": MetricValue(accuracy, n: 100)]),
            .init(id: "clotho", task: .caption, fingerprint: "g", counts: counts, metrics: ["echo_i": MetricValue(0.2, n: 100)]),
        ])
    }

    @Test func floorsCeilingsAndWildcards() throws {
        let policy = GatePolicy(rules: [
            .init(suite: "audiocaps-*", metric: "accuracy", min: 0.8, line: 2),
            .init(suite: "*", metric: "error_rate", max: 0.01, line: 3),
        ])
        let verdicts = try Gate.evaluate(policy, candidate: results("c", accuracy: 0.75, errors: 2), baseline: nil, comparison: nil)
        #expect(verdicts.map(\.suite) == ["audiocaps-random", "audiocaps-random", "clotho"])
        #expect(verdicts.map(\.passed) == [false, false, false])
        #expect(verdicts[0].message == "accuracy = 0.7500 is below the floor 0.8")
        #expect(verdicts[1].message == "error_rate = 0.0200 is above the ceiling 0.01")
    }

    @Test func aChangeRuleNeedsABaseline() {
        let policy = GatePolicy(rules: [.init(suite: "*", metric: "accuracy", maxDrop: 0.02, line: 4)])
        #expect { try Gate.evaluate(policy, candidate: results("c", accuracy: 0.7), baseline: nil, comparison: nil) } throws: {
            ($0 as? HarkError)?.message.contains("line 4") == true
        }
    }

    @Test func dropWithoutComparisonUsesTheBaselinesValue() throws {
        let policy = GatePolicy(rules: [.init(suite: "audiocaps-*", metric: "accuracy", maxDrop: 0.02, line: 1)])
        let verdicts = try Gate.evaluate(
            policy, candidate: results("c", accuracy: 0.70), baseline: results("b", accuracy: 0.75), comparison: nil)
        #expect(verdicts.first?.passed == false)
        #expect(verdicts.first?.difference.map { abs($0 + 0.05) < 1e-12 } == true)
    }

    @Test func policyFilesAreCheckedWithTheirLines() throws {
        let work = try TemporaryDirectory()
        defer { work.remove() }
        let good = try work.write("gates:\n  - {metric: f1, min: 0.6}\n  - {suite: \"a*\", metric: accuracy, max_drop: 0.02, significance: 0.05}\n", to: "good.yaml")
        let policy = try GatePolicy(path: good.path)
        #expect(policy.rules.count == 2)
        #expect(policy.rules[1].significance == 0.05 && policy.rules[1].line == 3)
        let empty = try work.write("gates:\n  - {metric: f1}\n", to: "empty.yaml")
        #expect { try GatePolicy(path: empty.path) } throws: { ($0 as? HarkError)?.location?.line == 2 }
        let typed = try work.write("gates:\n  - {metric: f1, min: high}\n", to: "typed.yaml")
        #expect { try GatePolicy(path: typed.path) } throws: { ($0 as? HarkError)?.message.contains("min: expected a number") == true }
    }
}
