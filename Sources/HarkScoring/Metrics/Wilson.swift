/// The Wilson score interval of a proportion: well behaved at 0, 1 and small n, unlike the normal
/// approximation.
public enum Wilson {
    /// z for a two-sided 95% interval.
    public static let z95 = 1.959963984540054

    public static func interval(successes: Int, n: Int, z: Double = z95) -> [Double] {
        guard n > 0 else { return [0, 0] }
        let count = Double(n)
        let proportion = Double(successes) / count
        let z2 = z * z
        let centre = (proportion + z2 / (2 * count)) / (1 + z2 / count)
        let half =
            z * ((proportion * (1 - proportion) / count + z2 / (4 * count * count)).squareRoot()) / (1 + z2 / count)
        return [max(0, centre - half), min(1, centre + half)]
    }
}
