/// How many requests may be in flight: fixed, or adaptive (additive increase, multiplicative
/// decrease): one more after a full window of successes, half after a 429 or a timeout.
public struct ConcurrencyLimit: Sendable {
    public let maximum: Int
    public let adaptive: Bool
    public private(set) var current: Int
    private var successes = 0

    public init(maximum: Int, adaptive: Bool) {
        self.maximum = max(1, maximum)
        self.adaptive = adaptive
        current = adaptive ? min(self.maximum, 4) : self.maximum
    }

    public mutating func record(congested: Bool) {
        guard adaptive else { return }
        if congested {
            current = max(1, current / 2)
            successes = 0
        } else {
            successes += 1
            if successes >= current {
                current = min(maximum, current + 1)
                successes = 0
            }
        }
    }
}
