import HarkCore

/// Seeded bootstrap confidence intervals for metrics that are not per-item means (precision, recall,
/// F1): resample the items with replacement, recompute, take the 2.5th and 97.5th percentiles
/// (linear interpolation, as numpy's default).
public enum Bootstrap {
    public static let defaultResamples = 1_000

    /// Intervals for yes/no metrics over a confusion table: resampling the items is drawing the six
    /// cells from a multinomial with the table's proportions, done exactly by conditional binomials. `metrics` maps a resampled table to values, in a fixed
    /// order; the result holds one interval per value.
    public static func yesNoIntervals(
        _ table: YesNoConfusion, resamples: Int = defaultResamples, seed: UInt64, metrics: (YesNoConfusion) -> [Double]
    ) -> [[Double]] {
        let total = table.total
        guard total > 0, resamples > 1 else { return metrics(table).map { _ in [0, 0] } }
        let cells = [table.yesYes, table.yesNo, table.yesUnparsed, table.noYes, table.noNo, table.noUnparsed]
        var generator = SplitMix64(seed: seed)
        var draws: [[Double]] = []
        draws.reserveCapacity(resamples)
        for _ in 0..<resamples {
            // Resampling `total` items with replacement gives multinomial cell counts; each cell is a
            // binomial draw from what the cells before it left.
            var counts = [Int](repeating: 0, count: 6)
            var remaining = total
            var mass = total
            for cell in 0..<5 where remaining > 0 && mass > 0 {
                let uniform = Double(generator.next() >> 11) / Double(1 << 53)
                counts[cell] = Binomial.draw(n: remaining, p: Double(cells[cell]) / Double(mass), uniform: uniform)
                remaining -= counts[cell]
                mass -= cells[cell]
            }
            counts[5] = remaining
            draws.append(
                metrics(
                    YesNoConfusion(
                        yesYes: counts[0], yesNo: counts[1], yesUnparsed: counts[2], noYes: counts[3], noNo: counts[4],
                        noUnparsed: counts[5])))
        }
        return (0..<(draws.first?.count ?? 0)).map { metric in
            percentileInterval(draws.map { $0[metric] })
        }
    }

    /// The 2.5th and 97.5th percentiles.
    public static func percentileInterval(_ values: [Double]) -> [Double] {
        let sorted = values.sorted()
        return [percentile(sorted, 2.5), percentile(sorted, 97.5)]
    }

    /// numpy's default ("linear") percentile of sorted values.
    public static func percentile(_ sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let position = q / 100 * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        let fraction = position - Double(lower)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction
    }
}
