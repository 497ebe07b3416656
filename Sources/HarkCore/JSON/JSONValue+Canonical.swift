extension JSONValue {
    /// The canonical text of the value: no white space, object keys sorted by their UTF-8 bytes,
    /// strings escaped minimally, integral numbers below 2^53 written as integers and other numbers
    /// in Swift's shortest round-trip form. Equal values give equal bytes on every machine.
    public var canonical: String {
        var output = ""
        writeCanonical(to: &output)
        return output
    }

    private func writeCanonical(to output: inout String) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .integer(let value): output += String(value)
        case .number(let value): output += Self.canonicalNumber(value)
        case .string(let value): Self.writeQuoted(value, to: &output)
        case .array(let values):
            output += "["
            for (index, value) in values.enumerated() {
                if index > 0 { output += "," }
                value.writeCanonical(to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (index, key) in keys.enumerated() {
                if index > 0 { output += "," }
                Self.writeQuoted(key, to: &output)
                output += ":"
                members[key]?.writeCanonical(to: &output)
            }
            output += "}"
        }
    }

    private static func canonicalNumber(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value.rounded() == value && abs(value) < 9.007_199_254_740_992e15 {
            return String(Int64(value))
        }
        return "\(value)"
    }

    /// The text quoted: runs that need no escape are appended whole (escapes are all ASCII, so
    /// the UTF-8 bytes tell where they are). The escapes are `JSONEncoder`'s too: `\b \f \n \r \t`,
    /// else `\u00xx`, and nothing above U+001F.
    static func writeQuoted(_ text: String, to output: inout String) {
        output += "\""
        let utf8 = text.utf8
        var run = utf8.startIndex
        var index = run
        while index != utf8.endIndex {
            let byte = utf8[index]
            guard byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 else {
                utf8.formIndex(after: &index)
                continue
            }
            output += text[run..<index]
            switch byte {
            case UInt8(ascii: "\""): output += "\\\""
            case UInt8(ascii: "\\"): output += "\\\\"
            case UInt8(ascii: "\n"): output += "\\n"
            case UInt8(ascii: "\r"): output += "\\r"
            case UInt8(ascii: "\t"): output += "\\t"
            case 0x08: output += "\\b"
            case 0x0C: output += "\\f"
            default:
                let hex = String(byte, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
            utf8.formIndex(after: &index)
            run = index
        }
        output += text[run..<index]
        output += "\""
    }
}
