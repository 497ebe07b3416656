/// Power of a two-sided z-test of a change, as statsmodels' `NormalIndPower` (one sample,
/// `ratio=0`) computes it, both tails counted: power(δ) = Φ(δ/SE − z) + Φ(−δ/SE − z), z = Φ⁻¹(1 − α/2).
public enum Power {
    public static func power(effect: Double, standardError: Double, alpha: Double = 0.05) -> Double {
        guard standardError > 0 else { return effect == 0 ? alpha : 1 }
        let z = Distributions.normalQuantile(1 - alpha / 2)
        let shift = abs(effect) / standardError
        return Distributions.normalCDF(shift - z) + Distributions.normalCDF(-shift - z)
    }

    /// The smallest change detected with `power` by a test whose estimate has this standard error.
    public static func minimumDetectableEffect(standardError: Double, alpha: Double = 0.05, power target: Double = 0.8)
        -> Double
    {
        guard standardError > 0 else { return 0 }
        var (low, high) = (0.0, 100 * standardError)
        for _ in 0..<200 {
            let middle = (low + high) / 2
            if middle == low || middle == high { break }
            if power(effect: middle, standardError: standardError, alpha: alpha) < target {
                low = middle
            } else {
                high = middle
            }
        }
        return (low + high) / 2
    }

    /// Samples needed to detect a change `effect` with `power`, when one sample's difference has
    /// standard deviation `deviation` and clustering multiplies the variance by `designEffect`.
    public static func requiredSamples(
        effect: Double, deviation: Double, designEffect: Double = 1, alpha: Double = 0.05, power target: Double = 0.8
    ) -> Double {
        guard effect != 0, deviation > 0 else { return 0 }
        var (low, high) = (1e-9, 1e12)
        for _ in 0..<300 {
            let middle = (low * high).squareRoot()
            let standardError = deviation * (designEffect / middle).squareRoot()
            if power(effect: effect, standardError: standardError, alpha: alpha) < target {
                low = middle
            } else {
                high = middle
            }
            if high / low < 1 + 1e-15 { break }
        }
        return high
    }
}
