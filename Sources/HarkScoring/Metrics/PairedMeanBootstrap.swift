import HarkCore

/// The paired bootstrap of a per-sample mean's change between two runs of the same samples (a
/// caption's ECHO or Cover): resample the samples, take both runs' means on the same resample, and
/// the percentile interval of the difference with a two-sided p-value ((k + 1) / (B + 1)).
public struct PairedMeanBootstrap: Sendable {
    /// (baseline, candidate) per sample.
    public var pairs: [(Double, Double)] = []

    public init() {}

    public mutating func add(baseline: Double, candidate: Double) {
        pairs.append((baseline, candidate))
    }

    public func change(resamples: Int = 10_000, seed: UInt64) -> PairedBootstrap.Change {
        let count = pairs.count
        let baseline = count == 0 ? 0 : pairs.reduce(0) { $0 + $1.0 } / Double(count)
        let candidate = count == 0 ? 0 : pairs.reduce(0) { $0 + $1.1 } / Double(count)
        guard count > 0, resamples > 1 else {
            return PairedBootstrap.Change(
                baseline: baseline, candidate: candidate, difference: candidate - baseline, interval: [0, 0], pValue: 1)
        }
        let differences = pairs.map { $0.1 - $0.0 }
        var generator = SplitMix64(seed: seed)
        var resampled: [Double] = []
        resampled.reserveCapacity(resamples)
        for _ in 0..<resamples {
            var sum = 0.0
            for _ in 0..<count { sum += differences[Int(generator.next() % UInt64(count))] }
            resampled.append(sum / Double(count))
        }
        return PairedBootstrap.Change(
            baseline: baseline, candidate: candidate, difference: candidate - baseline,
            interval: Bootstrap.percentileInterval(resampled), pValue: PairedBootstrap.pValue(resampled),
            standardError: PairedBootstrap.standardError(resampled))
    }
}
