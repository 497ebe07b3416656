/// Where a run stands, reported after every sample.
public struct RunProgress: Sendable, Hashable {
    public var total: Int
    public var done: Int
    public var errors: Int
    public var cacheHits: Int
    public var resumed: Int
    public var elapsed: Double
    public var concurrency: Int

    /// Samples per second finished by this invocation (resumed ones excluded).
    public var rate: Double {
        elapsed > 0 ? Double(done - resumed) / elapsed : 0
    }

    /// Seconds until the rest is done at the current rate.
    public var eta: Double? {
        rate > 0 ? Double(total - done) / rate : nil
    }
}
