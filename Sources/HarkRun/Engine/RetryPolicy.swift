import Foundation
public import HarkCore

/// When to try a failed request again and how long to wait: exponential backoff with full jitter,
/// or the server's `Retry-After` when it gives one; only retryable failures (5xx, 408, 409, 429,
/// timeouts, dropped connections, malformed answers) are retried.
public struct RetryPolicy: Sendable, Hashable {
    public var maxRetries: Int
    public var baseDelay: Double
    public var maxDelay: Double

    public init(maxRetries: Int = 4, baseDelay: Double = 0.25, maxDelay: Double = 20) {
        self.maxRetries = maxRetries
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// The wait in seconds before retry number `retry` (1 for the first), or nil to give up.
    /// `jitter` is a number in [0, 1).
    public func delay(after failure: RequestFailure, retry: Int, jitter: Double) -> Double? {
        guard failure.isRetryable, retry <= maxRetries else { return nil }
        if let retryAfter = failure.retryAfter { return min(retryAfter, maxDelay * 3) }
        let ceiling = min(maxDelay, baseDelay * pow(2, Double(retry - 1)))
        return ceiling * jitter
    }
}
