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
        if words.count > 1, words[0].utf8.count == 1, ("a"..."h").contains(words[0]),
            polarity(text, 1, strongOnly: false) != nil
        {
            start = 1
        }
        // Digits as the whole answer: "1 (true)", "0".
        if words[start] == "1" || words[start] == "0", words.count - start <= 2,
            words.count == start + 1 || ["true", "false", "yes", "no"].contains(words[start + 1])
        {
            return .read(words[start] == "1" ? .yes : .no)
        }
        var answers: [(index: Int, answer: YesNo)] = []
        if let leading = leadingAnswer(text, from: start) { answers.append((start, leading)) }
        for index in words.indices where index > start || answers.isEmpty {
            guard
                text.classes[index].contains(.strongYes) || text.classes[index].contains(.strongNo)
                    || text.classes[index].isEmpty
            else { continue }
            guard let answer = polarity(text, index, strongOnly: true), standsAlone(index, in: text) else { continue }
            // "Không có", "tidak ada": a yes word negated is no answer of its own.
            if answer == .yes, index > 0, text.clauses[index - 1] == text.clauses[index],
                text.classes[index - 1].contains(.negator)
            {
                continue
            }
            if index == start, !answers.isEmpty { continue }
            answers.append((index, answer))
        }
        guard let first = answers.first else { return nil }
        guard let other = answers.first(where: { $0.answer != first.answer }) else { return .read(first.answer) }
        // Mixed: settled by a contrast word before the last answer word, else a contradiction.
        // "Yes, … no, wait, there is no dog": a contrast anywhere after the first answer settles it
        // on the last.
        let last = answers[answers.count - 1]
        let after = words[(first.index + 1)...]
        if text.classes[(first.index + 1)...].contains(where: { $0.contains(.contrast) }) || after.contains("rather") {
            return .read(last.answer)
        }
        _ = other
        return .unparsed(.contradiction)
    }

    /// Where the last answer word of the answer stands, if any.
    static func lastAnswerIndex(_ text: AnswerText) -> Int? {
        text.words.indices.last { polarity(text, $0, strongOnly: true) != nil && standsAlone($0, in: text) }
    }

    /// The answer the first word gives, a following "not" turning a yes around ("definitely not").
    static func leadingAnswer(_ text: AnswerText, from start: Int) -> YesNo? {
        let words = text.words
        let word = words[start]
        let next = start + 1 < words.count && text.clauses[start + 1] == text.clauses[start] ? words[start + 1] : nil
        if word == "of", next == "course" {
            return start + 2 < words.count && words[start + 2] == "not" ? .no : .yes
        }
        if start + 1 < words.count, let answer = interjection(word, words[start + 1]) { return answer }
        guard let answer = polarity(text, start, strongOnly: false) else { return nil }
        if answer == .yes, next == "not" { return .no }
        // "Sure", "absolutely", "none" lead an answer only alone in their clause: "Absolutely
        // silent except for a clock" is no yes, "None of the sounds is a dog" no bare no.
        let strong = polarity(text, start, strongOnly: true) != nil
        if !strong, next != nil { return nil }
        if answer == .no, next != nil, text.classes[start + 1].contains(.notNegating) { return nil }
        return answer
    }

    /// Two-word interjections: "nuh-uh" and "uh-uh" (no), "mm-hmm" and "uh-huh" (yes).
    static func interjection(_ first: String, _ second: String) -> YesNo? {
        switch (first, second) {
        case ("nuh", "uh"), ("uh", "uh"): .no
        case ("mm", "hmm"), ("uh", "huh"): .yes
        default: nil
        }
    }

    /// The polarity of word `index` of `text` (from its class; a word with a letter run of three
    /// or more looked up again shortened).
    static func polarity(_ text: AnswerText, _ index: Int, strongOnly: Bool) -> YesNo? {
        var kind = text.classes[index]
        if kind.isEmpty {
            let shortened = collapsed(text.words[index])
            if shortened.utf8.count != text.words[index].utf8.count { kind = WordClass.of(shortened) }
        }
        if strongOnly {
            if kind.contains(.strongYes) { return .yes }
            if kind.contains(.strongNo) { return .no }
            return nil
        }
        if kind.contains(.yes) { return .yes }
        if kind.contains(.no) { return .no }
        return nil
    }

    /// A word with runs of three or more of one letter shortened to one: "yesss" → "yes", "noooo" → "no".
    static func collapsed(_ word: String) -> String {
        let bytes = word.utf8
        guard bytes.count > 3 else { return word }
        var previous: UInt8 = 0
        var run = 0
        var long = false
        for byte in bytes {
            run = byte == previous ? run + 1 : 1
            previous = byte
            if run >= 3 {
                long = true
                break
            }
        }
        guard long else { return word }
        let characters = Array(word)
        var output = ""
        var index = 0
        while index < characters.count {
            var end = index
            while end + 1 < characters.count, characters[end + 1] == characters[index] { end += 1 }
            let run = end - index + 1
            output.append(contentsOf: String(repeating: String(characters[index]), count: run >= 3 ? 1 : run))
            index = end + 1
        }
        return output
    }

    /// An answer word alone in its clause ("…, but yes."), or an answer after "is", "say" or "or"
    /// ending its clause ("the answer is no"); not a "no" that goes on to a noun ("no dog").
    static func standsAlone(_ index: Int, in text: AnswerText) -> Bool {
        let clause = text.clauses[index]
        if text.clauseSizes[clause] == 1 { return true }
        // Last in its clause: "the answer is no", "köpek sesi yok", "…, but yes"; or a noun of
        // its own: "it's a yes from me", "a clear no".
        if text.endsClause(afterWord: index) { return true }
        let previous = index > 0 && text.clauses[index - 1] == clause ? text.words[index - 1] : ""
        // "…, but yes the dog is there".
        if index > 0, text.clauses[index - 1] == clause, text.classes[index - 1].contains(.contrast) { return true }
        let beforeThat = index > 1 && text.clauses[index - 2] == clause ? text.words[index - 2] : ""
        return previous == "a"
            || (beforeThat == "a"
                && ["clear", "definite", "firm", "big", "solid", "strong", "resounding", "hard"].contains(previous))
    }
}
