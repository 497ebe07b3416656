import HarkCore

/// Seeded cluster bootstraps of yes/no metrics: resample whole clusters with replacement (never
/// the samples inside them), add up their confusion tables, recompute. The percentile interval of a
/// metric, or of the changes of metrics between two runs of the same samples (the paired cluster
/// bootstrap, each cluster holding both runs' 18 cells).
public enum ClusterBootstrap {
    /// Intervals of `metrics` (values in a fixed order) over resampled sets of clusters.
    public static func intervals(
        _ clusters: [YesNoConfusion], resamples: Int = Bootstrap.defaultResamples, seed: UInt64,
        metrics: (YesNoConfusion) -> [Double]
    ) -> [[Double]] {
        let count = clusters.count
        guard count > 1, resamples > 1 else {
            return metrics(clusters.reduce(into: YesNoConfusion()) { $0.add($1) }).map { _ in [0, 0] }
        }
        let cells = clusters.flatMap { table in
            [table.yesYes, table.yesNo, table.yesUnparsed, table.noYes, table.noNo, table.noUnparsed]
        }
        var generator = SplitMix64(seed: seed)
        var draws: [[Double]] = []
        draws.reserveCapacity(resamples)
        cells.withUnsafeBufferPointer { cells in
            for _ in 0..<resamples {
                var sums = (0, 0, 0, 0, 0, 0)
                for _ in 0..<count {
                    let base = Int(generator.next() % UInt64(count)) &* 6
                    sums.0 &+= cells[base]
                    sums.1 &+= cells[base + 1]
                    sums.2 &+= cells[base + 2]
                    sums.3 &+= cells[base + 3]
                    sums.4 &+= cells[base + 4]
                    sums.5 &+= cells[base + 5]
                }
                draws.append(
                    metrics(
                        YesNoConfusion(
                            yesYes: sums.0, yesNo: sums.1, yesUnparsed: sums.2, noYes: sums.3, noNo: sums.4,
                            noUnparsed: sums.5)))
            }
        }
        return (0..<(draws.first?.count ?? 0)).map { metric in Bootstrap.percentileInterval(draws.map { $0[metric] }) }
    }

    /// The changes of several metrics between two runs from one set of resamples, clusters of
    /// `PairedBootstrap` cells resampled whole.
    public static func changes(
        _ clusters: [[Int]], resamples: Int = 10_000, seed: UInt64, metrics: [(YesNoConfusion) -> Double]
    ) -> [PairedBootstrap.Change] {
        var whole = [Int](repeating: 0, count: 18)
        for cluster in clusters { for cell in 0..<18 { whole[cell] += cluster[cell] } }
        let observed = PairedBootstrap.tables(whole)
        let count = clusters.count
        var differences = [[Double]](repeating: [], count: metrics.count)
        if count > 1, resamples > 1 {
            let flat = clusters.flatMap { $0 }
            var generator = SplitMix64(seed: seed)
            var drawn = [Int](repeating: 0, count: 18)
            for index in differences.indices { differences[index].reserveCapacity(resamples) }
            for _ in 0..<resamples {
                for cell in 0..<18 { drawn[cell] = 0 }
                for _ in 0..<count {
                    let base = Int(generator.next() % UInt64(count)) * 18
                    for cell in 0..<18 { drawn[cell] += flat[base + cell] }
                }
                let tables = PairedBootstrap.tables(drawn)
                for (index, metric) in metrics.enumerated() {
                    differences[index].append(metric(tables.candidate) - metric(tables.baseline))
                }
            }
        }
        return zip(metrics, differences).map { metric, resampled in
            let baseline = metric(observed.baseline)
            let candidate = metric(observed.candidate)
            guard !resampled.isEmpty else {
                return PairedBootstrap.Change(
                    baseline: baseline, candidate: candidate, difference: candidate - baseline, interval: [0, 0],
                    pValue: 1)
            }
            return PairedBootstrap.Change(
                baseline: baseline, candidate: candidate, difference: candidate - baseline,
                interval: Bootstrap.percentileInterval(resampled), pValue: PairedBootstrap.pValue(resampled),
                standardError: PairedBootstrap.standardError(resampled))
        }
    }
}
