public import HarkCore

/// What the mock server knows of the suites it answers for: each prompt it may be asked, with its
/// clips as the client sends them (encoded by the same audio pipeline), mapped to the item.
public struct MockOracle: Sendable {
    /// An item as one prompt asks it: with the form its right answer takes.
    public struct Entry: Sendable {
        public var item: Item
        public var form: ReferenceAnswer.ChoiceForm

        public init(item: Item, form: ReferenceAnswer.ChoiceForm) {
            self.item = item
            self.form = form
        }
    }

    private var items: [String: Entry] = [:]

    public init() {}

    /// Adds the item a prompt asks, with its clips as hashes of the bytes the client sends.
    public mutating func add(_ entry: Entry, system: String?, prompt: String, audio: [String]) {
        items[Self.key(system: system, prompt: prompt, audio: audio)] = entry
    }

    public func entry(system: String?, prompt: String, audio: [String]) -> Entry? {
        items[Self.key(system: system, prompt: prompt, audio: audio)]
    }

    public var count: Int { items.count }

    static func key(system: String?, prompt: String, audio: [String]) -> String {
        ([system ?? "", prompt] + audio).joined(separator: "\u{1F}")
    }
}
