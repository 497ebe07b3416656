import HarkCore

/// Yes and no said in words: a leading answer word ("Yeah, definitely", "Nah, none", "Definitely
/// not"), or an answer word standing alone in its clause ("The answer is no.", "…, but yes."). A
/// later standalone word of the other polarity makes a contradiction ("Yes, and also no."), unless
/// a contrast word ("but", "actually") before it settles the answer on it.
enum ExplicitAnswer {
    static func read(_ text: AnswerText) -> YesNoReading? {
        let words = text.words
        guard !words.isEmpty else { return nil }
        var start = 0
        // "(b) no": an option letter before the answer word.
        if words.count > 1, words[0].count == 1, ("a"..."h").contains(words[0]), polarity(words[1], strongOnly: false) != nil { start = 1 }
        // Digits as the whole answer: "1 (true)", "0".
        if words[start] == "1" || words[start] == "0", words.count - start <= 2, words.count == start + 1 || ["true", "false", "yes", "no"].contains(words[start + 1]) {
            return .read(words[start] == "1" ? .yes : .no)
        }
        var answers: [(index: Int, answer: YesNo)] = []
        if let leading = leadingAnswer(text, from: start) { answers.append((start, leading)) }
        for index in words.indices where index > start || answers.isEmpty {
            guard let answer = polarity(words[index], strongOnly: true), standsAlone(index, in: text) else { continue }
            // "Không có", "tidak ada": a yes word negated is no answer of its own.
            if answer == .yes, index > 0, text.clauses[index - 1] == text.clauses[index], YesNoLexicon.negators.contains(words[index - 1]) { continue }
            if index == start, !answers.isEmpty { continue }
            answers.append((index, answer))
        }
        guard let first = answers.first else { return nil }
        guard let other = answers.first(where: { $0.answer != first.answer }) else { return .read(first.answer) }
        // Mixed: settled by a contrast word before the last answer word, else a contradiction.
        let last = answers[answers.count - 1]
        let before = words[first.index..<last.index]
        if before.contains(where: YesNoLexicon.contrast.contains) || before.contains("rather") { return .read(last.answer) }
        _ = other
        return .unparsed(.contradiction)
    }

    /// The answer the first word gives, a following "not" turning a yes around ("definitely not").
    static func leadingAnswer(_ text: AnswerText, from start: Int) -> YesNo? {
        let words = text.words
        let word = words[start]
        let next = start + 1 < words.count && text.clauses[start + 1] == text.clauses[start] ? words[start + 1] : nil
        if word == "of", next == "course" {
            return start + 2 < words.count && words[start + 2] == "not" ? .no : .yes
        }
        guard let answer = polarity(word, strongOnly: false) else { return nil }
        // "Sure", "right", "never" and the like lead an answer only when the clause goes on as one.
        if answer == .yes, next == "not" { return .no }
        if answer == .no, YesNoLexicon.notNegating.contains(next ?? "") { return nil }
        if ["sure", "certain", "clear"].contains(word), start > 0, words[start - 1] == "not" { return nil }
        return answer
    }

    static func polarity(_ word: String, strongOnly: Bool) -> YesNo? {
        if strongOnly {
            if YesNoLexicon.strongYes.contains(word) { return .yes }
            if YesNoLexicon.strongNo.contains(word) { return .no }
            return nil
        }
        if YesNoLexicon.yes.contains(word) { return .yes }
        if YesNoLexicon.no.contains(word) { return .no }
        return nil
    }

    /// An answer word alone in its clause ("…, but yes."), or an answer after "is", "say" or "or"
    /// ending its clause ("the answer is no"); not a "no" that goes on to a noun ("no dog").
    static func standsAlone(_ index: Int, in text: AnswerText) -> Bool {
        let clause = text.clauses[index]
        let clauseWords = text.words.indices.filter { text.clauses[$0] == clause }
        if clauseWords.count == 1 { return true }
        // Last in its clause: "the answer is no", "köpek sesi yok", "…, but yes".
        return text.endsClause(afterWord: index)
    }
}
