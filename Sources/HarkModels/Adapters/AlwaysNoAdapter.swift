import Foundation
public import HarkCore

/// Answers "No" to everything.
public struct AlwaysNoAdapter: ModelAdapter {
    public init() {}
    public var identity: String { "always-no" }
    public func respond(to request: ModelRequest, audio: [EncodedClip]) async throws -> ModelResponse {
        ModelResponse(text: "No", finishReason: "stop")
    }
}
