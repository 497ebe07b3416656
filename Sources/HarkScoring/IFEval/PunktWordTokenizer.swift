/// Punkt's own word splitting (`PunktBaseClass._tokenize_words` with `PunktLanguageVars`'s
/// `_word_tokenize_fmt`), written out as a scanner: the text line by line (blank lines skipped),
/// each line into multi-character punctuation, words (punctuation other than periods split off)
/// and single non-space characters.
enum PunktWordTokenizer {
    /// Characters that may not start a word (`_re_word_start` excludes them).
    static func isNotWordStart(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "(", "\"", "`", "{", "[", ":", ";", "&", "#", "*", "@", ")", "}", "]", "-", ",": true
        default: false
        }
    }

    static func tokens(_ text: [Unicode.Scalar]) -> [ArraySlice<Unicode.Scalar>] {
        var tokens: [ArraySlice<Unicode.Scalar>] = []
        var lineStart = 0
        while lineStart <= text.count {
            let lineEnd = text[lineStart...].firstIndex(of: "\n") ?? text.count
            let line = text[lineStart..<lineEnd]
            if line.contains(where: { !PythonText.isWhitespace($0) }) { tokens += lineTokens(line) }
            lineStart = lineEnd + 1
        }
        return tokens
    }

    /// `findall` of the word-tokenizer pattern over one line (a slice; tokens are slices of it).
    static func lineTokens(_ line: ArraySlice<Unicode.Scalar>) -> [ArraySlice<Unicode.Scalar>] {
        var tokens: [ArraySlice<Unicode.Scalar>] = []
        var index = line.startIndex
        while index < line.endIndex {
            if PythonText.isRegexSpace(line[index]) {
                index += 1
                continue
            }
            let end: Int
            if let multi = multiCharacter(line, at: index) {
                end = multi
            } else if !isNotWordStart(line[index]) {
                var cursor = index + 1
                while cursor < line.endIndex, !wordEnds(line, at: cursor) { cursor += 1 }
                end = cursor
            } else {
                end = index + 1
            }
            tokens.append(line[index..<end])
            index = end
        }
        return tokens
    }

    /// `(?:\-{2,}|\.{2,}|(?:\.\s){2,}\.)` at `index`: where it ends, if it matches.
    static func multiCharacter(_ line: ArraySlice<Unicode.Scalar>, at index: Int) -> Int? {
        guard index < line.endIndex, line[index] == "-" || line[index] == "." else { return nil }
        let mark = line[index]
        if index + 1 < line.endIndex && line[index + 1] == mark {
            var end = index
            while end < line.endIndex, line[end] == mark { end += 1 }
            return end
        }
        // (?:\.\s){2,}\.
        var pairs = 0
        var cursor = index
        while cursor + 1 < line.endIndex, line[cursor] == ".", PythonText.isRegexSpace(line[cursor + 1]) {
            pairs += 1
            cursor += 2
        }
        if pairs >= 2, cursor < line.endIndex, line[cursor] == "." { return cursor + 1 }
        if pairs >= 3 { return index + 2 * (pairs - 1) + 1 }
        return nil
    }

    /// The lookahead that ends a word: whitespace, the end, non-word punctuation, multi-character
    /// punctuation, or a comma followed by one of those.
    static func wordEnds(_ line: ArraySlice<Unicode.Scalar>, at index: Int) -> Bool {
        if index >= line.endIndex { return true }
        let scalar = line[index]
        if PythonText.isRegexSpace(scalar) || PunktSentenceSplitter.isNonWord(scalar)
            || multiCharacter(line, at: index) != nil
        {
            return true
        }
        if scalar == "," {
            let next = index + 1
            return next >= line.endIndex || PythonText.isRegexSpace(line[next])
                || PunktSentenceSplitter.isNonWord(line[next])
                || multiCharacter(line, at: next) != nil
        }
        return false
    }
}
