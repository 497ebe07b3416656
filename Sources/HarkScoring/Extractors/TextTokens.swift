/// Text prepared for fast word matching: its UTF-8 bytes with ASCII letters lowercased and curly
/// apostrophes made straight, and the byte ranges of its words (runs of letters, digits, non-ASCII
/// characters and inner apostrophes; quotes around a word are not part of it).
struct TextTokens {
    var bytes: [UInt8]
    var words: [Range<Int>]

    init(_ text: String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var source = text.utf8.makeIterator()
        var pending: [UInt8] = []
        while let byte = pending.isEmpty ? source.next() : pending.removeFirst() {
            switch byte {
            case 0x41...0x5A: bytes.append(byte | 0x20)
            case 0xE2:
                // U+2018 and U+2019 (E2 80 98 / E2 80 99) become "'".
                let second = source.next()
                let third = second == 0x80 ? source.next() : nil
                if second == 0x80, third == 0x98 || third == 0x99 {
                    bytes.append(UInt8(ascii: "'"))
                } else {
                    bytes.append(byte)
                    pending = [second, third].compactMap { $0 }
                }
            default: bytes.append(byte)
            }
        }
        var words: [Range<Int>] = []
        var start: Int?
        for index in bytes.indices {
            let byte = bytes[index]
            let isWord =
                (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte >= 0x80
                || byte == UInt8(ascii: "'")
            if isWord {
                if start == nil { start = index }
            } else if let first = start {
                Self.append(first..<index, of: bytes, to: &words)
                start = nil
            }
        }
        if let first = start { Self.append(first..<bytes.count, of: bytes, to: &words) }
        self.bytes = bytes
        self.words = words
    }

    private static func append(_ range: Range<Int>, of bytes: [UInt8], to words: inout [Range<Int>]) {
        var lower = range.lowerBound
        var upper = range.upperBound
        let apostrophe = UInt8(ascii: "'")
        while lower < upper, bytes[lower] == apostrophe { lower += 1 }
        while upper > lower, bytes[upper - 1] == apostrophe { upper -= 1 }
        if lower < upper { words.append(lower..<upper) }
    }

    func word(_ index: Int, is expected: [UInt8]) -> Bool {
        let range = words[index]
        guard range.count == expected.count else { return false }
        var position = range.lowerBound
        for byte in expected {
            if bytes[position] != byte { return false }
            position += 1
        }
        return true
    }

    /// Whether the words hold `phrase` (a sequence of words) anywhere.
    func contains(_ phrase: [[UInt8]]) -> Bool {
        guard !phrase.isEmpty, words.count >= phrase.count else { return false }
        for start in 0...(words.count - phrase.count) where word(start, is: phrase[0]) {
            var matched = true
            for offset in 1..<phrase.count where !word(start + offset, is: phrase[offset]) {
                matched = false
                break
            }
            if matched { return true }
        }
        return false
    }

    /// The phrase as words of bytes, for `contains`.
    static func phrase(_ text: String) -> [[UInt8]] {
        text.split(separator: " ").map { Array($0.utf8) }
    }
}
