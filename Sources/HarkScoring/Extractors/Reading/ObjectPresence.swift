import HarkCore

/// Descriptions that affirm or deny the asked sound without a yes or no: "A dog can be heard
/// barking" (yes), "I can't hear any barking" (no), "There's no trace of a siren" (no), "The
/// recording contains only traffic noise" (no: only something else), "0 sirens detected" (no),
/// "Two dogs bark" (yes). A clause counts when it names the asked object (any of its words, plural
/// or -ing forms included) or refers to it ("it", "anything", "such a sound"); in an answer in
/// another language, which cannot name an English object, a clause with a verb of perception or
/// presence counts. A negation before the object or verb in its clause denies it ("not just" and
/// "no doubt" do not negate). Questions are skipped.
struct ObjectPresence {
    let stems: Set<String>

    init(object: String?) {
        let stop: Set<String> = ["a", "an", "the", "of", "sound", "sounds", "noise", "noises", "some", "any", "in", "on", "and", "or", "with", "audio", "clip"]
        let words = (object ?? "").lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init).filter { !stop.contains($0) }
        stems = Set(words.map(Self.stem))
    }

    /// Words that stand for the asked sound.
    static let references: Set<String> = ["it", "anything", "something", "such", "that", "this", "one", "them", "they", "its"]

    /// A word's crude English stem: plural, -ing and -ed endings off ("barking" → "bark", "sirens" → "siren").
    static func stem(_ word: String) -> String {
        var word = Substring(word)
        for suffix in ["ing", "es", "ed", "s"] where word.count > suffix.count + 2 && word.hasSuffix(suffix) {
            word = word.dropLast(suffix.count)
            break
        }
        return String(word)
    }

    struct Evidence {
        var yes = false, no = false
        /// Whether any clause named the object or referred to it.
        var addressed = false
    }

    /// Whether the answer names the asked object.
    func names(_ text: AnswerText) -> Bool {
        !stems.isEmpty && text.words.contains { stems.contains(Self.stem($0)) }
    }

    func read(_ text: AnswerText, foreign: Bool) -> Evidence {
        var evidence = Evidence()
        let questions = questionClauses(text)
        var clause = -1
        var start = 0
        for index in 0...text.words.count {
            let next = index < text.words.count ? text.clauses[index] : Int.max
            if next != clause {
                if clause >= 0, !questions.contains(clause) { weigh(Array(text.words[start..<index]), foreign: foreign, into: &evidence) }
                clause = next
                start = index
            }
        }
        return evidence
    }

    func weigh(_ words: [String], foreign: Bool, into evidence: inout Evidence) {
        var negations = 0, named = false, referred = false, perceived = false, exclusive = false, counted = false
        for (index, word) in words.enumerated() {
            let following = index + 1 < words.count ? words[index + 1] : ""
            // Two negations cancel: "it is not absent".
            if YesNoLexicon.negators.contains(word) || word.hasSuffix("n't"), !YesNoLexicon.notNegating.contains(following) { negations += 1 }
            if YesNoLexicon.exclusive.contains(word) { exclusive = true }
            if YesNoLexicon.presence.contains(word) { perceived = true }
            if !stems.isEmpty, stems.contains(Self.stem(word)) { named = true }
            if Self.references.contains(word) || (word == "sound" && ["such", "that", "this", "the"].contains(index > 0 ? words[index - 1] : "")) { referred = true }
            if let number = Int(word), number > 0 { counted = true }
            if YesNoLexicon.counts.contains(word), !["a", "an", "some", "one"].contains(word) { counted = true }
        }
        let negated = negations % 2 == 1
        let aboutObject = named || (referred && (perceived || negated)) || (foreign && perceived) || (stems.isEmpty && perceived)
        if aboutObject {
            evidence.addressed = true
            if negated { evidence.no = true } else if named || perceived || counted { evidence.yes = true }
        } else if exclusive && !stems.isEmpty && !named {
            // "Only traffic noise": what is there is something else.
            evidence.addressed = true
            evidence.no = true
        }
    }

    /// Clauses that end in a question mark (an answer that repeats the question).
    func questionClauses(_ text: AnswerText) -> Set<Int> {
        var questions: Set<Int> = []
        var clause = 0
        for piece in text.pieces {
            if case .mark(let mark) = piece {
                if mark == "?" { questions.insert(clause) }
                clause += 1
            }
        }
        return questions
    }
}
