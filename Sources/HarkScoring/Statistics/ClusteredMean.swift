/// The mean of per-sample values whose samples come in clusters (the questions of one clip), with
/// its cluster-robust standard error (Miller 2024, "Adding Error Bars to Evals", eq. 4; statsmodels'
/// OLS on an intercept with `cov_type="cluster"`):
///
///     SE² = C / (C − 1) · Σ_c (Σ_{i∈c} (y_i − ȳ))² / n²
///
/// for n samples in C clusters, and the naive standard error of independent samples beside it
/// (Σ (y_i − ȳ)² / (n (n − 1))), whose ratio of variances is the design effect.
public struct ClusteredMean: Sendable, Hashable {
    public var mean: Double
    public var standardError: Double
    public var naiveStandardError: Double
    public var n: Int
    public var clusters: Int

    /// `clusters`: each cluster's sum of values and count; `sumOfSquares`: Σ y_i² over all samples.
    public init(clusters: [(sum: Double, count: Int)], sumOfSquares: Double) {
        let n = clusters.reduce(0) { $0 + $1.count }
        let total = clusters.reduce(0) { $0 + $1.sum }
        self.n = n
        self.clusters = clusters.count
        mean = n == 0 ? 0 : total / Double(n)
        let mean = self.mean
        let count = Double(n)
        guard n > 1, clusters.count > 1 else {
            standardError = 0
            naiveStandardError = 0
            return
        }
        let between = clusters.reduce(0) { sum, cluster in
            let residual = cluster.sum - Double(cluster.count) * mean
            return sum + residual * residual
        }
        let groups = Double(clusters.count)
        standardError = (groups / (groups - 1) * between / (count * count)).squareRoot()
        let within = max(0, sumOfSquares - count * mean * mean)
        naiveStandardError = (within / (count * (count - 1))).squareRoot()
    }

    /// Clustered variance over naive variance (1 when samples are independent; 0 when undefined).
    public var designEffect: Double {
        naiveStandardError == 0 ? 0 : (standardError * standardError) / (naiveStandardError * naiveStandardError)
    }

    /// The 95% interval mean ± t·SE with t of C − 1 degrees of freedom (for few clusters), within
    /// [`lower`, `upper`].
    public func interval(level: Double = 0.95, lower: Double = 0, upper: Double = 1) -> [Double] {
        guard clusters > 1 else { return [mean, mean] }
        let t = Distributions.tQuantile(1 - (1 - level) / 2, df: Double(clusters - 1))
        return [max(lower, mean - t * standardError), min(upper, mean + t * standardError)]
    }
}
