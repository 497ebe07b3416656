public import HarkCore

/// The items of the suites in a run, found by suite and item id: what the baselines and the
/// oracle answer from.
public struct ItemCatalog: Sendable {
    private var items: [String: Item] = [:]
    private var extractors: [String: String] = [:]

    public init() {}

    /// Adds a suite's items, answered under `extractor` (the suite's scoring setting).
    public mutating func add(suite: String, items: [Item], extractor: String?) {
        for item in items { self.items[suite + "/" + item.id] = item }
        extractors[suite] = extractor
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
