public import HarkCore

/// The first whole word "yes" or "no", in any case; nothing else counts.
public struct StrictYesNoExtractor: YesNoExtractor {
    public static let name = "strict"

    public init() {}

    public func extract(_ response: String) -> YesNo? {
        for word in Words.split(response.lowercased()) {
            if word == "yes" { return .yes }
            if word == "no" { return .no }
        }
        return nil
    }
}

/// Splitting text into words: runs of letters, digits and inner apostrophes ("don't"), curly
/// apostrophes made straight; quotes around a word are not part of it.
enum Words {
    static func split(_ text: String) -> [Substring] {
        let normalised = text.replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "\u{2018}", with: "'")
        return normalised.split { !($0.isLetter || $0.isNumber || $0 == "'") }
            .map { $0.drop { $0 == "'" } }
            .map { word in word.dropLast(word.reversed().prefix { $0 == "'" }.count) }
            .filter { !$0.isEmpty }
    }
}
