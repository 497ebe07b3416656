/// Counts of what the mock server did, served at `GET /stats` and read by tests.
public struct MockStatistics: Sendable, Hashable, Codable {
    public var requests = 0
    public var answered = 0
    public var serverErrors = 0
    public var rateLimited = 0
    public var hung = 0
    public var malformed = 0
    public var dropped = 0
    public var invalid = 0

    public init() {}

    enum CodingKeys: String, CodingKey {
        case requests, answered, hung, malformed, dropped, invalid
        case serverErrors = "server_errors"
        case rateLimited = "rate_limited"
    }
}

/// The shape of one request the mock server received: for tests of what clients send.
public struct ReceivedRequest: Sendable, Hashable {
    /// Content parts of the user message in order: `audio:<sha256 of the clip bytes>` or `text:<text>`.
    public var parts: [String]
    public var system: String?
    public var model: String?
    public var authorization: Bool
}
