import Foundation
public import HarkCore

/// Answers from the labels: the right answer every time. For checking that a pipeline scores a
/// perfect model as perfect.
public struct OracleAdapter: ModelAdapter {
    public let catalog: ItemCatalog

    public init(catalog: ItemCatalog) {
        self.catalog = catalog
    }

    public var identity: String { "oracle" }

    public func respond(to request: ModelRequest, audio: [EncodedClip]) async throws -> ModelResponse {
        guard let item = catalog.item(for: request) else {
            throw RequestFailure(.other, "the oracle has no item \(request.suiteID)/\(request.itemID)")
        }
        return ModelResponse(
            text: ReferenceAnswer.text(for: item, form: catalog.choiceForm(for: request)), finishReason: "stop")
    }
}
