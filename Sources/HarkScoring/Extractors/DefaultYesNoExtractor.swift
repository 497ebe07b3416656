public import HarkCore

/// hark's yes/no reading: word-boundary aware, and aware of how models say no without saying "no".
///
/// In order: a leading "yes"/"no" (after markdown and punctuation) decides; then negated
/// perception or presence ("I don't hear", "there's no", "cannot detect", "is absent", "nothing
/// but", "not present") means no; then the first whole word "yes" or "no"; then affirmed presence
/// ("I can hear", "there is a", "contains", "is present") means yes. Anything else is unparsed.
public struct DefaultYesNoExtractor: YesNoExtractor {
    public static let name = "default"

    public init() {}

    static let negations: [[[UInt8]]] = [
        "there is no", "there's no", "there are no", "there isn't", "there aren't", "there is not", "there are not",
        "no sound", "nothing but", "don't hear", "do not hear", "didn't hear", "did not hear", "cannot hear", "can't hear",
        "can not hear", "couldn't hear", "could not hear", "cannot detect", "can't detect", "can not detect", "don't detect",
        "do not detect", "does not contain", "doesn't contain", "do not contain", "don't contain", "did not detect",
        "didn't detect", "not present", "is absent", "are absent", "absent", "not audible", "inaudible", "no evidence",
        "not hear", "not detect", "there was no", "there were no", "not contain", "never hear",
    ].map(TextTokens.phrase)

    static let affirmations: [[[UInt8]]] = [
        "i can hear", "i hear", "can be heard", "is present", "are present", "there is a", "there is an", "there are",
        "there's a", "contains", "contain", "is audible", "i detect", "detected", "can detect",
    ].map(TextTokens.phrase)

    static let yes = Array("yes".utf8)
    static let no = Array("no".utf8)

    public func extract(_ response: String) -> YesNo? {
        let text = TextTokens(response)
        guard !text.words.isEmpty else { return nil }
        if text.word(0, is: Self.yes) { return .yes }
        if text.word(0, is: Self.no) { return .no }
        if Self.negations.contains(where: text.contains) { return .no }
        for index in text.words.indices {
            if text.word(index, is: Self.yes) { return .yes }
            if text.word(index, is: Self.no) { return .no }
        }
        if Self.affirmations.contains(where: text.contains) { return .yes }
        return nil
    }
}
