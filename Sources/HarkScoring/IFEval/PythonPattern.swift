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
            matcher = .regex(try NSRegularExpression(pattern: source, options: ignoreCase ? [.caseInsensitive] : []))
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
            return asciiMatches(needle.map { UInt8($0.value) }, in: Array(text.utf8), stopAtFirst: stopAtFirst)
        }
        let source = text.unicodeScalars.map { ignoreCase ? Self.fold($0) : $0 }
        guard !needle.isEmpty else { return source.count + 1 }
        var count = 0
        var index = 0
        func isWord(_ position: Int) -> Bool { position >= 0 && position < source.count && PythonText.isWord(source[position]) }
        while index + needle.count <= source.count {
            if source[index] == needle[0], source[index..<index + needle.count].elementsEqual(needle),
                !wholeWord
                    || (isWord(index - 1) != isWord(index) && isWord(index + needle.count - 1) != isWord(index + needle.count))
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

    /// The same scan over an ASCII text and needle, byte by byte (no case folding beyond ASCII
    /// can apply).
    private func asciiMatches(_ needle: [UInt8], in text: [UInt8], stopAtFirst: Bool) -> Int {
        func folded(_ byte: UInt8) -> UInt8 { ignoreCase && (0x41...0x5A).contains(byte) ? byte + 32 : byte }
        let pattern = needle.map(folded)
        guard !pattern.isEmpty else { return text.count + 1 }
        func isWord(_ position: Int) -> Bool {
            guard position >= 0 && position < text.count else { return false }
            let byte = text[position]
            return (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x5F
        }
        var count = 0, index = 0
        while index + pattern.count <= text.count {
            var matched = true
            for offset in 0..<pattern.count where folded(text[index + offset]) != pattern[offset] {
                matched = false
                break
            }
            if matched, !wholeWord || (isWord(index - 1) != isWord(index) && isWord(index + pattern.count - 1) != isWord(index + pattern.count)) {
                count += 1
                if stopAtFirst { return count }
                index += pattern.count
            } else {
                index += 1
            }
        }
        return count
    }
}
