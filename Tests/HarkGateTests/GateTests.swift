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
        var counts = RunResults.SuiteCounts()
        counts.samples = 100
        counts.answered = 100 - errors
        counts.errors = errors
        counts.unparsed = unparsed
        let manifest = RunManifest(
            run: id, suites: [], model: .init(name: id, adapter: "x", identity: id, settings: .object([:])),
            generation: GenerationSettings(),
            audio: .object([:]), plan: .init(), seeds: [:], startedAt: "")
        return RunResults(
            manifest: manifest,
            suites: [
                .init(
                    id: "audiocaps-random", task: .yesNo, fingerprint: "f", counts: counts,
                    metrics: ["accuracy": MetricValue(accuracy, n: 100)]),
                .init(
                    id: "clotho", task: .caption, fingerprint: "g", counts: counts,
                    metrics: ["echo_i": MetricValue(0.2, n: 100)]),
            ])
    }

    @Test func floorsCeilingsAndWildcards() throws {
        let policy = GatePolicy(rules: [
            .init(suite: "audiocaps-*", metric: "accuracy", min: 0.8, line: 2),
            .init(suite: "*", metric: "error_rate", max: 0.01, line: 3),
        ])
        let verdicts = try Gate.evaluate(
            policy, candidate: results("c", accuracy: 0.75, errors: 2), baseline: nil, comparison: nil)
        #expect(verdicts.map(\.suite) == ["audiocaps-random", "audiocaps-random", "clotho"])
        #expect(verdicts.map(\.passed) == [false, false, false])
        #expect(verdicts[0].message == "accuracy = 0.7500 is below the floor 0.8")
        #expect(verdicts[1].message == "error_rate = 0.0200 is above the ceiling 0.01")
        #expect(
            verdicts[0].line
                == "FAIL  audiocaps-random  \(verdicts[0].rule)  —  accuracy = 0.7500 is below the floor 0.8")
        #expect(Gate.summary(verdicts) == "gate: FAILED (3 of 3 checks)")
        #expect(Gate.summary([]) == "gate: passed (0 checks)")
    }

    @Test func aChangeRuleNeedsABaseline() {
        let policy = GatePolicy(rules: [.init(suite: "*", metric: "accuracy", maxDrop: 0.02, line: 4)])
        #expect {
            try Gate.evaluate(policy, candidate: results("c", accuracy: 0.7), baseline: nil, comparison: nil)
        } throws: {
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
        let good = try work.write(
            "gates:\n  - {metric: f1, min: 0.6}\n  - {suite: \"a*\", metric: accuracy, max_drop: 0.02, significance: 0.05}\n",
            to: "good.yaml")
        let policy = try GatePolicy(path: good.path)
        #expect(policy.rules.count == 2)
        #expect(policy.rules[1].significance == 0.05 && policy.rules[1].line == 3)
        let empty = try work.write("gates:\n  - {metric: f1}\n", to: "empty.yaml")
        #expect { try GatePolicy(path: empty.path) } throws: { ($0 as? HarkError)?.location?.line == 2 }
        let typed = try work.write("gates:\n  - {metric: f1, min: high}\n", to: "typed.yaml")
        #expect { try GatePolicy(path: typed.path) } throws: {
            ($0 as? HarkError)?.message.contains("min: expected a number") == true
        }
    }

    /// A rule whose suite pattern matches nothing fails (it used to pass: "0 checks"), unless it
    /// is optional; a candidate missing a suite the baseline has fails, unless allowed.
    @Test func aRuleMatchingNothingOrAMissingSuiteFailsTheGate() throws {
        let rule = GatePolicy.Rule(suite: "mmau-*", metric: "accuracy", min: 0.5, line: 4)
        let none = try Gate.evaluate(
            GatePolicy(rules: [rule]), candidate: results("c", accuracy: 0.9), baseline: nil, comparison: nil)
        #expect(none.map(\.passed) == [false])
        #expect(none.first?.message.contains("matches no suite of the candidate") == true)
        var optional = rule
        optional.optional = true
        #expect(
            try Gate.evaluate(
                GatePolicy(rules: [optional]), candidate: results("c", accuracy: 0.9), baseline: nil, comparison: nil
            ).isEmpty)

        var candidate = results("c", accuracy: 0.9)
        candidate.suites.removeLast()
        let floor = GatePolicy.Rule(suite: "*", metric: "accuracy", min: 0.5, line: 2)
        let missing = try Gate.evaluate(
            GatePolicy(rules: [floor]), candidate: candidate, baseline: results("b", accuracy: 0.9), comparison: nil)
        #expect(missing.filter { !$0.passed }.map(\.suite) == ["clotho"])
        let allowed = try Gate.evaluate(
            GatePolicy(rules: [floor], allowMissingSuites: true), candidate: candidate,
            baseline: results("b", accuracy: 0.9), comparison: nil)
        #expect(allowed.allSatisfy { $0.passed })
    }

    /// The accuracy change of a multiple-choice suite has a real paired interval (it printed
    /// [+0.00, +0.00]); runs that share no suite are refused; left-out samples are counted.
    @Test func everyTaskGetsAnIntervalAndLeftOutSamplesAreCounted() throws {
        func side(_ name: String, suites: [String], right: Int, of total: Int) -> RunComparison.Side {
            var results = results(name, accuracy: 0)
            results.suites = suites.map { id in
                var counts = RunResults.SuiteCounts()
                counts.samples = total + 5
                return .init(id: id, task: .multipleChoice, fingerprint: "f", counts: counts, metrics: [:])
            }
            let scores = suites.flatMap { suite in
                (0..<total).map { index in
                    ScoreRecord(
                        key: "\(suite)/i\(index)#q", suite: suite, item: "i\(index)", template: "q",
                        extracted: index < right ? "a" : "b",
                        expected: "a", correct: index < right, tags: [:])
                }
            }
            return RunComparison.Side(name: name, results: results, scores: scores)
        }
        let comparison = try RunComparison(
            baseline: side("base", suites: ["mmau", "extra"], right: 20, of: 60),
            candidate: side("cand", suites: ["mmau"], right: 36, of: 60),
            resamples: 2_000)
        let change = try #require(comparison.suites.first?.change("accuracy"))
        #expect(abs(change.difference - 16.0 / 60) < 1e-12)
        #expect(
            change.ci[0] > 0.1 && change.ci[1] < 0.45 && change.ci[0] < change.difference
                && change.difference < change.ci[1])
        #expect(comparison.baselineOnlySuites == ["extra"])
        #expect(comparison.baselineLeftOut == 65 + 5 && comparison.candidateLeftOut == 5)
        #expect(throws: HarkError.self) {
            try RunComparison(
                baseline: side("base", suites: ["a"], right: 1, of: 2),
                candidate: side("cand", suites: ["b"], right: 1, of: 2))
        }
    }

    /// Captions are compared per sample too: ECHO and Cover from the mentions and labels journaled
    /// in scores.jsonl, with paired bootstrap intervals.
    @Test func captionChangesHaveIntervals() throws {
        func side(_ name: String, hallucinating: Int) -> RunComparison.Side {
            var results = results(name, accuracy: 0)
            var counts = RunResults.SuiteCounts()
            counts.samples = 40
            results.suites = [.init(id: "clotho", task: .caption, fingerprint: "f", counts: counts, metrics: [:])]
            let scores = (0..<40).map { index in
                ScoreRecord(
                    key: "clotho/c\(index)#q", suite: "clotho", item: "c\(index)", template: "q",
                    extracted: index < hallucinating ? "dog, siren" : "dog", expected: "dog, rain", correct: nil,
                    tags: [:])
            }
            return RunComparison.Side(name: name, results: results, scores: scores)
        }
        let comparison = try RunComparison(
            baseline: side("base", hallucinating: 30), candidate: side("cand", hallucinating: 10), resamples: 2_000)
        let echo = try #require(comparison.suites.first?.change("echo_s"))
        #expect(abs(echo.difference - (-0.5)) < 1e-12)
        #expect(echo.ci[1] < 0 && echo.ci[0] > -0.8)
        #expect(comparison.suites.first?.change("cover")?.difference == 0)
        #expect(comparison.suites.first?.note == nil)
    }
}
