import Foundation

/// McNemar's exact test on paired right/wrong outcomes: of the b items that went right → wrong and
/// the c that went wrong → right, is the split further from even than chance? Two-sided binomial
/// test with p = 1/2 over b + c (scipy's `binomtest(b, b + c, 0.5)`; 1 when nothing flipped).
public enum McNemar {
    public static func exactPValue(b: Int, c: Int) -> Double {
        let n = b + c
        guard n > 0 else { return 1 }
        let low = min(b, c)
        if 2 * low == n { return 1 }
        // P(X ≤ low) for X ~ Binomial(n, 1/2), summed in log space from the largest term down.
        let logHalfPower = Double(n) * log(0.5)
        let logChoose = { (k: Int) in lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1)) }
        let top = logChoose(low) + logHalfPower
        var sum = 0.0
        for k in stride(from: low, through: 0, by: -1) {
            let term = exp(logChoose(k) + logHalfPower - top)
            sum += term
            if term < 1e-17 * sum { break }
        }
        return min(1, 2 * exp(top) * sum)
    }
}
