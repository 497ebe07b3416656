import Foundation
public import HarkCore

/// Answers "Yes" to everything: the floor of a hallucination table (yes-ratio 1, recall of "no" 0).
public struct AlwaysYesAdapter: ModelAdapter {
    public init() {}
    public var identity: String { "always-yes" }
    public func respond(to request: ModelRequest, audio: [EncodedClip]) async throws -> ModelResponse {
        ModelResponse(text: "Yes", finishReason: "stop")
    }
}
