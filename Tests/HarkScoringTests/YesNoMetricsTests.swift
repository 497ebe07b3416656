import Foundation
import HarkCore
import HarkTestSupport
import Testing

@testable import HarkScoring

@Suite struct YesNoMetricsTests {
    struct Case: Decodable, Sendable {
        var table: [String: Int]
        // swift-format-ignore: AlwaysUseLowerCamelCase
        var hark_no: [String: Double]
        // swift-format-ignore: AlwaysUseLowerCamelCase
        var hark_yes: [String: Double]
        // swift-format-ignore: AlwaysUseLowerCamelCase
        var kuan2024_interspeech: [String: Double]
        // swift-format-ignore: AlwaysUseLowerCamelCase
        var kuan2025_icassp: [String: Double]

        var confusion: YesNoConfusion {
            YesNoConfusion(
                yesYes: table["yes_yes"] ?? 0, yesNo: table["yes_no"] ?? 0, yesUnparsed: table["yes_unparsed"] ?? 0,
                noYes: table["no_yes"] ?? 0, noNo: table["no_no"] ?? 0, noUnparsed: table["no_unparsed"] ?? 0)
        }
    }

    static let cases: [Case] = {
        let url = HarkCLI.packageRoot.appendingPathComponent("Tests/HarkScoringTests/Golden/yesno-metrics.json")
        return (try? JSONDecoder().decode([Case].self, from: Data(contentsOf: url))) ?? []
    }()

    func check(_ metrics: YesNoMetrics, against expected: [String: Double], _ label: String) {
        let values = Dictionary(uniqueKeysWithValues: metrics.named)
        for (name, value) in expected {
            let actual = values[MetricName(name)]
            #expect(actual != nil && abs(actual! - value) <= 1e-12, "\(label) \(name): \(actual ?? .nan) vs \(value)")
            #expect(actual?.isNaN == false)
        }
    }

    @Test func enoughCasesIncludingDegenerateOnes() {
        #expect(Self.cases.count >= 30)
        #expect(Self.cases.contains { $0.confusion.total == 0 })
        #expect(Self.cases.contains { $0.confusion.unparsed == $0.confusion.total && $0.confusion.total > 0 })
        #expect(Self.cases.contains { $0.confusion.saidNo == 0 && $0.confusion.total > 0 })
    }

    @Test func harkPolicyMatchesScikitLearn() {
        for (index, golden) in Self.cases.enumerated() {
            check(
                YesNoMetrics(golden.confusion, positive: .no, policy: .hark), against: golden.hark_no,
                "case \(index) positive no")
            check(
                YesNoMetrics(golden.confusion, positive: .yes, policy: .hark), against: golden.hark_yes,
                "case \(index) positive yes")
        }
    }

    @Test func interspeechPolicyMatchesTheOfficialArithmetic() {
        for (index, golden) in Self.cases.enumerated() {
            check(
                YesNoMetrics(golden.confusion, policy: .kuan2024Interspeech), against: golden.kuan2024_interspeech,
                "case \(index)")
        }
    }

    @Test func icasspPolicyMatchesTheOfficialArithmetic() {
        for (index, golden) in Self.cases.enumerated() {
            check(
                YesNoMetrics(golden.confusion, policy: .kuan2025ICASSP), against: golden.kuan2025_icassp,
                "case \(index)")
        }
    }

    @Test func wilsonIntervalsAreKnownValues() {
        // statsmodels proportion_confint(8, 10, method="wilson"): (0.4901625, 0.9433178)
        let interval = Wilson.interval(successes: 8, n: 10)
        #expect(abs(interval[0] - 0.4901625) < 1e-6 && abs(interval[1] - 0.9433178) < 1e-6)
        #expect(Wilson.interval(successes: 0, n: 0) == [0, 0])
        #expect(Wilson.interval(successes: 0, n: 5)[0] == 0)
    }

    @Test func bootstrapIsSeededAndCoversTheEstimate() {
        let table = YesNoConfusion(yesYes: 40, yesNo: 10, yesUnparsed: 2, noYes: 15, noNo: 30, noUnparsed: 3)
        func intervals(_ seed: UInt64) -> [[Double]] {
            Bootstrap.yesNoIntervals(table, resamples: 400, seed: seed) { [YesNoMetrics($0).f1] }
        }
        #expect(intervals(7) == intervals(7))
        #expect(intervals(7) != intervals(8))
        let f1 = YesNoMetrics(table).f1
        let interval = intervals(7)[0]
        #expect(interval[0] < f1 && f1 < interval[1])
        #expect(interval[1] - interval[0] < 0.3)
    }

    @Test func percentileInterpolatesLikeNumpy() {
        // numpy.percentile([1, 2, 3, 4], [2.5, 97.5]) == [1.075, 3.925]
        #expect(Bootstrap.percentile([1, 2, 3, 4], 2.5) == 1.075)
        #expect(abs(Bootstrap.percentile([1, 2, 3, 4], 97.5) - 3.925) < 1e-12)
    }
}

@Suite struct BinomialTests {
    @Test(
        "binomial draws have the right mean and variance",
        arguments: [(1_000_000, 0.25), (50, 0.5), (10, 0.01), (7, 0.99)])
    func moments(n: Int, p: Double) {
        var generator = SplitMix64(seed: 11)
        let draws = (0..<20_000).map { _ in
            Double(Binomial.draw(n: n, p: p, uniform: Double(generator.next() >> 11) / Double(1 << 53)))
        }
        let mean = draws.reduce(0, +) / Double(draws.count)
        let variance = draws.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(draws.count - 1)
        let expectedVariance = Double(n) * p * (1 - p)
        // Standard error of the mean is √(npq / 20000); allow 5 of them.
        #expect(abs(mean - Double(n) * p) < 5 * (expectedVariance / 20_000).squareRoot() + 1e-9)
        #expect(abs(variance / expectedVariance - 1) < 0.06)
        #expect(draws.allSatisfy { $0 >= 0 && $0 <= Double(n) })
    }

    @Test func edgeProbabilities() {
        #expect(Binomial.draw(n: 10, p: 0, uniform: 0.5) == 0)
        #expect(Binomial.draw(n: 10, p: 1, uniform: 0.5) == 10)
        #expect(Binomial.draw(n: 0, p: 0.5, uniform: 0.5) == 0)
    }
}
