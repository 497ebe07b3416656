import Foundation

/// A pattern the reference hands to Python's `re` as written by the dataset (a keyword, a
/// forbidden word, a postscript marker), optionally case-insensitive and between `\b`s. A plain
/// literal — the usual case — is matched by a scan over code points with Python's rules for
/// `\b` and case; only a pattern with regex syntax goes to ICU (the same syntax for such patterns,
/// though `\w` and case folding may differ at the edges).
struct PythonPattern: Sendable {
    private enum Matcher: Sendable {
        case literal([Unicode.Scalar])
        case regex(NSRegularExpression)
    }

    private let matcher: Matcher
    private let ignoreCase: Bool
    private let wholeWord: Bool

    static let metacharacters = Set(".^$*+?{}[]\\|()".unicodeScalars)

    init(_ pattern: String, ignoreCase: Bool = false, wholeWord: Bool = false) throws {
        self.ignoreCase = ignoreCase
        self.wholeWord = wholeWord
        if pattern.unicodeScalars.contains(where: Self.metacharacters.contains) {
            let source = wholeWord ? "\\b(?:\(pattern))\\b" : pattern
            // Only "\n" ends a line for `.`, as in Python (ICU also stops at \r, U+0085, U+2028 …).
            let options: NSRegularExpression.Options =
                ignoreCase ? [.caseInsensitive, .useUnixLineSeparators] : [.useUnixLineSeparators]
            matcher = .regex(try NSRegularExpression(pattern: source, options: options))
        } else {
            matcher = .literal(pattern.unicodeScalars.map { ignoreCase ? Self.fold($0) : $0 })
        }
    }

    /// Python's simple lowercase of one code point, as `re.IGNORECASE` compares.
    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII { return scalar.properties.isUppercase ? Unicode.Scalar(scalar.value + 32)! : scalar }
        if scalar == "\u{130}" { return "i" }
        let mapping = scalar.properties.lowercaseMapping.unicodeScalars
        return mapping.count == 1 ? mapping.first! : scalar
    }

    /// Whether the pattern matches anywhere (`re.search`).
    func firstMatch(in text: String) -> Bool {
        switch matcher {
        case .literal(let needle): return literalMatches(needle, in: text, stopAtFirst: true) > 0
        case .regex(let regex): return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
    }

    /// The number of non-overlapping matches (`len(re.findall(...))`).
    func count(in text: String) -> Int {
        switch matcher {
        case .literal(let needle): return literalMatches(needle, in: text, stopAtFirst: false)
        case .regex(let regex): return regex.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
        }
    }

    private func literalMatches(_ needle: [Unicode.Scalar], in text: String, stopAtFirst: Bool) -> Int {
        if needle.allSatisfy(\.isASCII), text.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: byte by byte, no case folding beyond ASCII can apply.
            func folded(_ byte: UInt8) -> UInt8 { ignoreCase && (0x41...0x5A).contains(byte) ? byte + 32 : byte }
            return matches(
                needle.map { folded(UInt8($0.value)) }, in: text.utf8.map(folded), stopAtFirst: stopAtFirst,
                isWord: { PythonText.isWord(Unicode.Scalar($0)) })
        }
        return matches(
            needle, in: text.unicodeScalars.map { ignoreCase ? Self.fold($0) : $0 }, stopAtFirst: stopAtFirst,
            isWord: PythonText.isWord)
    }

    /// Non-overlapping occurrences of `needle` in `source`, left to right, between `\b`s when
    /// `wholeWord` (a boundary lies between a word character and anything else).
    private func matches<Element: Equatable>(
        _ needle: [Element], in source: [Element], stopAtFirst: Bool, isWord: (Element) -> Bool
    ) -> Int {
        guard !needle.isEmpty else { return source.count + 1 }
        func word(_ position: Int) -> Bool { position >= 0 && position < source.count && isWord(source[position]) }
        var count = 0
        var index = 0
        while index + needle.count <= source.count {
            if source[index] == needle[0], source[index..<index + needle.count].elementsEqual(needle),
                !wholeWord
                    || (word(index - 1) != word(index) && word(index + needle.count - 1) != word(index + needle.count))
            {
                count += 1
                if stopAtFirst { return count }
                index += needle.count
            } else {
                index += 1
            }
        }
        return count
    }
}
