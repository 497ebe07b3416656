import HarkScoringData

/// A port of NLTK's Punkt sentence tokenizer (`PunktSentenceTokenizer.tokenize` with boundary
/// realignment, NLTK 3.9+), with NLTK's English parameters: what IFEval's sentence count uses.
/// Texts are handled as arrays of code points, as Python indexes them; the regular expressions
/// of the original are written out as scanners with the same matches.
struct PunktSentenceSplitter: Sendable {
    let abbreviations: Set<String>
    let collocations: Set<String>
    let sentenceStarters: Set<String>
    let orthographicContext: [String: Int]

    static let english = PunktSentenceSplitter(
        abbreviations: Set(lines(PunktEnglishData.abbreviations)),
        collocations: Set(lines(PunktEnglishData.collocations)),
        sentenceStarters: Set(lines(PunktEnglishData.sentenceStarters)),
        orthographicContext: Dictionary(
            lines(PunktEnglishData.orthographicContext).compactMap { line -> (String, Int)? in
                let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
                guard parts.count == 2, let flags = Int(parts[1]) else { return nil }
                return (String(parts[0]), flags)
            }, uniquingKeysWith: { first, _ in first }))

    static func lines(_ data: String) -> [String] {
        PythonText.split(data, separator: "\n")
    }

    // Orthographic context flags.
    static let begUC = 1 << 1, midUC = 1 << 2, unkUC = 1 << 3, begLC = 1 << 4, midLC = 1 << 5, unkLC = 1 << 6
    static let upperContexts = begUC | midUC | unkUC
    static let lowerContexts = begLC | midLC | unkLC

    /// The sentences of a text.
    func sentences(in text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return realigned(scalars, slices(scalars)).map { PythonText.string(scalars[$0]) }
    }

    /// How many sentences a text has (without making them).
    func count(in text: String) -> Int {
        let scalars = Array(text.unicodeScalars)
        return realigned(scalars, slices(scalars)).count
    }

    // MARK: Candidate breaks

    static func isSentenceEnd(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "." || scalar == "?" || scalar == "!"
    }

    /// `_re_non_word_chars`: characters that cannot appear within words.
    static func isNonWord(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ")", "\"", ";", "}", "]", "*", ":", "@", "'", "(", "{", "[", "\u{2018}", "\u{2019}", "\u{201C}",
            "\u{201D}", "\u{AB}", "\u{BB}", "?", "!":
            true
        default: false
        }
    }

    struct EndMatch {
        /// The sentence-end character's index.
        var position: Int
        /// Where the lookahead's `after_tok` ends, and where its `next_tok` starts (nil when the
        /// end is followed by other punctuation).
        var afterEnd: Int
        var nextToken: Int?
    }

    /// The matches of `_period_context_fmt`: a sentence-end character followed by non-word
    /// punctuation, or by whitespace and a token.
    static func endMatches(_ text: [Unicode.Scalar]) -> [EndMatch] {
        var matches: [EndMatch] = []
        for position in text.indices where isSentenceEnd(text[position]) {
            let next = position + 1
            guard next < text.count else { continue }
            if isNonWord(text[next]) {
                matches.append(EndMatch(position: position, afterEnd: next + 1, nextToken: nil))
                continue
            }
            var cursor = next
            while cursor < text.count, PythonText.isRegexSpace(text[cursor]) { cursor += 1 }
            guard cursor > next, cursor < text.count else { continue }
            var end = cursor
            while end < text.count, !PythonText.isRegexSpace(text[end]) { end += 1 }
            matches.append(EndMatch(position: position, afterEnd: end, nextToken: cursor))
        }
        return matches
    }

    /// `string.whitespace`, which `_get_last_whitespace_index` looks for.
    static func isASCIISpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0B}" || scalar == "\u{0C}"
    }

    /// `_match_potential_end_contexts`: each match with its context (the word before it, the end
    /// character and what follows), dropping matches whose word overlaps the previous one's.
    static func endContexts(_ text: [Unicode.Scalar]) -> [(EndMatch, [Unicode.Scalar])] {
        var contexts: [(EndMatch, [Unicode.Scalar])] = []
        var previousSlice = 0..<0
        var previousMatch: EndMatch?
        func context(_ match: EndMatch, _ word: Range<Int>) -> [Unicode.Scalar] {
            Array(text[word]) + Array(text[match.position..<match.afterEnd])
        }
        for match in endMatches(text) {
            let before = text[previousSlice.upperBound..<match.position]
            var lastSpace = 0
            if let index = before.lastIndex(where: isASCIISpace) { lastSpace = index - before.startIndex }
            let start = lastSpace != 0 ? lastSpace + previousSlice.upperBound + 1 : previousSlice.lowerBound
            let wordSlice = start..<max(start, match.position)
            if let previous = previousMatch, previousSlice.upperBound <= wordSlice.lowerBound {
                contexts.append((previous, context(previous, previousSlice)))
            }
            previousMatch = match
            previousSlice = start..<match.position
        }
        if let previous = previousMatch {
            contexts.append(
                (
                    previous,
                    context(
                        previous, previousSlice.lowerBound..<max(previousSlice.lowerBound, previousSlice.upperBound))
                ))
        }
        return contexts
    }

    /// `_slices_from_text`.
    func slices(_ text: [Unicode.Scalar]) -> [Range<Int>] {
        var slices: [Range<Int>] = []
        var lastBreak = 0
        for (match, context) in Self.endContexts(text) where containsBreak(context) {
            slices.append(lastBreak..<max(lastBreak, match.position + 1))
            lastBreak = match.nextToken ?? match.position + 1
        }
        var end = text.count
        while end > 0, PythonText.isWhitespace(text[end - 1]) { end -= 1 }
        slices.append(lastBreak..<max(lastBreak, end))
        return slices
    }

    // MARK: Tokens and annotation

    struct Token {
        var text: ArraySlice<Unicode.Scalar>
        var periodFinal: Bool
        var sentenceBreak = false
        var abbreviation = false
        var ellipsis = false

        init(_ text: ArraySlice<Unicode.Scalar>) {
            self.text = text
            periodFinal = text.last == "."
        }

        /// The lowercased token, or "##number##" for a number (made when asked: few tokens need it).
        var type: String {
            let lowered = PythonText.lower(PythonText.string(text))
            return Self.isNumeric(lowered.unicodeScalars) ? "##number##" : lowered
        }

        /// `^-?[\.,]?\d[\d,\.-]*\.?$`
        static func isNumeric(_ scalars: String.UnicodeScalarView) -> Bool {
            let text = Array(scalars)
            var index = 0
            if index < text.count, text[index] == "-" { index += 1 }
            if index < text.count, text[index] == "." || text[index] == "," { index += 1 }
            guard index < text.count, PythonText.isDigit(text[index]) else { return false }
            index += 1
            while index < text.count,
                PythonText.isDigit(text[index]) || text[index] == "," || text[index] == "." || text[index] == "-"
            {
                index += 1
            }
            // `[\d,\.-]*` already took any final period.
            return index == text.count
        }

        var typeNoPeriod: String {
            let type = self.type
            return type.unicodeScalars.count > 1 && type.unicodeScalars.last == "."
                ? String(type.unicodeScalars.dropLast()) : type
        }

        var typeNoSentencePeriod: String { sentenceBreak ? typeNoPeriod : type }

        var firstUpper: Bool { text.first.map { PythonText.isUpper(CollectionOfOne($0)) } ?? false }
        var firstLower: Bool { text.first.map { PythonText.isLower(CollectionOfOne($0)) } ?? false }

        /// `^\.\.+$`
        var isEllipsis: Bool { text.count >= 2 && text.allSatisfy { $0 == "." } }

        /// `[^\W\d]\.$` matched at the start: one letter and a period.
        var isInitial: Bool {
            text.count == 2 && text.last == "." && PythonText.isWord(text[text.startIndex])
                && !PythonText.isDigit(text[text.startIndex])
        }
    }

    /// `_first_pass_annotation`.
    func annotateFirstPass(_ token: inout Token) {
        if token.text.count == 1, Self.isSentenceEnd(token.text[token.text.startIndex]) {
            token.sentenceBreak = true
        } else if token.isEllipsis {
            token.ellipsis = true
        } else if token.periodFinal, !(token.text.count >= 2 && token.text[token.text.endIndex - 2] == ".") {
            let stem = PythonText.lower(PythonText.string(token.text.dropLast()))
            let lastPart = PythonText.split(stem, separator: "-").last ?? stem
            if abbreviations.contains(stem) || abbreviations.contains(lastPart) {
                token.abbreviation = true
            } else {
                token.sentenceBreak = true
            }
        }
    }

    enum Starter { case yes, no, unknown }

    /// `_ortho_heuristic`: does this token start a sentence?
    func orthographicHeuristic(_ token: Token) -> Starter {
        if token.text.count == 1, ";:,.!?".unicodeScalars.contains(token.text[token.text.startIndex]) { return .no }
        let context = orthographicContext[token.typeNoSentencePeriod] ?? 0
        if token.firstUpper && context & Self.lowerContexts != 0 && context & Self.midUC == 0 { return .yes }
        if token.firstLower && (context & Self.upperContexts != 0 || context & Self.begLC == 0) { return .no }
        return .unknown
    }

    /// `_second_pass_annotation` of `first`, given the token after it.
    func annotateSecondPass(_ first: inout Token, next: Token) {
        guard first.periodFinal else { return }
        let type = first.typeNoPeriod
        let nextType = next.typeNoSentencePeriod
        let isInitial = first.isInitial
        if collocations.contains(type + "\t" + nextType) {
            first.sentenceBreak = false
            first.abbreviation = true
            return
        }
        if (first.abbreviation || first.ellipsis) && !isInitial {
            if orthographicHeuristic(next) == .yes {
                first.sentenceBreak = true
                return
            }
            if next.firstUpper && sentenceStarters.contains(nextType) {
                first.sentenceBreak = true
                return
            }
        }
        if isInitial || type == "##number##" {
            let starter = orthographicHeuristic(next)
            if starter == .no {
                first.sentenceBreak = false
                first.abbreviation = true
                return
            }
            if starter == .unknown && isInitial && next.firstUpper
                && (orthographicContext[nextType] ?? 0) & Self.lowerContexts == 0
            {
                first.sentenceBreak = false
                first.abbreviation = true
            }
        }
    }

    /// `text_contains_sentbreak`: a token before the last one is a sentence break.
    func containsBreak(_ context: [Unicode.Scalar]) -> Bool {
        var tokens = PunktWordTokenizer.tokens(context).map(Token.init)
        for index in tokens.indices { annotateFirstPass(&tokens[index]) }
        guard tokens.count > 1 else { return false }
        for index in 0..<(tokens.count - 1) {
            annotateSecondPass(&tokens[index], next: tokens[index + 1])
            if tokens[index].sentenceBreak { return true }
        }
        return false
    }

    // MARK: Realignment

    static func isClosing(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\"", "'", ")", "]", "}", "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{AB}", "\u{BB}": true
        default: false
        }
    }

    /// `re_boundary_realignment.match`: closing punctuation (as few as will do), then whitespace,
    /// a following "--", or a line end. Returns the match's length and its length without
    /// trailing whitespace.
    static func realignment(_ text: ArraySlice<Unicode.Scalar>) -> (length: Int, kept: Int)? {
        let start = text.startIndex
        var end = start
        while end < text.endIndex, isClosing(text[end]) {
            end += 1
            if end < text.endIndex, PythonText.isRegexSpace(text[end]) {
                var spaceEnd = end
                while spaceEnd < text.endIndex, PythonText.isRegexSpace(text[spaceEnd]) { spaceEnd += 1 }
                return (spaceEnd - start, end - start)
            }
            if end + 1 < text.endIndex, text[end] == "-", text[end + 1] == "-" { return (end - start, end - start) }
            if end == text.endIndex || text[end] == "\n" { return (end - start, end - start) }
        }
        return nil
    }

    /// `_realign_boundaries`: closing punctuation after a break joins the sentence before it.
    func realigned(_ text: [Unicode.Scalar], _ slices: [Range<Int>]) -> [Range<Int>] {
        var output: [Range<Int>] = []
        var realign = 0
        for (index, slice) in slices.enumerated() {
            let first = (slice.lowerBound + realign)..<max(slice.lowerBound + realign, slice.upperBound)
            guard index + 1 < slices.count else {
                if !first.isEmpty { output.append(first) }
                continue
            }
            let second = slices[index + 1]
            if let match = Self.realignment(text[second]) {
                output.append(first.lowerBound..<max(first.lowerBound, second.lowerBound + match.kept))
                realign = match.length
            } else {
                realign = 0
                if !first.isEmpty { output.append(first) }
            }
        }
        return output
    }
}
