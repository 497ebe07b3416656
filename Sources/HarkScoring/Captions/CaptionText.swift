/// A caption split into words for reading mentions: each word lowercased, curly apostrophes made
/// straight and a possessive "'s" dropped ("Dog's" → "dog"), with its place in the text (in Unicode
/// scalars, as Python indexes strings) and the characters that separate it from the word before.
struct CaptionText {
    struct Word {
        var text: String
        /// Scalar offsets of the word as written, possessive included.
        var start: Int, end: Int
        /// What comes between the previous word and this one ("" before the first).
        var before: String
    }

    let scalars: [Unicode.Scalar]
    private(set) var words: [Word] = []

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        var index = 0
        var previousEnd = 0
        while index < scalars.count {
            guard Self.isWordScalar(scalars[index]) else {
                index += 1
                continue
            }
            let start = index
            while index < scalars.count,
                Self.isWordScalar(scalars[index])
                    || (Self.isApostrophe(scalars[index]) && index + 1 < scalars.count
                        && Self.isWordScalar(scalars[index + 1]))
            {
                index += 1
            }
            var word = String(String.UnicodeScalarView(scalars[start..<index])).lowercased()
            word = word.replacingOccurrences(of: "\u{2019}", with: "'")
            if word.hasSuffix("'s") { word.removeLast(2) }
            let before = String(String.UnicodeScalarView(scalars[previousEnd..<start]))
            words.append(Word(text: word, start: start, end: index, before: before))
            previousEnd = index
        }
    }

    /// The text from the start of one word to the end of another, as written.
    func span(_ first: Int, _ last: Int) -> String {
        String(String.UnicodeScalarView(scalars[words[first].start..<words[last].end]))
    }

    /// What follows a word up to the next one (or the end).
    func after(_ index: Int) -> String {
        index + 1 < words.count
            ? words[index + 1].before
            : String(String.UnicodeScalarView(scalars[words[index].end...]))
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}"
    }
}
