import HarkCore

/// The layers of hark's `default` yes/no reading, in the order they are tried; the first that
/// decides wins:
///
/// 1. nothing but white space or markup: unparsed, `empty`;
/// 2. data (`StructuredAnswer`): `{"present": false}`;
/// 3. explicit answer words in 16 languages (`ExplicitAnswer`), with negation and contrast:
///    "Nah, none." / "I wasn't sure at first, but yes." / "Yes, and also no." (contradiction);
/// 4. Chinese, Japanese and Korean forms (`CJKReader`);
/// 5. an answer that opens undecided ("not sure", "no estoy seguro"): unparsed, `no_decision`;
/// 6. hedges and idioms (`AnswerPhrases`): "I doubt it", "not in the slightest", "without a doubt";
/// 7. descriptions that name the asked object (`ObjectPresence`): "I can't hear any barking";
/// 8. refusals ("I can't process audio"): unparsed, `refusal`;
/// 9. "maybe", "hard to tell": unparsed, `no_decision`;
/// 10. descriptions of presence in general ("I can hear it clearly", another language's "se oye");
/// 11. else unparsed: `off_topic` for a description that never addresses the sound, `no_decision`.
enum DefaultReading {
    static func read(_ response: String, object: String?) -> YesNoReading {
        if let structured = StructuredAnswer.read(response) { return .read(structured) }
        let text = AnswerText(response)
        guard !text.words.isEmpty else { return .unparsed(.empty) }
        let joined = " " + text.words.joined(separator: " ") + " "
        let opensUndecided = AnswerPhrases.undecided.contains { joined.hasPrefix(" " + $0 + " ") }
        if !opensUndecided, let explicit = ExplicitAnswer.read(text) { return explicit }
        if text.hasCJK, let reading = CJKReader.read(text.text) { return reading }
        if opensUndecided {
            // Undecided first, then an answer after all: "not sure, but yes".
            return ExplicitAnswer.read(text).flatMap { $0.answer == nil ? nil : $0 } ?? .unparsed(.noDecision)
        }
        if AnswerPhrases.first(in: joined, of: AnswerPhrases.no) != nil { return .read(.no) }
        if AnswerPhrases.first(in: joined, of: AnswerPhrases.yes) != nil { return .read(.yes) }
        let foreign = isForeign(text)
        let presence = ObjectPresence(object: object)
        let refusal = AnswerPhrases.first(in: joined, of: AnswerPhrases.refusal) != nil
        // A refusal that names no object is a refusal, not a description ("I'd need to hear it first").
        if refusal, !presence.names(text) { return .unparsed(.refusal) }
        let evidence = presence.read(text, foreign: foreign)
        if let decided = decide(evidence) { return decided }
        if refusal { return .unparsed(.refusal) }
        if AnswerPhrases.first(in: joined, of: AnswerPhrases.undecided) != nil { return .unparsed(.noDecision) }
        if object != nil, !foreign {
            let general = ObjectPresence(object: nil).read(text, foreign: true)
            if general.no, !general.yes { return .read(.no) }
        }
        return .unparsed(text.words.count >= 3 ? .offTopic : .noDecision)
    }

    static func decide(_ evidence: ObjectPresence.Evidence) -> YesNoReading? {
        switch (evidence.yes, evidence.no) {
        case (true, false): .read(.yes)
        case (false, true): .read(.no)
        case (true, true): .unparsed(.contradiction)
        case (false, false): nil
        }
    }

    /// An answer in another language than English: a letter outside ASCII, or a word of another
    /// language's lexicon.
    static func isForeign(_ text: AnswerText) -> Bool {
        text.words.contains { word in word.unicodeScalars.contains { $0.value > 0x7F && $0.properties.isAlphabetic } || foreignWords.contains(word) }
    }

    static let foreignWords: Set<String> = [
        "oye", "oigo", "escucha", "escucho", "entends", "entend", "gibt", "höre", "hört", "sento", "sente", "ouço", "ouve", "hoor",
        "hoort", "var", "yok", "ada", "nghe", "tidak", "iya", "suara", "terdengar", "hay", "horen", "te", "er", "geen", "niet",
        "nicht", "kein", "keine", "keinen", "pas", "ne", "n", "se", "si", "non", "hören", "gibt", "há", "ouvir", "escuchar",
    ]
}
