public import HarkCore

/// The first whole word "yes" or "no", in any case; nothing else counts.
public struct StrictYesNoExtractor: YesNoExtractor {
    public static let name = "strict"

    public init() {}

    public func extract(_ response: String) -> YesNo? {
        let text = TextTokens(response)
        for index in text.words.indices {
            if text.word(index, is: DefaultYesNoExtractor.yes) { return .yes }
            if text.word(index, is: DefaultYesNoExtractor.no) { return .no }
        }
        return nil
    }
}
