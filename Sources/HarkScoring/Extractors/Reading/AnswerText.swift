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

    /// The normalised text (lowercased, markup removed).
    let text: String
    let pieces: [Piece]
    /// The words alone, in order, and for each its clause (clauses are split by marks).
    let words: [String]
    let clauses: [Int]
    /// Whether the answer holds Han, kana or Hangul.
    let hasCJK: Bool

    init(_ response: String) {
        var text = response.lowercased()
        if text.contains("~~") { text = Self.droppingStruckText(text) }
        var cleaned = ""
        cleaned.reserveCapacity(text.utf8.count)
        var hasCJK = false
        for character in text {
            if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 || character.isLetter {
                if Self.isCJK(scalar) { hasCJK = true }
            }
            switch character {
            case "*", "_", "`", "#", "\"", "“", "”", "„", "«", "»", "「", "」", "『", "』", "(", ")", "[", "]", "{", "}", "<", ">", "‹", "›", "《", "》", "【", "】":
                cleaned.append(" ")
            case "’", "‘", "`":
                cleaned.append("'")
            case "，", "、": cleaned.append(",")
            case "。": cleaned.append(".")
            case "！": cleaned.append("!")
            case "？": cleaned.append("?")
            case "：": cleaned.append(":")
            case "；": cleaned.append(";")
            default: cleaned.append(character)
            }
        }
        var pieces: [Piece] = []
        var word = ""
        func flush() {
            var trimmed = Substring(word)
            while trimmed.first == "'" { trimmed = trimmed.dropFirst() }
            while trimmed.last == "'" { trimmed = trimmed.dropLast() }
            // French and Italian elision: "n'entends" is "n" and "entends".
            if let apostrophe = trimmed.firstIndex(of: "'"), Self.elided.contains(String(trimmed[..<apostrophe])) {
                pieces.append(.word(String(trimmed[..<apostrophe])))
                trimmed = trimmed[trimmed.index(after: apostrophe)...]
            }
            if !trimmed.isEmpty { pieces.append(.word(String(trimmed))) }
            word = ""
        }
        for character in cleaned {
            if character.isLetter || character.isNumber || character == "'" || character.unicodeScalars.first?.properties.generalCategory == .nonspacingMark
                || character.unicodeScalars.first?.properties.generalCategory == .spacingMark
            {
                word.append(character)
            } else {
                flush()
                if ".,;:!?\n—–".contains(character) { pieces.append(.mark(character == "\n" ? "." : character)) }
            }
        }
        flush()
        pieces = Self.droppingLabel(pieces)
        var words: [String] = []
        var clauses: [Int] = []
        var clause = 0
        for piece in pieces {
            switch piece {
            case .word(let text):
                words.append(text)
                clauses.append(clause)
            case .mark: clause += 1
            }
        }
        self.text = cleaned
        self.pieces = pieces
        self.words = words
        self.clauses = clauses
        self.hasCJK = hasCJK
    }

    static let elided: Set<String> = ["n", "l", "d", "j", "qu", "c", "s", "m", "t", "un", "dell", "all", "nell", "sull"]

    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F: true
        default: false
        }
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
        let labels: Set<String> = ["answer", "response", "reply", "result", "output", "a", "final", "ans", "respuesta", "réponse", "antwort", "risposta", "resposta", "ответ", "cevap", "jawaban", "antwoord", "trả"]
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
        if sawLabel, index + 1 < pieces.count, case .word(let letter) = pieces[index], letter.count == 1, ("a"..."h").contains(letter),
            case .word = pieces[index + 1]
        {
            index += 1
        }
        return Array(pieces[index...])
    }

    /// The words of clause `clause`.
    func words(inClause clause: Int) -> [String] {
        zip(words, clauses).filter { $0.1 == clause }.map(\.0)
    }

    /// Whether the piece after word `index` ends its clause (or the answer): a standalone word.
    func endsClause(afterWord index: Int) -> Bool {
        index + 1 >= words.count || clauses[index + 1] != clauses[index]
    }
}
