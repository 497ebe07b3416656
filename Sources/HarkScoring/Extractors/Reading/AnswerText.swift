import Foundation

/// An answer made ready for reading: lowercased, markup and quotes taken out (struck-through text
/// dropped: `~~No~~ Yes` is "yes"), a leading "Answer:" or "(B)" label dropped, and cut into words
/// and punctuation. Words are runs of letters, digits and inner apostrophes, in any script;
/// Chinese, Japanese and Korean text is also kept whole for the readers that match within it.
struct AnswerText {
    enum Piece: Equatable {
        case word(String)
        /// A clause boundary: `.`, `,`, `;`, `:`, `!`, `?`, a dash or a line break.
        case mark(Character)
    }

    /// The lowercased text, kept for Chinese, Japanese and Korean answers (empty otherwise).
    let text: String
    let pieces: [Piece]
    /// The words alone, in order, and for each its clause (clauses are split by marks).
    let words: [String]
    let clauses: [Int]
    /// How many words each clause has.
    let clauseSizes: [Int]
    /// Each word's class (`WordClass`), looked up once.
    let classes: [WordClass]
    /// Whether the answer holds Han, kana or Hangul.
    let hasCJK: Bool

    init(_ response: String) {
        if let ascii = AnswerText(ascii: response) {
            self = ascii
            return
        }
        var lowered = response.lowercased()
        if Self.holds(lowered, UInt8(ascii: "~")) { lowered = Self.droppingStruckText(lowered) }
        if Self.holds(lowered, UInt8(ascii: "<")) { lowered = Self.droppingTags(lowered) }
        var pieces: [Piece] = []
        var word = String.UnicodeScalarView()
        var hasCJK = false
        func flush() {
            guard !word.isEmpty else { return }
            Self.append(word: String(word), to: &pieces)
            word = String.UnicodeScalarView()
        }
        for scalar in lowered.unicodeScalars {
            var mark: Character?
            var part = false
            switch scalar.value {
            case 0x61...0x7A, 0x30...0x39, 0x27: part = true
            case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F: mark = Character(scalar)
            case 0x0A: mark = "."
            case 0x00...0x7F: break
            case 0x2019, 0x2018:
                word.append("'")
                continue
            case 0xFF0C, 0x3001: mark = ","
            case 0x3002: mark = "."
            case 0xFF01: mark = "!"
            case 0xFF1F: mark = "?"
            case 0xFF1A: mark = ":"
            case 0xFF1B: mark = ";"
            case 0x2014, 0x2013: mark = "—"
            default:
                let properties = scalar.properties
                part =
                    properties.isAlphabetic || properties.numericType != nil
                    || properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark
                if part, Self.isCJK(scalar) { hasCJK = true }
            }
            if part {
                word.append(scalar)
                continue
            }
            flush()
            if let mark { pieces.append(.mark(mark)) }
        }
        flush()
        self.init(pieces: Self.droppingLabel(pieces), text: hasCJK ? lowered : "", hasCJK: hasCJK)
    }

    /// The same for ASCII text without markup to rewrite, on its bytes: the common case, made
    /// fast. Nil for any other text.
    init?(ascii response: String) {
        var pieces: [Piece] = []
        var bytes = Array(response.utf8)
        for index in bytes.indices {
            let byte = bytes[index]
            if byte >= 0x80 || byte == UInt8(ascii: "~") || byte == UInt8(ascii: "<") { return nil }
            if (0x41...0x5A).contains(byte) { bytes[index] = byte | 0x20 }
        }
        var start: Int?
        func flush(_ end: Int) {
            guard let lower = start else { return }
            start = nil
            Self.append(word: String(decoding: bytes[lower..<end], as: UTF8.self), to: &pieces)
        }
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case 0x61...0x7A, 0x30...0x39, 0x27:
                if start == nil { start = index }
            case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F:
                flush(index)
                pieces.append(.mark(Character(Unicode.Scalar(byte))))
            case 0x0A:
                flush(index)
                pieces.append(.mark("."))
            default:
                flush(index)
            }
        }
        flush(bytes.count)
        self.init(pieces: Self.droppingLabel(pieces), text: "", hasCJK: false)
    }

    /// Words and clauses from the pieces.
    init(pieces: [Piece], text: String, hasCJK: Bool) {
        var words: [String] = []
        var clauses: [Int] = []
        words.reserveCapacity(pieces.count)
        clauses.reserveCapacity(pieces.count)
        var clause = 0
        for piece in pieces {
            switch piece {
            case .word(let text):
                words.append(text)
                clauses.append(clause)
            case .mark: clause += 1
            }
        }
        var sizes = [Int](repeating: 0, count: clause + 1)
        for index in clauses { sizes[index] += 1 }
        clauseSizes = sizes
        classes = words.map(WordClass.of)
        self.text = text
        self.pieces = pieces
        self.words = words
        self.clauses = clauses
        self.hasCJK = hasCJK
    }

    /// Adds a word: quotes around it dropped, a French or Italian elision split ("n'entends" is
    /// "n" and "entends").
    static func append(word: String, to pieces: inout [Piece]) {
        guard holds(word, UInt8(ascii: "'")) else {
            pieces.append(.word(word))
            return
        }
        var text = Substring(word)
        while text.first == "'" { text = text.dropFirst() }
        while text.last == "'" { text = text.dropLast() }
        if let apostrophe = text.firstIndex(of: "'"), elided.contains(String(text[..<apostrophe])) {
            pieces.append(.word(String(text[..<apostrophe])))
            text = text[text.index(after: apostrophe)...]
        }
        if !text.isEmpty { pieces.append(.word(String(text))) }
    }

    /// Whether the text holds the byte (a fast test before a slow rewrite).
    static func holds(_ text: String, _ byte: UInt8) -> Bool {
        text.utf8.contains(byte)
    }

    static let elided: Set<String> = [
        "n", "l", "d", "j", "qu", "c", "s", "m", "t", "un", "dell", "all", "nell", "sull",
    ]

    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F: true
        default: false
        }
    }

    /// Markup tags removed: `<answer>no</answer>` reads "no".
    static func droppingTags(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            if scalars[index] == "<", let close = scalars[index...].prefix(32).firstIndex(of: ">"),
                scalars[(index + 1)..<close].allSatisfy({
                    $0.properties.isAlphabetic || $0 == "/" || $0 == "_" || $0 == " " || $0 == "=" || $0 == "\""
                })
            {
                output.append(" ")
                index = close + 1
                continue
            }
            output.append(scalars[index])
            index += 1
        }
        return String(output)
    }

    /// `~~text~~` removed.
    static func droppingStruckText(_ text: String) -> String {
        var output = ""
        var rest = Substring(text)
        while let open = rest.range(of: "~~") {
            output += rest[..<open.lowerBound]
            let after = rest[open.upperBound...]
            guard let close = after.range(of: "~~") else {
                rest = after
                break
            }
            rest = after[close.upperBound...]
        }
        return output + rest
    }

    /// A leading label — "answer:", "final answer:", "response:", "a:", and an option letter such as
    /// "(b)" — is not part of what the answer says.
    static func droppingLabel(_ pieces: [Piece]) -> [Piece] {
        var index = 0
        let labels = Self.labels
        var sawLabel = false
        while index < pieces.count, case .word(let word) = pieces[index], labels.contains(word), index < 3 {
            index += 1
            sawLabel = true
        }
        if sawLabel, index < pieces.count, case .mark(let mark) = pieces[index], mark == ":" {
            index += 1
        } else if sawLabel {
            index = 0
        }
        // An option letter after the label: "answer: (b) no" reads "no".
        if sawLabel, index + 1 < pieces.count, case .word(let letter) = pieces[index], letter.count == 1,
            ("a"..."h").contains(letter),
            case .word = pieces[index + 1]
        {
            index += 1
        }
        return index == 0 ? pieces : Array(pieces[index...])
    }

    static let labels: Set<String> = [
        "answer", "response", "reply", "result", "output", "a", "final", "ans", "respuesta", "réponse", "antwort",
        "risposta", "resposta", "ответ", "cevap", "jawaban", "antwoord", "trả",
    ]

    /// Whether the piece after word `index` ends its clause (or the answer): a standalone word.
    func endsClause(afterWord index: Int) -> Bool {
        index + 1 >= words.count || clauses[index + 1] != clauses[index]
    }
}
