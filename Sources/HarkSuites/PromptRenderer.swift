public import HarkCore

/// Turns an item into the prompts a model is asked: the item's own question, or one prompt per
/// suite template, with a multiple-choice item's choices after it and the suite's prefix in front.
public struct PromptRenderer: Sendable {
    /// One rendered prompt: `template` is `q` for the item's own question, `t0`, `t1`, … for templates.
    public struct Prompt: Sendable, Hashable {
        public var template: String
        public var text: String
        /// The order the choices are shown in (indices into the item's choices), when shuffled.
        public var choiceOrder: [Int]?
    }

    public let manifest: SuiteManifest

    public init(manifest: SuiteManifest) {
        self.manifest = manifest
    }

    public var system: String? { manifest.prompt.system }

    /// The names of the prompts `prompts(for:)` makes for the item, without rendering them: `q` for
    /// an item's own question, else `t0`, `t1`, … for the suite's templates.
    public func templates(for item: Item) -> [String] {
        item.question != nil ? ["q"] : manifest.prompt.templates.indices.map { "t\($0)" }
    }

    public func prompts(for item: Item) -> [Prompt] {
        let order = choiceOrder(for: item)
        if let question = item.question {
            return [
                Prompt(
                    template: "q", text: prefixed(withChoices(question, item: item, order: order)), choiceOrder: order)
            ]
        }
        var values: [String: String] = [:]
        if case .yesNo(let object?, _) = item.answerKey { values["object"] = object }
        return manifest.prompt.templates.enumerated().map { index, template in
            Prompt(
                template: "t\(index)",
                text: prefixed(withChoices(Template.render(template, values), item: item, order: order)),
                choiceOrder: order)
        }
    }

    /// The shuffled order of a multiple-choice item's choices: a permutation drawn from the suite's
    /// shuffle seed and the item id, so the same in every run. Nil when the suite does not shuffle.
    public func choiceOrder(for item: Item) -> [Int]? {
        guard let seed = manifest.prompt.shuffleChoices, case .multipleChoice(let choices, _) = item.answerKey else {
            return nil
        }
        var generator = SplitMix64(seed: StableHash.value(item.id, seed: seed))
        return generator.permutation(of: choices.count)
    }

    func withChoices(_ question: String, item: Item, order: [Int]?) -> String {
        guard case .multipleChoice(let choices, _) = item.answerKey else { return question }
        let format = manifest.prompt.choices
        let shown = order.map { $0.map { choices[$0] } } ?? choices
        let text = format.render(question: question, choices: shown)
        guard let answerFormat = manifest.prompt.answerFormat, !answerFormat.isEmpty else { return text }
        return text + format.separator + answerFormat
    }

    func prefixed(_ question: String) -> String {
        guard let prefix = manifest.prompt.prefix, !prefix.isEmpty else { return question }
        return prefix + " " + question
    }
}
