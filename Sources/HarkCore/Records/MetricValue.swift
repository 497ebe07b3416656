/// One number of a result: its value, a 95% confidence interval when there is one, and the number
/// of samples it rests on. A value with `n` = 0 is undefined and written as 0.
public struct MetricValue: Sendable, Hashable, Codable {
    public var value: Double
    public var ci: [Double]?
    public var n: Int

    public init(_ value: Double, ci: [Double]? = nil, n: Int) {
        self.value = value.isFinite ? value : 0
        self.ci = ci
        self.n = n
    }
}
