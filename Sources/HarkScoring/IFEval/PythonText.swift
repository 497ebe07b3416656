/// Python's `str` semantics where the IFEval reference relies on them: what counts as whitespace
/// (`strip`, `split`), a word character (`\w` of `re` on `str`), upper and lower case (`isupper`,
/// `islower`). Texts are handled as Unicode scalars, as Python handles code points.
enum PythonText {
    /// `str.isspace` for one code point: the Unicode whitespace Python strips and splits on.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            return scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) || (0x1C...0x1F).contains(scalar.value)
        }
        switch scalar.value {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// `\s` of `re` on `str` patterns: the same set as `str.isspace`.
    static func isRegexSpace(_ scalar: Unicode.Scalar) -> Bool { isWhitespace(scalar) }

    /// `\w` of `re` on `str` patterns: `_`, letters and numbers (not marks).
    static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value) || (0x30...0x39).contains(value)
                || value == 0x5F
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// `\d` of `re` on `str` patterns: decimal digits of any script.
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .decimalNumber
    }

    /// `not text.strip()`: empty or whitespace only.
    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy(isWhitespace)
    }

    static func strip(_ text: String) -> String {
        let view = text.unicodeScalars
        var start = view.startIndex
        var end = view.endIndex
        while start < end, isWhitespace(view[start]) { view.formIndex(after: &start) }
        while end > start {
            let before = view.index(before: end)
            guard isWhitespace(view[before]) else { break }
            end = before
        }
        return start == view.startIndex && end == view.endIndex ? text : String(view[start..<end])
    }

    /// `str.strip(chars)` for a set of characters.
    static func strip(_ text: String, characters: Set<Unicode.Scalar>) -> String {
        var view = text[...].unicodeScalars
        while let first = view.first, characters.contains(first) { view.removeFirst() }
        while let last = view.last, characters.contains(last) { view.removeLast() }
        return String(String.UnicodeScalarView(view))
    }

    /// `str.split()`: runs of non-whitespace.
    static func split(_ text: String) -> [String] {
        var parts: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isWhitespace(scalar) {
                if !current.isEmpty { parts.append(String(current)) }
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { parts.append(String(current)) }
        return parts
    }

    /// `str.split(separator)` for a literal separator. UTF-8 is prefix-free, so comparing bytes
    /// compares code points, as Python does (not canonical equivalents, as `String` does).
    static func split(_ text: String, separator: String) -> [String] {
        let source = Array(text.utf8)
        let needle = Array(separator.utf8)
        var parts: [String] = []
        var start = 0
        for match in occurrences(of: needle, in: source) {
            parts.append(String(decoding: source[start..<match], as: UTF8.self))
            start = match + needle.count
        }
        parts.append(String(decoding: source[start...], as: UTF8.self))
        return parts
    }

    /// The starts of the non-overlapping occurrences of `needle`, left to right.
    static func occurrences(of needle: [UInt8], in source: [UInt8]) -> [Int] {
        guard !needle.isEmpty, needle.count <= source.count else { return [] }
        var found: [Int] = []
        var index = 0
        let first = needle[0]
        while index + needle.count <= source.count {
            if source[index] == first && source[index..<index + needle.count].elementsEqual(needle) {
                found.append(index)
                index += needle.count
            } else {
                index += 1
            }
        }
        return found
    }

    /// A string of code points.
    static func string(_ scalars: some Sequence<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// `needle in text`.
    static func contains(_ text: String, _ needle: String) -> Bool {
        needle.isEmpty || !occurrences(of: Array(needle.utf8), in: Array(text.utf8)).isEmpty
    }

    /// `str.startswith` / `str.endswith`.
    static func hasPrefix(_ text: String, _ prefix: String) -> Bool {
        text.utf8.starts(with: prefix.utf8)
    }

    static func hasSuffix(_ text: String, _ suffix: String) -> Bool {
        text.utf8.count >= suffix.utf8.count && text.utf8.suffix(suffix.utf8.count).elementsEqual(suffix.utf8)
    }

    /// `str.lower()`: full Unicode lowercasing, code point by code point.
    static func lower(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: text.utf8.map { (0x41...0x5A).contains($0) ? $0 + 32 : $0 }, as: UTF8.self)
        }
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                output.append(scalar.properties.isUppercase ? Unicode.Scalar(scalar.value + 32)! : scalar)
            } else {
                output.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(output)
    }

    /// `str.isupper()`: some cased character, and none lowercase or titlecase.
    static func isUpper(_ text: String) -> Bool { isUpper(text.unicodeScalars) }

    static func isUpper(_ scalars: some Sequence<Unicode.Scalar>) -> Bool {
        var cased = false
        for scalar in scalars {
            if scalar.value < 0x80 {
                if (0x61...0x7A).contains(scalar.value) { return false }
                if (0x41...0x5A).contains(scalar.value) { cased = true }
                continue
            }
            let properties = scalar.properties
            if properties.isLowercase || properties.generalCategory == .titlecaseLetter { return false }
            if properties.isUppercase { cased = true }
        }
        return cased
    }

    /// `str.islower()`: some cased character, and none uppercase or titlecase.
    static func isLower(_ text: String) -> Bool { isLower(text.unicodeScalars) }

    static func isLower(_ scalars: some Sequence<Unicode.Scalar>) -> Bool {
        var cased = false
        for scalar in scalars {
            if scalar.value < 0x80 {
                if (0x41...0x5A).contains(scalar.value) { return false }
                if (0x61...0x7A).contains(scalar.value) { cased = true }
                continue
            }
            let properties = scalar.properties
            if properties.isUppercase || properties.generalCategory == .titlecaseLetter { return false }
            if properties.isLowercase { cased = true }
        }
        return cased
    }

    /// The number of runs of `\w` (NLTK's `RegexpTokenizer(r"\w+")`).
    static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let word = isWord(scalar)
            if word && !inWord { count += 1 }
            inWord = word
        }
        return count
    }

    /// The lines of a text as Python's `str.split("\n")` gives them.
    static func lines(_ text: String) -> [String] {
        split(text, separator: "\n")
    }
}
