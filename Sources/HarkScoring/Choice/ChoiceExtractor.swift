import Foundation
import HarkCore

/// Reads which choice a multiple-choice answer names.
///
/// - `letter`: a lone choice letter A–H ("B", "(B)", "B.", "Answer: C", "The correct answer is D").
/// - `default`: a letter, then a choice's exact text (the whole answer, or the only choice it
///   contains), then the MMAU token-set rule when exactly one choice passes it.
/// - `mmau`: the official rule, which only says right or wrong (see `MMAUMatcher`).
/// - `airbench`: AIR-Bench foundation's rule: the answer's first character when it is a choice
///   letter, else its second-to-last character.
///
/// Nothing is ever guessed: an answer that names no choice, or several, is unparsed.
public enum ChoiceExtractor: String, Sendable, CaseIterable, Codable {
    case `default`, letter, mmau, airbench

    /// The index of the choice the answer names, or nil (unparsed). Not for `mmau`.
    public func choice(in response: String, choices: [String]) -> Int? {
        switch self {
        case .letter: Self.letter(in: response, count: choices.count)
        case .airbench: Self.airBenchLetter(in: response, count: choices.count)
        case .default, .mmau:
            Self.letter(in: response, count: choices.count) ?? Self.exactText(in: response, choices: choices)
                ?? Self.tokenSet(in: response, choices: choices)
        }
    }

    static let letterPatterns: [NSRegularExpression] = [
        #"(?i)^\W*\(?([A-H])\)?\W*$"#,
        #"(?i)\b(?:correct\s+)?(?:answer|option|choice)\s*(?:is|:)?\s*:?\s*\(?([A-H])\)?(?:[\s.,:;)!]|$)"#,
    ].compactMap { try? NSRegularExpression(pattern: $0) }

    static func letter(in response: String, count: Int) -> Int? {
        let text = response.trimmingCharacters(in: .whitespacesAndNewlines)
        let range = NSRange(text.startIndex..., in: text)
        for pattern in letterPatterns {
            guard let match = pattern.firstMatch(in: text, range: range),
                let letterRange = Range(match.range(at: 1), in: text)
            else { continue }
            let index = Int(text[letterRange].uppercased().unicodeScalars.first!.value) - 65
            return index < count ? index : nil
        }
        return nil
    }

    static func airBenchLetter(in response: String, count: Int) -> Int? {
        let characters = Array(response)
        let letters = (0..<count).map { Character(ChoiceLetters.letter($0)) }
        if let first = characters.first, let index = letters.firstIndex(of: first) { return index }
        if characters.count >= 2, let index = letters.firstIndex(of: characters[characters.count - 2]) { return index }
        return nil
    }

    static func normalised(_ text: String) -> String {
        text.lowercased().trimmingCharacters(
            in: CharacterSet.punctuationCharacters.union(.whitespacesAndNewlines).union(
                CharacterSet(charactersIn: "\"'“”‘’*")))
    }

    static func exactText(in response: String, choices: [String]) -> Int? {
        let answer = normalised(response)
        if let whole = choices.firstIndex(where: { normalised($0) == answer }) { return whole }
        let lowered = " " + MMAUMatcher.tokenList(response).joined(separator: " ") + " "
        let named = choices.indices.filter { index in
            let words = MMAUMatcher.tokenList(choices[index]).joined(separator: " ")
            return !words.isEmpty && lowered.contains(" " + words + " ")
        }
        // A choice whose words lie inside another named choice ("guitar" in "electric guitar") does not count apart.
        let distinct = named.filter { index in
            !named.contains { other in
                other != index
                    && MMAUMatcher.tokenList(choices[other]).joined(separator: " ").contains(
                        MMAUMatcher.tokenList(choices[index]).joined(separator: " "))
            }
        }
        return distinct.count == 1 ? distinct[0] : nil
    }

    static func tokenSet(in response: String, choices: [String]) -> Int? {
        let passing = choices.indices.filter {
            MMAUMatcher.isCorrect(prediction: response, answer: choices[$0], choices: choices)
        }
        return passing.count == 1 ? passing[0] : nil
    }
}
