/// Whether Python's `json.loads` (its C scanner) accepts a text: one JSON value with `[ \t\n\r]`
/// around it, where `NaN`, `Infinity` and `-Infinity` are values too, strings hold no raw
/// control character, `\u` escapes may be lone surrogates, and numbers are ASCII.
enum PythonJSON {
    static func isValid(_ text: String) -> Bool {
        var parser = Parser(bytes: Array(text.utf8))
        parser.skipSpace()
        guard parser.value(depth: 0) else { return false }
        parser.skipSpace()
        return parser.index == parser.bytes.count
    }

    struct Parser {
        let bytes: [UInt8]
        var index = 0

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipSpace() {
            while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
        }

        mutating func literal(_ word: String) -> Bool {
            let utf8 = Array(word.utf8)
            guard index + utf8.count <= bytes.count, bytes[index..<index + utf8.count].elementsEqual(utf8) else {
                return false
            }
            index += utf8.count
            return true
        }

        mutating func value(depth: Int) -> Bool {
            guard depth < 900, let byte = current else { return false }
            switch byte {
            case UInt8(ascii: "{"): return object(depth: depth)
            case UInt8(ascii: "["): return array(depth: depth)
            case UInt8(ascii: "\""): return string()
            case UInt8(ascii: "t"): return literal("true")
            case UInt8(ascii: "f"): return literal("false")
            case UInt8(ascii: "n"): return literal("null")
            case UInt8(ascii: "N"): return literal("NaN")
            case UInt8(ascii: "I"): return literal("Infinity")
            case UInt8(ascii: "-"):
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "I") { return literal("-Infinity") }
                return number()
            default: return number()
            }
        }

        mutating func object(depth: Int) -> Bool {
            index += 1
            skipSpace()
            if current == UInt8(ascii: "}") {
                index += 1
                return true
            }
            while true {
                guard current == UInt8(ascii: "\""), string() else { return false }
                skipSpace()
                guard current == UInt8(ascii: ":") else { return false }
                index += 1
                skipSpace()
                guard value(depth: depth + 1) else { return false }
                skipSpace()
                if current == UInt8(ascii: "}") {
                    index += 1
                    return true
                }
                guard current == UInt8(ascii: ",") else { return false }
                index += 1
                skipSpace()
            }
        }

        mutating func array(depth: Int) -> Bool {
            index += 1
            skipSpace()
            if current == UInt8(ascii: "]") {
                index += 1
                return true
            }
            while true {
                guard value(depth: depth + 1) else { return false }
                skipSpace()
                if current == UInt8(ascii: "]") {
                    index += 1
                    return true
                }
                guard current == UInt8(ascii: ",") else { return false }
                index += 1
                skipSpace()
            }
        }

        mutating func string() -> Bool {
            index += 1
            while let byte = current {
                index += 1
                switch byte {
                case UInt8(ascii: "\""): return true
                case 0x00..<0x20: return false
                case UInt8(ascii: "\\"):
                    guard let escape = current else { return false }
                    index += 1
                    switch escape {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                        UInt8(ascii: "f"),
                        UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                        continue
                    case UInt8(ascii: "u"):
                        for _ in 0..<4 {
                            guard let hex = current, isHex(hex) else { return false }
                            index += 1
                        }
                    default: return false
                    }
                default: continue
                }
            }
            return false
        }

        func isHex(_ byte: UInt8) -> Bool {
            (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
        }

        func isDigit(_ byte: UInt8?) -> Bool {
            byte.map { (0x30...0x39).contains($0) } ?? false
        }

        /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`; an incomplete fraction or exponent is
        /// left unread (and then fails as extra data, as in Python).
        mutating func number() -> Bool {
            if current == UInt8(ascii: "-") { index += 1 }
            guard isDigit(current) else { return false }
            if current == UInt8(ascii: "0") {
                index += 1
            } else {
                while isDigit(current) { index += 1 }
            }
            if current == UInt8(ascii: "."), index + 1 < bytes.count, isDigit(bytes[index + 1]) {
                index += 1
                while isDigit(current) { index += 1 }
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                var look = index + 1
                if look < bytes.count, bytes[look] == UInt8(ascii: "+") || bytes[look] == UInt8(ascii: "-") {
                    look += 1
                }
                if look < bytes.count, isDigit(bytes[look]) {
                    index = look
                    while isDigit(current) { index += 1 }
                }
            }
            return true
        }
    }
}
