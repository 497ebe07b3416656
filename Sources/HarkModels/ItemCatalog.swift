public import HarkCore
public import HarkSuites

/// The items of the suites in a run, found by suite and item id: what the baselines and the
/// oracle answer from.
public struct ItemCatalog: Sendable {
    private var items: [String: Item] = [:]
    private var extractors: [String: String] = [:]

    public init(suites: [Suite]) {
        for suite in suites {
            for item in suite.items { items[suite.id + "/" + item.id] = item }
            extractors[suite.id] = suite.manifest.scoring.extractor
        }
    }

    /// The form a right answer to `request` takes under its suite's extractor.
    public func choiceForm(for request: ModelRequest) -> ReferenceAnswer.ChoiceForm {
        ReferenceAnswer.ChoiceForm(order: request.choiceOrder, extractor: extractors[request.suiteID])
    }

    public func item(suite: String, id: String) -> Item? {
        items[suite + "/" + id]
    }

    public func item(for request: ModelRequest) -> Item? {
        item(suite: request.suiteID, id: request.itemID)
    }
}
