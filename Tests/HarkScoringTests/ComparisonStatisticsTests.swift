import Foundation
import HarkCore
import HarkTestSupport
import Testing

@testable import HarkScoring

@Suite struct ComparisonStatisticsTests {
    struct Pair: Decodable, Sendable {
        var b: Int
        var c: Int
        var p: Double
    }

    @Test func mcnemarMatchesScipy() throws {
        let url = HarkCLI.packageRoot.appendingPathComponent("Tests/HarkScoringTests/Golden/mcnemar.json")
        let pairs = try JSONDecoder().decode([Pair].self, from: Data(contentsOf: url))
        #expect(pairs.count >= 30)
        for pair in pairs {
            let p = McNemar.exactPValue(b: pair.b, c: pair.c)
            let tolerance = max(1e-12, pair.p * 1e-9)
            #expect(abs(p - pair.p) <= tolerance, "b \(pair.b) c \(pair.c): \(p) vs \(pair.p)")
        }
    }

    func sample(_ seed: UInt64, items: Int, baselineError: Double, candidateError: Double) -> PairedBootstrap {
        var generator = SplitMix64(seed: seed)
        var pairs = PairedBootstrap()
        func unit() -> Double { Double(generator.next() >> 11) / Double(1 << 53) }
        for index in 0..<items {
            let label: YesNo = index % 2 == 0 ? .yes : .no
            let other: YesNo = label == .yes ? .no : .yes
            pairs.add(
                label: label, baseline: unit() < baselineError ? other : label,
                candidate: unit() < candidateError ? other : label)
        }
        return pairs
    }

    @Test func pairedBootstrapIsReproducibleWithItsSeed() {
        let pairs = sample(1, items: 500, baselineError: 0.2, candidateError: 0.25)
        let f1 = { (table: YesNoConfusion) in YesNoMetrics(table).f1 }
        #expect(
            pairs.change(resamples: 2_000, seed: 9, metric: f1) == pairs.change(resamples: 2_000, seed: 9, metric: f1))
        #expect(
            pairs.change(resamples: 2_000, seed: 9, metric: f1) != pairs.change(resamples: 2_000, seed: 10, metric: f1))
    }

    /// Simulation with a fixed seed: draw many pairs of runs from known error rates; the 95% interval
    /// of the accuracy difference should hold the true difference about 95% of the time.
    @Test func pairedBootstrapCoversTheTrueDifferenceAtAboutTheNominalRate() {
        let truth = (1 - 0.25) - (1 - 0.20)
        var covered = 0
        let trials = 200
        for trial in 0..<trials {
            let pairs = sample(UInt64(100 + trial), items: 400, baselineError: 0.20, candidateError: 0.25)
            let change = pairs.change(resamples: 400, seed: UInt64(trial)) { YesNoMetrics($0).accuracy }
            if change.interval[0] <= truth && truth <= change.interval[1] { covered += 1 }
        }
        let rate = Double(covered) / Double(trials)
        #expect(rate > 0.90 && rate < 0.99, "coverage \(rate)")
    }

    @Test func tablesFromCellsAreTheMarginals() {
        var pairs = PairedBootstrap()
        pairs.add(label: .yes, baseline: .yes, candidate: .no)
        pairs.add(label: .no, baseline: nil, candidate: .no)
        let (baseline, candidate) = PairedBootstrap.tables(pairs.cells)
        #expect(baseline == YesNoConfusion(yesYes: 1, yesNo: 0, yesUnparsed: 0, noYes: 0, noNo: 0, noUnparsed: 1))
        #expect(candidate == YesNoConfusion(yesYes: 0, yesNo: 1, yesUnparsed: 0, noYes: 0, noNo: 1, noUnparsed: 0))
    }
}
