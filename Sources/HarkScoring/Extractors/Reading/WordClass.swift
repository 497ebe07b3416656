/// What a word is to the reader, looked up once per word: every lexicon in one table, so that the
/// layers test bits instead of hashing the word again and again.
struct WordClass: OptionSet, Sendable, Hashable {
    let rawValue: UInt32

    static let yes = WordClass(rawValue: 1 << 0)
    static let no = WordClass(rawValue: 1 << 1)
    static let strongYes = WordClass(rawValue: 1 << 2)
    static let strongNo = WordClass(rawValue: 1 << 3)
    static let negator = WordClass(rawValue: 1 << 4)
    static let notNegating = WordClass(rawValue: 1 << 5)
    static let presence = WordClass(rawValue: 1 << 6)
    static let exclusive = WordClass(rawValue: 1 << 7)
    static let contrast = WordClass(rawValue: 1 << 8)
    static let count = WordClass(rawValue: 1 << 9)
    static let reference = WordClass(rawValue: 1 << 10)
    static let exception = WordClass(rawValue: 1 << 11)
    static let silence = WordClass(rawValue: 1 << 12)
    static let general = WordClass(rawValue: 1 << 13)
    static let english = WordClass(rawValue: 1 << 14)
    static let foreign = WordClass(rawValue: 1 << 15)
    static let negatedVerb = WordClass(rawValue: 1 << 16)
    /// The first word of some phrase of `AnswerPhrases`.
    static let phraseStart = WordClass(rawValue: 1 << 17)

    static let table: [String: WordClass] = {
        var table: [String: WordClass] = [:]
        func add(_ words: some Sequence<String>, _ kind: WordClass) {
            for word in words { table[word, default: []].insert(kind) }
        }
        add(YesNoLexicon.yes, .yes)
        add(YesNoLexicon.no, .no)
        add(YesNoLexicon.strongYes, .strongYes)
        add(YesNoLexicon.strongNo, .strongNo)
        add(YesNoLexicon.negators, .negator)
        add(YesNoLexicon.notNegating, .notNegating)
        add(YesNoLexicon.presence, .presence)
        add(YesNoLexicon.exclusive, .exclusive)
        add(YesNoLexicon.contrast, .contrast)
        add(YesNoLexicon.counts, .count)
        add(ObjectPresence.references, .reference)
        add(ObjectPresence.exceptions, .exception)
        add(ObjectPresence.silence, .silence)
        add(ObjectPresence.general, .general)
        add(DefaultReading.englishWords, .english)
        add(DefaultReading.foreignWords, .foreign)
        add(ObjectPresence.negatedVerbs, .negatedVerb)
        add(AnswerPhrases.byFirstWord.keys, .phraseStart)
        return table
    }()

    static func of(_ word: String) -> WordClass { table[word] ?? [] }
}
