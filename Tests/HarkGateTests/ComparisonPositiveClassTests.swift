import HarkCore
import HarkGate
import HarkScoring
import Testing

@Suite struct ComparisonPositiveClassTests {
    /// F1, precision and recall changes are of the class the suite scores (here "yes"), not "no".
    @Test func changesUseTheSuitesPositiveClass() throws {
        func side(_ name: String, answers: [String]) -> RunComparison.Side {
            let labels = ["yes", "yes", "no", "no", "yes", "no"]
            let scores = zip(labels, answers).enumerated().map { index, pair in
                ScoreRecord(
                    key: "s/i\(index)#t0", suite: "s", item: "i\(index)", template: "t0", extracted: pair.1,
                    expected: pair.0, correct: pair.0 == pair.1, tags: [:])
            }
            var counts = RunResults.SuiteCounts()
            counts.samples = labels.count
            var suite = RunResults.SuiteResults(id: "s", task: .yesNo, fingerprint: "f", counts: counts, metrics: [:])
            suite.scoring = .object([
                "extractor": .string("default"), "policy": .string("hark"), "positive_class": .string("yes"),
                "bootstrap_resamples": .integer(100), "seed": .integer(0), "synonyms": .object([:]),
            ])
            let manifest = RunManifest(
                run: name, suites: [], model: .init(name: name, adapter: "x", identity: name, settings: .object([:])),
                generation: GenerationSettings(), audio: .object([:]), plan: .init(), seeds: [:], startedAt: "")
            return .init(name: name, results: RunResults(manifest: manifest, suites: [suite]), scores: scores)
        }
        let baseline = side("a", answers: ["yes", "yes", "yes", "yes", "yes", "no"])
        let candidate = side("b", answers: ["yes", "yes", "no", "no", "no", "no"])
        let comparison = try RunComparison(baseline: baseline, candidate: candidate, resamples: 100)
        let f1 = try #require(comparison.suites.first?.change(.f1))
        var table = YesNoConfusion()
        for (label, answer) in zip(["yes", "yes", "no", "no", "yes", "no"], ["yes", "yes", "yes", "yes", "yes", "no"]) {
            table.add(label: YesNo(rawValue: label) ?? .no, prediction: YesNo(rawValue: answer))
        }
        // F1 of "yes": 2·3 / (5 + 3) = 0.75; of "no" it would be 0.5.
        #expect(f1.baseline == YesNoMetrics(table, positive: .yes).f1)
        #expect(f1.baseline == 0.75)
    }
}
