import HarkCore

/// The layers of hark's `default` yes/no reading, in the order they are tried; the first that
/// decides wins:
///
/// 1. data (`StructuredAnswer`): `{"present": false}`;
/// 2. nothing but white space or markup: unparsed, `empty`;
/// 3. a refusal ("I can't process audio", "no puedo procesar el audio"): unparsed, `refusal`;
/// 4. explicit answer words in 16 languages (`ExplicitAnswer`), with negation and contrast —
///    "Nah, none." / "I wasn't sure at first, but yes." / "Yes, and also no." (contradiction) —
///    checked against what the answer goes on to say of the object ("Yes, there is applause. There
///    is no applause." is a contradiction) and against an undecided ending;
/// 5. Chinese, Japanese and Korean forms (`CJKReader`);
/// 6. hedges, idioms and undecided phrases (`AnswerPhrases`), the longest at each place: "I doubt
///    it", "not in the slightest", "without a doubt", "maybe, maybe not"; a leaning-yes hedge yields
///    to a description that denies the object ("Most likely no music.");
/// 7. descriptions of the asked object or of presence (`ObjectPresence`): "I can't hear any
///    barking", "Church bells: 0", another language's "Im Hintergrund grollt Donner";
/// 8. else unparsed: `off_topic` for a description that never addresses the sound, `no_decision`.
enum DefaultReading {
    static func read(_ response: String, object: String?) -> YesNoReading {
        read(response, presence: ObjectPresence(object: object))
    }

    /// The reading with the object's words prepared (`ObjectPresence`), as a reader that sees many
    /// answers about one object keeps them.
    static func read(_ response: String, presence: ObjectPresence) -> YesNoReading {
        if let structured = StructuredAnswer.read(response) { return .read(structured) }
        let text = AnswerText(response)
        guard !text.words.isEmpty else { return .unparsed(.empty) }
        if response.utf8.count <= 8,
            ["n/a", "n.a.", "na", "n/a."].contains(response.lowercased().filter { !$0.isWhitespace })
        {
            return .unparsed(.noDecision)
        }
        let words = text.words
        let phrases = AnswerPhrases.matches(in: text)
        if phrases.contains(where: { $0.kind == .refusal }) { return .unparsed(.refusal) }
        // Undecided at the start only when that is the longest phrase there: "maybe not" is a no.
        let opening = phrases.filter { $0.start == 0 && [.yes, .no, .undecided].contains($0.kind) }.max {
            $0.length < $1.length
        }
        let opensUndecided = opening?.kind == .undecided
        if !opensUndecided, let explicit = ExplicitAnswer.read(text) {
            guard let answer = explicit.answer else { return explicit }
            let last = ExplicitAnswer.lastAnswerIndex(text) ?? 0
            if phrases.contains(where: { $0.kind == .undecided && $0.start > last }) { return .unparsed(.noDecision) }
            // What the answer says of the object must not take it back.
            guard last + 1 < words.count, presence.names(text) else { return explicit }
            let described = presence.read(text, foreign: isForeign(text), from: text.clauses[last] + 1)
            if let taken = described.verdicts.last, taken.answer != answer,
                !described.verdicts.contains(where: \.contrast)
            {
                return .unparsed(.contradiction)
            }
            return explicit
        }
        if text.hasCJK, let reading = CJKReader.read(text.text) { return reading }
        if opensUndecided {
            // Undecided first, then an answer after all: "not sure, but yes", "hard to say for
            // certain, but I'd guess there's no frog".
            if let contrast = text.classes.firstIndex(where: { $0.contains(.contrast) }), contrast + 1 < words.count {
                let rest = read(words[(contrast + 1)...].joined(separator: " "), presence: presence)
                if rest.answer != nil { return rest }
            }
            return .unparsed(.noDecision)
        }
        let described = presence.read(text, foreign: isForeign(text)).reading
        if let phrased = AnswerPhrases.reading(phrases, in: text) {
            if phrased.answer == .yes, presence.names(text), let said = described, said.answer == .no { return said }
            return phrased
        }
        if let described { return described }
        if phrases.contains(where: { $0.kind == .tentative }) { return .unparsed(.noDecision) }
        return .unparsed(text.words.count >= 3 ? .offTopic : .noDecision)
    }

    /// An answer in another language than English: letters of another script, or — in Latin
    /// script — no English function word at all, or a third of its words foreign (accented, or
    /// another language's function words). "A café" stays English.
    static func isForeign(_ text: AnswerText) -> Bool {
        var foreign = 0
        var english = 0
        for (word, kind) in zip(text.words, text.classes) {
            let ascii = word.utf8.allSatisfy { $0 < 0x80 }
            if !ascii, word.unicodeScalars.contains(where: { $0.value > 0x024F && $0.properties.isAlphabetic }) {
                return true
            }
            if kind.contains(.english) { english += 1 }
            if kind.contains(.foreign) || !ascii { foreign += 1 }
        }
        return (english == 0 && text.words.count >= 3 && foreign > 0) || (english == 0 && text.words.count >= 4)
            || foreign * 3 >= max(3, text.words.count)
    }

    static let englishWords: Set<String> = [
        "the", "a", "an", "is", "are", "was", "were", "be", "been", "i", "it", "it's", "there's", "this", "that", "of",
        "at", "to", "and", "or", "but", "with", "they", "their", "there", "some", "someone", "people", "no", "not",
        "yes", "can", "can't", "do", "don't", "does", "doesn't", "hear",
        "heard", "sound", "sounds", "audio", "clip", "recording", "some", "any", "from", "for", "by", "my", "me", "you",
        "its",
        "has", "have", "had", "only", "just", "very", "so", "like", "as", "into", "out", "up", "down", "over", "near",
        "background",
    ]

    static let foreignWords: Set<String> = [
        "oye", "oigo", "escucha", "escucho", "entends", "entend", "gibt", "höre", "hört", "sento", "sente", "ouço",
        "ouve", "hoor", "hoort", "var", "yok", "ada", "nghe", "tidak", "iya", "suara", "terdengar", "hay", "horen",
        "te", "er", "geen", "niet", "nicht", "kein", "keine", "keinen", "pas", "ne", "n", "se", "si", "non", "hören",
        "há", "ouvir", "escuchar", "es", "il", "der", "das", "een", "het", "el", "de", "du", "la", "le", "les", "dans",
        "cet", "cette", "est", "aucun", "aucune", "nessun", "nessuna", "ningún", "ninguna", "nenhum", "nenhuma", "und",
        "ist", "ein", "eine", "mit", "nel", "che", "del", "con", "por", "que", "en", "o", "os", "na", "do", "da", "em",
        "op", "dan", "ini", "itu", "ve", "bu", "delle", "uno", "gli", "della", "zijn", "wordt", "auf", "dem", "den",
        "sind", "sonst", "contiene", "sonido", "una", "unos", "los", "las", "une", "des", "di", "um", "uma", "bir",
        "yang",
    ]
}
