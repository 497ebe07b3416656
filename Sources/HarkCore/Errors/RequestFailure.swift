/// Why a request got no answer, classified so that retries, counts and reports agree.
public struct RequestFailure: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A 4xx answer other than 408, 409 and 429: the request itself is wrong; not retried.
        case clientError = "client_error"
        /// 429 Too Many Requests; retried after `Retry-After`.
        case rateLimited = "rate_limited"
        /// 5xx, 408 or 409; retried.
        case serverError = "server_error"
        /// No answer in time; retried.
        case timeout
        /// The connection failed or dropped; retried.
        case connection
        /// An answer that is not the expected JSON; retried.
        case malformedResponse = "malformed_response"
        /// A local worker process died or misbehaved.
        case worker
        /// A replay file has no answer for the request.
        case missingReplay = "missing_replay"
        /// A clip could not be decoded or encoded.
        case audio
        /// Anything else.
        case other
    }

    public var kind: Kind
    public var message: String
    /// The HTTP status, when there was one.
    public var status: Int?
    /// Seconds the server asked to wait before trying again.
    public var retryAfter: Double?

    public init(_ kind: Kind, _ message: String, status: Int? = nil, retryAfter: Double? = nil) {
        self.kind = kind
        self.message = message
        self.status = status
        self.retryAfter = retryAfter
    }

    public var isRetryable: Bool {
        switch kind {
        case .rateLimited, .serverError, .timeout, .connection, .malformedResponse, .worker: true
        case .clientError, .missingReplay, .audio, .other: false
        }
    }

    /// Classifies an HTTP status that is not a success.
    public static func http(status: Int, message: String, retryAfter: Double? = nil) -> RequestFailure {
        let kind: Kind =
            switch status {
            case 429: .rateLimited
            case 408, 409, 500...: .serverError
            default: .clientError
            }
        return RequestFailure(kind, message, status: status, retryAfter: retryAfter)
    }

    public var description: String {
        "\(kind.rawValue)" + (status.map { " (HTTP \($0))" } ?? "") + ": \(message)"
    }

    enum CodingKeys: String, CodingKey {
        case kind, message, status
    }
}
