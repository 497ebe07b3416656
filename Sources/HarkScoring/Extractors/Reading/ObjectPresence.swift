import HarkCore

/// Descriptions that affirm or deny the asked sound without a yes or no: "A dog can be heard
/// barking" (yes), "I can't hear any barking" (no), "There's no trace of a siren" (no), "The
/// recording contains only traffic noise" (no: only something else), "Church bells: 0" (no), "Two
/// dogs bark" (yes). A clause counts when it names the asked object — any of its words or their
/// synonyms (`SoundSynonyms`), plural or -ing forms included — or refers to it ("it", "anything");
/// in an answer in another language, which cannot name an English object, a declarative clause
/// counts. Negations cancel in pairs ("it is not absent"); an exception keeps what follows
/// ("nothing other than speech"); "not just" and "no doubt" do not negate; questions and general
/// knowledge ("thunder is caused by…") are skipped; a later clause opened by "but" settles a
/// mixed answer.
struct ObjectPresence {
    let stems: Set<String>
    /// For "female speech", "male singing": the words one of which a clause must name too.
    let required: Set<String>

    init(object: String?) {
        guard let object, !object.isEmpty else {
            stems = []
            required = []
            return
        }
        let words = object.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init).filter {
            !Self.stopWords.contains($0)
        }
        var stems = Set(words.map(Self.stem))
        for word in words {
            for synonym in SoundSynonyms.table[word] ?? SoundSynonyms.table[Self.stem(word)] ?? [] {
                stems.insert(Self.stem(synonym))
            }
        }
        self.stems = stems
        var required: Set<String> = []
        for word in words where Self.genders[word] != nil {
            required.formUnion((Self.genders[word] ?? []).map(Self.stem))
        }
        self.required = required
    }

    /// Words of an object's name that are not the object: "the sound of a dog barking".
    static let stopWords: Set<String> = [
        "a", "an", "the", "of", "sound", "sounds", "noise", "noises", "some", "any", "in", "on", "and", "or", "with",
        "audio", "clip", "running",
    ]

    static let genders: [String: [String]] = [
        "female": ["female", "woman", "women", "girl", "lady", "she", "her"],
        "woman": ["female", "woman", "women", "girl", "lady", "she", "her"],
        "male": ["male", "man", "men", "boy", "guy", "he", "his"],
        "man": ["male", "man", "men", "boy", "guy", "he", "his"],
        "child": ["child", "children", "kid", "kids", "boy", "girl"],
    ]

    /// Words that stand for the asked sound.
    static let references: Set<String> = [
        "it", "anything", "something", "such", "that", "this", "one", "them", "they", "its", "any",
    ]
    /// Words after which a negated clause names what is there: "nothing other than speech".
    static let exceptions: Set<String> = [
        "than", "except", "besides", "but", "apart", "aside", "save", "excluding", "sauf", "außer", "excepto", "tranne",
    ]
    /// Words of silence: a clause of them, naming nothing, says the sound is absent.
    static let silence: Set<String> = [
        "silent", "silence", "quiet", "still", "wordless", "mute", "muted", "nothing", "empty", "blank", "soundless",
    ]
    /// Words that make a clause general knowledge rather than a description of this clip.
    static let general: Set<String> = [
        "caused", "typically", "commonly", "usually", "generally", "often", "refers", "produced", "defined",
        "definition",
    ]

    /// A word's crude English stem: plural, -ing and -ed endings off ("barking" → "bark", "sirens" → "siren").
    static func stem(_ word: String) -> String {
        var word = Substring(word)
        if word.hasSuffix("'s") { word = word.dropLast(2) }
        for suffix in ["ing", "ies", "es", "ed", "s"] where word.count > suffix.count + 2 && word.hasSuffix(suffix) {
            word = word.dropLast(suffix.count)
            if suffix == "ies" { return String(word) + "y" }
            break
        }
        // "giggle" and "giggling" meet at "giggl".
        if word.count > 4, word.hasSuffix("e") { word = word.dropLast() }
        return String(word)
    }

    struct Evidence {
        /// Each clause's verdict, in order, and whether its clause opened with a contrast word.
        var verdicts: [(answer: YesNo, contrast: Bool)] = []
        /// Not knowing the object: "contains speech only" says yes, unless another clause decides.
        var weakYes = false
        /// A clause of silence or "only something else", naming nothing.
        var silent = false

        var reading: YesNoReading? {
            guard let first = verdicts.first else { return silent ? .read(.no) : weakYes ? .read(.yes) : nil }
            guard verdicts.contains(where: { $0.answer != first.answer }) else { return .read(first.answer) }
            if let last = verdicts.last, last.contrast { return .read(last.answer) }
            return .unparsed(.contradiction)
        }
    }

    /// Whether the answer names the asked object.
    func names(_ text: AnswerText) -> Bool {
        !stems.isEmpty && text.words.contains { stems.contains(Self.stem($0)) }
    }

    /// The evidence of the clauses from `firstClause` on.
    func read(_ text: AnswerText, foreign: Bool, from firstClause: Int = 0) -> Evidence {
        var evidence = Evidence()
        let questions = questionClauses(text)
        var clause = -1
        var start = 0
        var previousNamed = false
        for index in 0...text.words.count {
            let next = index < text.words.count ? text.clauses[index] : Int.max
            guard next != clause else { continue }
            if clause >= firstClause, !questions.contains(clause) {
                previousNamed = weigh(
                    text, start..<index, foreign: foreign, previousNamed: previousNamed, into: &evidence)
            }
            clause = next
            start = index
        }
        return evidence
    }

    /// Adds one clause's verdict (the words in `range`); returns whether the clause named the object.
    func weigh(
        _ text: AnswerText, _ range: Range<Int>, foreign: Bool, previousNamed: Bool, into evidence: inout Evidence
    ) -> Bool {
        let words = text.words
        let classes = text.classes
        var negations = 0
        var named = false
        var namedAfterException = false
        var referred = false
        var perceived = false
        var exclusive = false
        var counted = false
        var silent = false
        var general = false
        var exception = false
        var gendered = false
        for index in range {
            let word = words[index]
            let kind = classes[index]
            let following = index + 1 < range.upperBound ? words[index + 1] : ""
            let followingKind = index + 1 < range.upperBound ? classes[index + 1] : []
            // In Portuguese, "no" is "in the": another language's "no" negates at a clause's start
            // or before its verb.
            let portugueseArticle =
                foreign && word == "no" && index > range.lowerBound && !followingKind.contains(.negatedVerb)
            // A word of the object's own name ("tone 0") negates nothing.
            let ofObject = !stems.isEmpty && stems.contains(Self.stem(word))
            if kind.contains(.negator) || Self.endsInNot(word) || (foreign && Self.isTurkishNegative(word)),
                word != "nor", !ofObject,
                !followingKind.contains(.notNegating), !portugueseArticle
            {
                negations += 1
            }
            if kind.contains(.exception), word != "but" || negations > 0 { exception = true }
            if kind.contains(.exclusive) { exclusive = true }
            if kind.contains(.presence) || (word == "y" && following == "a") || (word == "er" && following == "is") {
                perceived = true
            }
            if stems.isEmpty, word == "no" || word == "none" || word == "nothing", !following.isEmpty,
                !followingKind.contains(.notNegating)
            {
                perceived = true
            }
            if !stems.isEmpty, stems.contains(Self.stem(word)) {
                named = true
                if exception { namedAfterException = true }
            }
            if !required.isEmpty, required.contains(Self.stem(word)) { gendered = true }
            if kind.contains(.reference)
                || (word == "sound" && index > range.lowerBound
                    && ["such", "that", "this", "the"].contains(words[index - 1]))
            {
                referred = true
            }
            if kind.contains(.silence) { silent = true }
            if kind.contains(.general) { general = true }
            if word == "is" || word == "are", index + 2 < range.upperBound,
                words[index + 1] == "the" || words[index + 1] == "a",
                words[index + 2] == "sound" || words[index + 2] == "noise"
            {
                general = true
            }
            if let digit = word.utf8.first, (0x30...0x39).contains(digit), let number = Double(word), number > 0 {
                counted = true
            }
            if kind.contains(.count) { counted = true }
        }
        let count = range.count
        let first = range.isEmpty ? nil : words[range.lowerBound]
        // "More like a car horn", "rather a kettle": an alternative, not the object.
        if range.contains(where: {
            words[$0] == "rather" || words[$0] == "instead"
                || (words[$0] == "more" && $0 + 1 < range.upperBound && ["like", "than"].contains(words[$0 + 1]))
        }) {
            return false
        }
        if general, !perceived { return named }
        let contrast = !range.isEmpty && classes[range.lowerBound].contains(.contrast)
        // "Church bells: 0", "Footsteps detected: none": a count after the object decides.
        if previousNamed, count <= 2, let first {
            if first == "0" || first == "zero" || first == "none" || first == "no" {
                evidence.verdicts = [(.no, false)]
                return false
            }
            if let number = Double(first), number > 0 {
                evidence.verdicts = [(.yes, false)]
                return false
            }
        }
        // English negations cancel in pairs; other languages' pile up ("no hay ningún motor").
        let negated = foreign ? negations > 0 : negations % 2 == 1
        // "Only a man is speaking" names speech, but not the female speech asked about.
        if !required.isEmpty, named, !gendered { named = false }
        if namedAfterException, negated {
            evidence.verdicts.append((.yes, contrast))
            return true
        }
        // "There is only wind": what is there is something else.
        if exclusive, !named, !negated {
            if stems.isEmpty { evidence.weakYes = evidence.weakYes || perceived } else { evidence.silent = true }
            return false
        }
        let aboutObject =
            named || (referred && (perceived || negated)) || (stems.isEmpty && perceived) || (foreign && count >= 2)
        if aboutObject {
            if negated {
                evidence.verdicts.append((.no, contrast))
            } else if named || perceived || counted {
                evidence.verdicts.append((.yes, contrast))
            } else if foreign {
                // Another language's description, no verb of hearing: yes, unless a clause decides.
                evidence.weakYes = true
            }
        } else if !stems.isEmpty, exclusive || silent {
            // "Only traffic noise", "the room is still": what is there is something else.
            evidence.silent = true
        }
        return named
    }

    /// Words a Spanish or Italian "no" stands before when it negates.
    static let negatedVerbs: Set<String> = [
        "hay", "se", "es", "está", "oigo", "escucho", "escucha", "puedo", "c'è", "si", "ci", "è", "ho", "sento",
        "sente", "lo", "la", "le", "me", "te", "suena",
    ]

    /// "don't", "isn't", "can't": a contracted negation.
    static func endsInNot(_ word: String) -> Bool {
        let bytes = word.utf8
        guard bytes.count > 3 else { return false }
        let tail = bytes.suffix(3)
        return tail.elementsEqual("n't".utf8)
    }

    /// Turkish verbs negated by a suffix: "duyulmuyor" (is not heard), "yoktur".
    static func isTurkishNegative(_ word: String) -> Bool {
        guard word.utf8.count > 5 else { return false }
        return ["mıyor", "miyor", "muyor", "müyor", "madı", "medi", "mamış", "memiş"].contains { word.contains($0) }
            || word.hasPrefix("yok")
    }

    /// Clauses that end in a question mark (an answer that repeats the question).
    func questionClauses(_ text: AnswerText) -> Set<Int> {
        var questions: Set<Int> = []
        guard text.pieces.contains(.mark("?")) else { return questions }
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
