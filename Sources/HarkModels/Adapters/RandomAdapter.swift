import Foundation
public import HarkCore

/// Answers at random, the same for the same seed and sample key: yes or no for yes-no items, one of
/// the choices for multiple-choice items, an empty answer otherwise.
public struct RandomAdapter: ModelAdapter {
    public let seed: UInt64
    public let catalog: ItemCatalog

    public init(seed: UInt64, catalog: ItemCatalog) {
        self.seed = seed
        self.catalog = catalog
    }

    public var identity: String { "random(seed=\(seed))" }

    public func respond(to request: ModelRequest, audio: [EncodedClip]) async throws -> ModelResponse {
        let draw = StableHash.unit(request.key, seed: seed)
        switch catalog.item(for: request)?.answerKey {
        case .multipleChoice(let choices, _)?:
            return ModelResponse(
                text: choices[min(Int(draw * Double(choices.count)), choices.count - 1)], finishReason: "stop")
        case .yesNo?, nil:
            return ModelResponse(text: draw < 0.5 ? "Yes" : "No", finishReason: "stop")
        default:
            return ModelResponse(text: "", finishReason: "stop")
        }
    }
}
