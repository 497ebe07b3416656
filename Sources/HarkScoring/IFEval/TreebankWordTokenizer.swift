import Foundation

/// A port of NLTK's `word_tokenize` (English): Punkt sentences, each split by
/// `NLTKWordTokenizer` — the improved Treebank rules, applied as the same ordered regex
/// substitutions (ICU's syntax accepts NLTK's patterns as written), then a split on whitespace.
struct TreebankWordTokenizer: @unchecked Sendable {
    static let shared = TreebankWordTokenizer()

    private typealias Rule = (NSRegularExpression, String)

    private let startingQuotes: [Rule]
    private let punctuation: [Rule]
    private let parensBrackets: Rule
    private let doubleDashes: Rule
    private let endingQuotes: [Rule]
    private let contractions: [NSRegularExpression]

    private static func rule(_ pattern: String, _ template: String, _ options: NSRegularExpression.Options = []) -> Rule {
        // The patterns are constants that compile; a failure here is a programming error.
        (try! NSRegularExpression(pattern: pattern, options: options), template)
    }

    private init() {
        startingQuotes = [
            Self.rule("([«“‘„]|[`]+)", " $1 "),
            Self.rule("^\\\"", "``"),
            Self.rule("(``)", " $1 "),
            Self.rule("([ \\(\\[{<])(\\\"|\\'{2})", "$1 `` "),
            Self.rule("(?i)(?<!\\w)(\\')(?!(?:re|ve|ll|m|t|s|d|n)\\b)(?=\\w)", "$1 "),
        ]
        punctuation = [
            Self.rule("([^\\.])(\\.)([\\]\\)}>\"\\'»”’ ]*+)\\s*$", "$1 $2 $3 "),
            Self.rule("([:,])([^\\d])", " $1 $2"),
            Self.rule("([:,])$", " $1 "),
            Self.rule("\\.{2,}", " $0 "),
            Self.rule("[;@#$%&]", " $0 "),
            Self.rule("[\\u2012-\\u2015]", " $0 "),
            Self.rule("([^\\.])(\\.)([\\]\\)}>\"\\']*)\\s*$", "$1 $2$3 "),
            Self.rule("[?!]", " $0 "),
            Self.rule("([^'])' ", "$1 ' "),
            Self.rule("[*]", " $0 "),
        ]
        parensBrackets = Self.rule("[\\]\\[\\(\\)\\{\\}\\<\\>]", " $0 ")
        doubleDashes = Self.rule("--", " -- ")
        endingQuotes = [
            Self.rule("([»”’])", " $1 "),
            Self.rule("''", " '' "),
            Self.rule("\"", " '' "),
            Self.rule("\\s+", " "),
            Self.rule("([^' ])('[sS]|'[mM]|'[dD]|') ", "$1 $2 "),
            Self.rule("([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) ", "$1 $2 "),
        ]
        contractions = [
            "(?i)\\b(can)(?#X)(not)\\b", "(?i)\\b(d)(?#X)('ye)\\b", "(?i)\\b(gim)(?#X)(me)\\b", "(?i)\\b(gon)(?#X)(na)\\b",
            "(?i)\\b(got)(?#X)(ta)\\b", "(?i)\\b(lem)(?#X)(me)\\b", "(?i)\\b(more)(?#X)('n)\\b", "(?i)\\b(wan)(?#X)(na)(?=\\s)",
            "(?i) ('t)(?#X)(is)\\b", "(?i) ('t)(?#X)(was)\\b",
        ].map { try! NSRegularExpression(pattern: $0) }
    }

    /// `nltk.word_tokenize(text)`.
    func wordTokenize(_ text: String) -> [String] {
        PunktSentenceSplitter.english.sentences(in: text).flatMap(tokenize)
    }

    /// `NLTKWordTokenizer().tokenize(sentence)`.
    func tokenize(_ sentence: String) -> [String] {
        var text = sentence
        func apply(_ rule: Rule) {
            let (regex, template) = rule
            text = regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
        }
        startingQuotes.forEach(apply)
        punctuation.forEach(apply)
        apply(parensBrackets)
        apply(doubleDashes)
        text = " " + text + " "
        endingQuotes.forEach(apply)
        for regex in contractions { apply((regex, " $1 $2 ")) }
        return PythonText.split(text)
    }
}
