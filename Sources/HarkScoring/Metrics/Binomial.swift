import Foundation

/// Exact binomial draws by inversion, walking out from the mode (m, m+1, m−1, m+2, …) and summing
/// the probabilities by their recurrences until they pass a uniform draw: O(√(npq)) steps, the same
/// number for the same seed on every machine.
enum Binomial {
    static func draw(n: Int, p: Double, uniform u: Double) -> Int {
        guard n > 0, p > 0 else { return 0 }
        guard p < 1 else { return n }
        let q = 1 - p
        let mode = min(n, Int((Double(n + 1) * p).rounded(.down)))
        let logMode =
            lgamma(Double(n + 1)) - lgamma(Double(mode + 1)) - lgamma(Double(n - mode + 1))
            + Double(mode) * log(p) + Double(n - mode) * log(q)
        let atMode = exp(logMode)
        var sum = atMode
        if u < sum { return mode }
        var up = mode
        var upProbability = atMode
        var down = mode
        var downProbability = atMode
        let ratio = p / q
        while up < n || down > 0 {
            if up < n {
                upProbability *= Double(n - up) / Double(up + 1) * ratio
                up += 1
                sum += upProbability
                if u < sum { return up }
            }
            if down > 0 {
                downProbability *= Double(down) / Double(n - down + 1) / ratio
                down -= 1
                sum += downProbability
                if u < sum { return down }
            }
        }
        return mode  // u beyond the summed mass by rounding: the mode is the likeliest value
    }
}
