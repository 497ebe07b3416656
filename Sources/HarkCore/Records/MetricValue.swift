/// One number of a result: its value, a 95% confidence interval when there is one, and the number
/// of samples it rests on. A value with `n` = 0 is undefined and written as 0. With an interval:
/// the clusters its samples fall in, how the interval was computed (`cluster-t`,
/// `cluster-bootstrap`, `wilson`, `bootstrap`), and for clustered proportions the design effect
/// (clustered over naive variance).
public struct MetricValue: Sendable, Hashable, Codable {
    public var value: Double
    public var ci: [Double]?
    public var n: Int
    public var clusters: Int?
    public var method: String?
    public var designEffect: Double?

    public init(_ value: Double, ci: [Double]? = nil, n: Int) {
        self.value = value.isFinite ? value : 0
        self.ci = ci
        self.n = n
    }

    enum CodingKeys: String, CodingKey {
        case value, ci, n, clusters, method
        case designEffect = "design_effect"
    }
}
