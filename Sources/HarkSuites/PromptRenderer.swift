public import HarkCore

/// Turns an item into the prompts a model is asked: the item's own question, or one prompt per
/// suite template, with the suite's prefix in front.
public struct PromptRenderer: Sendable {
    /// One rendered prompt: `template` is `q` for the item's own question, `t0`, `t1`, … for templates.
    public struct Prompt: Sendable, Hashable {
        public var template: String
        public var text: String
    }

    public let manifest: SuiteManifest

    public init(manifest: SuiteManifest) {
        self.manifest = manifest
    }

    public var system: String? { manifest.prompt.system }

    public func prompts(for item: Item) -> [Prompt] {
        if let question = item.question {
            return [Prompt(template: "q", text: prefixed(question))]
        }
        var values: [String: String] = [:]
        if case .yesNo(let object?, _) = item.answerKey { values["object"] = object }
        return manifest.prompt.templates.enumerated().map { index, template in
            Prompt(template: "t\(index)", text: prefixed(Template.render(template, values)))
        }
    }

    func prefixed(_ question: String) -> String {
        guard let prefix = manifest.prompt.prefix, !prefix.isEmpty else { return question }
        return prefix + " " + question
    }
}
