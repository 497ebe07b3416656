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

    static let negations: [[String]] = [
        ["there", "is", "no"], ["there's", "no"], ["there", "are", "no"], ["there", "isn't"], ["there", "aren't"],
        ["there", "is", "not"], ["there", "are", "not"], ["no", "sound"], ["nothing", "but"],
        ["don't", "hear"], ["do", "not", "hear"], ["didn't", "hear"], ["did", "not", "hear"], ["cannot", "hear"],
        ["can't", "hear"], ["can", "not", "hear"], ["couldn't", "hear"], ["could", "not", "hear"],
        ["cannot", "detect"], ["can't", "detect"], ["can", "not", "detect"], ["don't", "detect"], ["do", "not", "detect"],
        ["does", "not", "contain"], ["doesn't", "contain"], ["do", "not", "contain"], ["don't", "contain"],
        ["did", "not", "detect"], ["didn't", "detect"], ["not", "present"], ["is", "absent"], ["are", "absent"],
        ["absent"], ["not", "audible"], ["inaudible"], ["no", "evidence"], ["not", "hear"], ["not", "detect"],
        ["there", "was", "no"], ["there", "were", "no"], ["not", "contain"], ["never", "hear"],
    ]

    static let affirmations: [[String]] = [
        ["i", "can", "hear"], ["i", "hear"], ["can", "be", "heard"], ["is", "present"], ["are", "present"],
        ["there", "is", "a"], ["there", "is", "an"], ["there", "are"], ["there's", "a"], ["contains"], ["contain"],
        ["is", "audible"], ["i", "detect"], ["detected"], ["can", "detect"],
    ]

    public func extract(_ response: String) -> YesNo? {
        let words = Words.split(response.lowercased()).map(String.init)
        guard let first = words.first else { return nil }
        if first == "yes" { return .yes }
        if first == "no" { return .no }
        if Self.contains(words, any: Self.negations) { return .no }
        for word in words {
            if word == "yes" { return .yes }
            if word == "no" { return .no }
        }
        if Self.contains(words, any: Self.affirmations) { return .yes }
        return nil
    }

    static func contains(_ words: [String], any phrases: [[String]]) -> Bool {
        for phrase in phrases where words.count >= phrase.count {
            for start in 0...(words.count - phrase.count) where words[start] == phrase[0] {
                if Array(words[start..<(start + phrase.count)]) == phrase { return true }
            }
        }
        return false
    }
}
