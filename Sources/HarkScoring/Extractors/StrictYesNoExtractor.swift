public import HarkCore

/// The first whole word "yes" or "no", in any case; nothing else counts.
public struct StrictYesNoExtractor: YesNoExtractor {
    public static let name = "strict"

    public init() {}

    static let yes = Array("yes".utf8)
    static let no = Array("no".utf8)

    public func extract(_ response: String) -> YesNo? {
        let text = TextTokens(response)
        for index in text.words.indices {
            if text.word(index, is: Self.yes) { return .yes }
            if text.word(index, is: Self.no) { return .no }
        }
        return nil
    }
}
