import ArgumentParser
import Foundation
import HarkCore
import HarkGate
import HarkScoring

/// Comparing two runs of many items with the paired bootstrap.
struct CompareBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare", abstract: "Compare two runs of many items (paired bootstrap of F1 and the rest).")

    @Option(help: "Items in each run.")
    var items = 100_000

    @Option(help: "Paired bootstrap resamples.")
    var resamples = 10_000

    @Option(help: "Measured repetitions (after one warm-up).")
    var repeats = 3

    func run() throws {
        var generator = SplitMix64(seed: 5)
        var before: [ScoreRecord] = []
        var after: [ScoreRecord] = []
        let answers = ["yes", "no", "unparsed"]
        for index in 0..<items {
            let expected = index % 2 == 0 ? "yes" : "no"
            func answer(_ error: Double) -> String {
                let draw = Double(generator.next() >> 11) / Double(1 << 53)
                return draw < error ? answers[Int(generator.next() % 3)] : expected
            }
            for (list, error) in [(0, 0.2), (1, 0.22)] {
                let extracted = answer(error)
                let record = ScoreRecord(
                    key: "s/i\(index)#t0", suite: "s", item: "i\(index)", template: "t0", extracted: extracted,
                    expected: expected,
                    correct: extracted == expected, tags: [:])
                if list == 0 { before.append(record) } else { after.append(record) }
            }
        }
        func side(_ name: String, _ scores: [ScoreRecord]) -> RunComparison.Side {
            let manifest = RunManifest(
                run: name, suites: [],
                model: .init(name: name, adapter: "replay", identity: name, settings: .object([:])),
                generation: GenerationSettings(), audio: .object([:]), plan: .init(), seeds: [:], startedAt: "")
            return RunComparison.Side(
                name: name,
                results: RunResults(
                    manifest: manifest,
                    suites: [.init(id: "s", task: .yesNo, fingerprint: "f", counts: RunResults.SuiteCounts())]),
                scores: scores)
        }
        let baseline = side("a", before)
        let candidate = side("b", after)
        var comparison: RunComparison?
        let measurement = try Measurement.of(repeats: repeats) {
            comparison = try RunComparison(baseline: baseline, candidate: candidate, resamples: resamples, seed: 1)
        }
        print(
            "compare: two runs of \(items) items, \(resamples) paired bootstrap resamples per metric (accuracy CI, F1, P, R, yes-ratio, unparsed rate)"
        )
        print(String(format: "  median %.0f ms (%@)", measurement.medianWall * 1_000, measurement.spread))
        if let f1 = comparison?.suites.first?.change("f1") {
            print(
                String(
                    format: "  F1 %.4f → %.4f, change %+.4f [%+.4f, %+.4f], p = %.3g", f1.baseline, f1.candidate,
                    f1.difference, f1.ci[0], f1.ci[1], f1.pValue))
        }
    }
}
