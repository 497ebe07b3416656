import HarkCore
import HarkScoring
import Testing

/// Fixed-seed simulations of data whose samples share a clip effect (each clip's questions are
/// right with the clip's own probability): the naive interval covers the true accuracy well below
/// 95%, the clustered one within [93%, 97%] (`GateFalseAlarmTests` does the same for the gate).
@Suite struct StatisticsSimulationTests {
    /// Each clip's probability of a right answer, uniform in [0.1, 0.9]: the true accuracy is 0.5.
    static func clipRates(_ clips: Int, _ generator: inout SplitMix64) -> [Double] {
        (0..<clips).map { _ in 0.1 + 0.8 * uniform(&generator) }
    }

    static func uniform(_ generator: inout SplitMix64) -> Double {
        Double(generator.next() >> 11) / Double(1 << 53)
    }

    @Test func clusteredIntervalsCoverAndNaiveOnesDoNot() {
        var generator = SplitMix64(seed: 2024)
        let trials = 400
        var naive = 0
        var clustered = 0
        for _ in 0..<trials {
            var tables = ClusterTables()
            for (clip, rate) in Self.clipRates(60, &generator).enumerated() {
                for _ in 0..<10 {
                    let right = Self.uniform(&generator) < rate
                    tables.add(cluster: String(clip), label: .yes, prediction: right ? .yes : .no)
                }
            }
            let whole = tables.tables.reduce(into: YesNoConfusion()) { $0.add($1) }
            let wilson = Wilson.interval(successes: whole.correct, n: whole.total)
            let robust = tables.proportion { $0.correct }.interval()
            if wilson[0] <= 0.5 && 0.5 <= wilson[1] { naive += 1 }
            if robust[0] <= 0.5 && 0.5 <= robust[1] { clustered += 1 }
        }
        let naiveCoverage = Double(naive) / Double(trials)
        let clusteredCoverage = Double(clustered) / Double(trials)
        print("coverage over \(trials) trials: naive \(naiveCoverage), clustered \(clusteredCoverage)")
        #expect(naiveCoverage < 0.85, "naive coverage \(naiveCoverage)")
        #expect((0.93...0.97).contains(clusteredCoverage), "clustered coverage \(clusteredCoverage)")
    }

    /// The cluster bootstrap (what precision, recall, F1 and bias use) on the same kind of data,
    /// checked by coverage of the true accuracy, beside the plain bootstrap.
    @Test func theClusterBootstrapCoversAndThePlainOneDoesNot() {
        var generator = SplitMix64(seed: 7)
        let trials = 200
        var covered = (cluster: 0, plain: 0)
        for trial in 0..<trials {
            var tables = ClusterTables()
            for (clip, rate) in Self.clipRates(60, &generator).enumerated() {
                for _ in 0..<10 {
                    tables.add(
                        cluster: String(clip), label: .yes, prediction: Self.uniform(&generator) < rate ? .yes : .no)
                }
            }
            let accuracy = { (table: YesNoConfusion) in [YesNoMetrics(table).accuracy] }
            let cluster = ClusterBootstrap.intervals(
                tables.tables, resamples: 400, seed: UInt64(trial), metrics: accuracy)
            let whole = tables.tables.reduce(into: YesNoConfusion()) { $0.add($1) }
            let plain = Bootstrap.yesNoIntervals(whole, resamples: 400, seed: UInt64(trial), metrics: accuracy)
            if cluster[0][0] <= 0.5 && 0.5 <= cluster[0][1] { covered.cluster += 1 }
            if plain[0][0] <= 0.5 && 0.5 <= plain[0][1] { covered.plain += 1 }
        }
        let clusterCoverage = Double(covered.cluster) / Double(trials)
        let plainCoverage = Double(covered.plain) / Double(trials)
        print("bootstrap coverage over \(trials) trials: plain \(plainCoverage), cluster \(clusterCoverage)")
        #expect(plainCoverage < 0.85)
        #expect((0.92...0.98).contains(clusterCoverage), "cluster bootstrap coverage \(clusterCoverage)")
    }
}
