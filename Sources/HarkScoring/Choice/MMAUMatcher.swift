/// The official MMAU / MMAR rule for a multiple-choice prediction, bit-exact: lowercase, take the
/// set of word tokens (Python's `\w+`: letters, digits and `_`); the prediction is right iff it has
/// a token, holds every token of the answer, and none of the tokens the other choices have that the
/// answer does not. No letter matching, no fallback.
public enum MMAUMatcher {
    public static func isCorrect(prediction: String, answer: String, choices: [String]) -> Bool {
        let predicted = tokens(prediction)
        guard !predicted.isEmpty else { return false }
        let answerTokens = tokens(answer)
        var wrong: Set<String> = []
        for choice in choices {
            let choiceTokens = tokens(choice)
            if choiceTokens != answerTokens { wrong.formUnion(choiceTokens.subtracting(answerTokens)) }
        }
        return answerTokens.isSubset(of: predicted) && predicted.isDisjoint(with: wrong)
    }

    /// Python's `set(re.findall(r"\b\w+\b", text.lower()))`.
    static func tokens(_ text: String) -> Set<String> {
        Set(tokenList(text))
    }

    /// The lowercased word tokens in order.
    static func tokenList(_ text: String) -> [String] {
        var found: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            if PythonText.isWord(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                found.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { found.append(String(current)) }
        return found
    }
}
