import Foundation
import HarkCore
import HarkScoring
import HarkTestSupport
import Testing

/// hark's estimators against statsmodels and scipy on the same data (`make_statistics.py`):
/// cluster-robust standard errors and t intervals to 1e-9, Holm and Benjamini–Hochberg to 1e-12,
/// power to 1e-12 and minimum detectable effects and sample sizes to statsmodels' solver tolerance,
/// t quantiles.
@Suite struct StatisticsTests {
    struct Golden: Decodable {
        struct Clustered: Decodable {
            var values: [Double]
            var clusters: [Int]
            var mean: Double
            var standardError: Double
            var naiveStandardError: Double
            var interval: [Double]
        }
        struct Adjusted: Decodable { var p: [Double], holm: [Double], bh: [Double] }
        struct PowerCase: Decodable {
            var n: Int?
            var change: Double?
            var deviation: Double
            var alpha: Double
            var power: Double
            var minimumDetectableEffect: Double?
            var requiredSamples: Double?
        }
        struct Quantile: Decodable { var p: Double, df: Double, t: Double }
        struct PowerValue: Decodable { var effect: Double, n: Int, alpha: Double, power: Double }
        var clustered: [Clustered]
        var multiplicity: [Adjusted]
        var power: [PowerCase]
        var powerValues: [PowerValue]
        var tQuantiles: [Quantile]
    }

    static let golden: Golden? = {
        let url = HarkCLI.packageRoot.appendingPathComponent("Tests/HarkScoringTests/Golden/statistics.json")
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try? decoder.decode(Golden.self, from: Data(contentsOf: url))
    }()

    @Test func clusteredStandardErrorsMatchStatsmodels() throws {
        let sets = try #require(Self.golden?.clustered)
        try #require(sets.count >= 6)
        for set in sets {
            var sums: [Int: (sum: Double, count: Int)] = [:]
            for (value, cluster) in zip(set.values, set.clusters) {
                sums[cluster, default: (0, 0)].sum += value
                sums[cluster, default: (0, 0)].count += 1
            }
            let estimate = ClusteredMean(
                clusters: sums.sorted { $0.key < $1.key }.map(\.value),
                sumOfSquares: set.values.reduce(0) { $0 + $1 * $1 })
            #expect(abs(estimate.mean - set.mean) < 1e-12)
            #expect(abs(estimate.standardError - set.standardError) < 1e-9)
            #expect(abs(estimate.naiveStandardError - set.naiveStandardError) < 1e-9)
            let interval = estimate.interval(lower: -.infinity, upper: .infinity)
            #expect(abs(interval[0] - set.interval[0]) < 1e-9 && abs(interval[1] - set.interval[1]) < 1e-9)
        }
    }

    @Test func adjustedPValuesMatchStatsmodels() throws {
        let sets = try #require(Self.golden?.multiplicity)
        try #require(sets.count >= 10)
        for set in sets {
            for (got, want) in zip(Multiplicity.holm.adjust(set.p), set.holm) { #expect(abs(got - want) < 1e-12) }
            for (got, want) in zip(Multiplicity.benjaminiHochberg.adjust(set.p), set.bh) {
                #expect(abs(got - want) < 1e-12)
            }
        }
    }

    @Test func powerMatchesStatsmodels() throws {
        let cases = try #require(Self.golden?.power)
        try #require(cases.count >= 6)
        for item in cases {
            if let n = item.n, let expected = item.minimumDetectableEffect {
                let effect = Power.minimumDetectableEffect(
                    standardError: item.deviation / Double(n).squareRoot(), alpha: item.alpha, power: item.power)
                // statsmodels solves to about 1e-6 (brentq's tolerance); the power itself is exact below.
                #expect(abs(effect - expected) / item.deviation < 1e-5)
            }
            if let change = item.change, let expected = item.requiredSamples {
                let samples = Power.requiredSamples(
                    effect: change, deviation: item.deviation, alpha: item.alpha, power: item.power)
                #expect(abs(samples - expected) < 1e-6 * expected)
            }
        }
        let values = try #require(Self.golden?.powerValues)
        try #require(values.count >= 5)
        for item in values {
            // statsmodels' effect size is in standard deviations: the standard error is 1/√n.
            let power = Power.power(
                effect: item.effect, standardError: 1 / Double(item.n).squareRoot(), alpha: item.alpha)
            #expect(abs(power - item.power) < 1e-12)
        }
        for quantile in try #require(Self.golden?.tQuantiles) {
            #expect(abs(Distributions.tQuantile(quantile.p, df: quantile.df) - quantile.t) < 1e-9)
        }
    }
}
