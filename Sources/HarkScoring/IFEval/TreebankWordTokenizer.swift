import Foundation

/// A port of NLTK's `word_tokenize` (English): Punkt sentences, each split by
/// `NLTKWordTokenizer` — the improved Treebank rules, applied as the same ordered regex
/// substitutions (ICU's syntax accepts NLTK's patterns as written), then a split on whitespace.
struct TreebankWordTokenizer: @unchecked Sendable {
    static let shared = TreebankWordTokenizer()

    /// A substitution, and characters of which at least one must be in the text for it to match
    /// (empty: always tried). Skipping rules that cannot match is what makes this fast enough.
    private typealias Rule = (regex: NSRegularExpression, template: String, triggers: Set<Unicode.Scalar>)

    private let startingQuotes: [Rule]
    private let punctuation: [Rule]
    private let parensBrackets: Rule
    private let doubleDashes: Rule
    private let endingQuotes: [Rule]
    private let contractions: [NSRegularExpression]

    private static func rule(_ pattern: String, _ template: String, _ triggers: String = "") -> Rule {
        // The patterns are constants that compile; a failure here is a programming error.
        (try! NSRegularExpression(pattern: pattern), template, Set(triggers.unicodeScalars))
    }

    private init() {
        startingQuotes = [
            Self.rule("([«“‘„]|[`]+)", " $1 ", "«“‘„`"),
            Self.rule("^\\\"", "``", "\""),
            Self.rule("(``)", " $1 ", "`"),
            Self.rule("([ \\(\\[{<])(\\\"|\\'{2})", "$1 `` ", "\"'"),
            Self.rule("(?i)(?<!\\w)(\\')(?!(?:re|ve|ll|m|t|s|d|n)\\b)(?=\\w)", "$1 ", "'"),
        ]
        punctuation = [
            Self.rule("([^\\.])(\\.)([\\]\\)}>\"\\'»”’ ]*+)\\s*$", "$1 $2 $3 ", "."),
            Self.rule("([:,])([^\\d])", " $1 $2", ":,"),
            Self.rule("([:,])$", " $1 ", ":,"),
            Self.rule("\\.{2,}", " $0 ", "."),
            Self.rule("[;@#$%&]", " $0 ", ";@#$%&"),
            Self.rule("[\\u2012-\\u2015]", " $0 ", "\u{2012}\u{2013}\u{2014}\u{2015}"),
            Self.rule("([^\\.])(\\.)([\\]\\)}>\"\\']*)\\s*$", "$1 $2$3 ", "."),
            Self.rule("[?!]", " $0 ", "?!"),
            Self.rule("([^'])' ", "$1 ' ", "'"),
            Self.rule("[*]", " $0 ", "*"),
        ]
        parensBrackets = Self.rule("[\\]\\[\\(\\)\\{\\}\\<\\>]", " $0 ", "[](){}<>")
        doubleDashes = Self.rule("--", " -- ", "-")
        endingQuotes = [
            Self.rule("([»”’])", " $1 ", "»”’"),
            Self.rule("''", " '' ", "'"),
            Self.rule("\"", " '' ", "\""),
            Self.rule("\\s+", " "),
            Self.rule("([^' ])('[sS]|'[mM]|'[dD]|') ", "$1 $2 ", "'"),
            Self.rule("([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) ", "$1 $2 ", "'"),
        ]
        contractions = [
            "(?i)\\b(can)(?#X)(not)\\b", "(?i)\\b(d)(?#X)('ye)\\b", "(?i)\\b(gim)(?#X)(me)\\b",
            "(?i)\\b(gon)(?#X)(na)\\b",
            "(?i)\\b(got)(?#X)(ta)\\b", "(?i)\\b(lem)(?#X)(me)\\b", "(?i)\\b(more)(?#X)('n)\\b",
            "(?i)\\b(wan)(?#X)(na)(?=\\s)",
            "(?i) ('t)(?#X)(is)\\b", "(?i) ('t)(?#X)(was)\\b",
        ].map { try! NSRegularExpression(pattern: $0) }
    }

    static let contractionWords = [
        "cannot", "d'ye", "gimme", "gonna", "gotta", "lemme", "more'n", "wanna", "'tis", "'twas",
    ]

    /// `nltk.word_tokenize(text)`.
    func wordTokenize(_ text: String) -> [String] {
        PunktSentenceSplitter.english.sentences(in: text).flatMap(tokenize)
    }

    /// How many tokens of `word_tokenize(text)` are upper case (`str.isupper`), tokenizing only
    /// where it can matter. The rules only split whitespace-separated chunks (and turn quotes into
    /// `` and '', which are not cased), so a chunk without an upper-case letter adds no upper-case
    /// token, and a chunk of word characters alone is never split (unless it holds a contraction
    /// such as "CANNOT"): it is one token. Only a sentence with an upper-case chunk holding other
    /// characters goes through the rules. Checked against `word_tokenize` on the golden texts.
    func upperCaseTokenCount(_ text: String) -> Int {
        PunktSentenceSplitter.english.sentences(in: text).reduce(0) { count, sentence in
            var quick = 0
            for chunk in PythonText.split(sentence)
            where chunk.unicodeScalars.contains(where: { $0.properties.isUppercase }) {
                guard chunk.unicodeScalars.allSatisfy(PythonText.isWord), case let lowered = PythonText.lower(chunk),
                    !Self.contractionWords.contains(where: { PythonText.contains(lowered, $0) })
                else { return count + tokenize(sentence).filter(PythonText.isUpper).count }
                if PythonText.isUpper(chunk) { quick += 1 }
            }
            return count + quick
        }
    }

    /// `NLTKWordTokenizer().tokenize(sentence)`. The substitutions work in place on one
    /// `NSMutableString`, which spares a conversion between string forms per rule.
    func tokenize(_ sentence: String) -> [String] {
        let text = NSMutableString(string: sentence)
        // The rules insert spaces, and turn double quotes into `` and ''.
        var present = Set(sentence.unicodeScalars)
        present.insert(" ")
        if present.contains("\"") { present.formUnion(["`", "'"]) }
        func apply(_ rule: Rule) {
            guard rule.triggers.isEmpty || !rule.triggers.isDisjoint(with: present) else { return }
            _ = rule.regex.replaceMatches(
                in: text, range: NSRange(location: 0, length: text.length), withTemplate: rule.template)
        }
        startingQuotes.forEach(apply)
        punctuation.forEach(apply)
        apply(parensBrackets)
        apply(doubleDashes)
        text.insert(" ", at: 0)
        text.append(" ")
        endingQuotes.forEach(apply)
        // The contractions (cannot, gimme, 'tis, …) are tried only when one may be there.
        let lowered = PythonText.lower(sentence)
        if Self.contractionWords.contains(where: { PythonText.contains(lowered, $0) }) {
            for regex in contractions { apply((regex, " $1 $2 ", [])) }
        }
        return PythonText.split(text as String)
    }
}
