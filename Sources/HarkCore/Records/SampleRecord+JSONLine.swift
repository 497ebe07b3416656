public import Foundation

extension SampleRecord {
    /// The record's journal line, byte for byte what `JSONEncoder` writes with `.sortedKeys` and
    /// `.withoutEscapingSlashes` (`JSONLineTests` holds the two together), written directly: the
    /// encoder's keyed containers cost more than the rest of journaling a record.
    public var jsonLine: Data {
        var line = JSONLine()
        line.open()
        line.member("attempts") { $0.integer(attempts) }
        line.member("audio") { line in
            line.array(audio) { line, clip in
                line.open()
                line.member("path") { $0.string(clip.path) }
                line.member("seconds") { $0.number(clip.seconds) }
                line.member("sha256") { $0.string(clip.sha256) }
                line.close()
            }
        }
        line.member("cached") { $0.bool(cached) }
        if let choiceOrder { line.member("choice_order") { $0.array(choiceOrder) { $0.integer($1) } } }
        if let error {
            line.member("error") { line in
                line.open()
                line.member("kind") { $0.string(error.kind.rawValue) }
                line.member("message") { $0.string(error.message) }
                if let status = error.status { line.member("status") { $0.integer(status) } }
                line.close()
            }
        }
        if let finishReason { line.member("finish_reason") { $0.string(finishReason) } }
        line.member("item") { $0.string(item) }
        line.member("key") { $0.string(key) }
        line.member("latency_ms") { $0.number(latencyMs) }
        line.member("prompt") { $0.string(prompt) }
        line.member("repeat") { $0.integer(repeatIndex) }
        line.member("request_hash") { $0.string(requestHash) }
        if let response { line.member("response") { $0.string(response) } }
        line.member("suite") { $0.string(suite) }
        if let system { line.member("system") { $0.string(system) } }
        if let systemFingerprint { line.member("system_fingerprint") { $0.string(systemFingerprint) } }
        line.member("template") { $0.string(template) }
        if let usage {
            line.member("usage") { line in
                line.open()
                line.member("completion_tokens") { $0.integer(usage.completionTokens) }
                line.member("prompt_tokens") { $0.integer(usage.promptTokens) }
                line.close()
            }
        }
        line.close()
        return Data(line.bytes)
    }
}

/// A JSON text written member by member in the order given, formatted as `JSONEncoder` formats:
/// no white space, numbers as Swift describes them without a trailing `.0`, strings with `"`, `\`
/// and control characters escaped (`\b \f \n \r \t`, else `\u00xx`) and nothing else.
private struct JSONLine {
    var bytes: [UInt8] = []
    private var needsComma = false

    init() { bytes.reserveCapacity(512) }

    mutating func open() {
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    mutating func close() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    mutating func member(_ key: StaticString, _ value: (inout JSONLine) -> Void) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: "\":".utf8)
        value(&self)
        needsComma = true
    }

    mutating func array<Element>(_ elements: [Element], _ write: (inout JSONLine, Element) -> Void) {
        bytes.append(UInt8(ascii: "["))
        for (index, element) in elements.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            write(&self, element)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func integer(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

    mutating func bool(_ value: Bool) { bytes.append(contentsOf: (value ? "true" : "false").utf8) }

    mutating func number(_ value: Double) {
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): bytes.append(contentsOf: #"\\"#.utf8)
            case 0x08: bytes.append(contentsOf: #"\b"#.utf8)
            case 0x0C: bytes.append(contentsOf: #"\f"#.utf8)
            case UInt8(ascii: "\n"): bytes.append(contentsOf: #"\n"#.utf8)
            case UInt8(ascii: "\r"): bytes.append(contentsOf: #"\r"#.utf8)
            case UInt8(ascii: "\t"): bytes.append(contentsOf: #"\t"#.utf8)
            case ..<0x20:
                let digits = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: #"\u00"#.utf8)
                bytes.append(digits[Int(byte >> 4)])
                bytes.append(digits[Int(byte & 0x0F)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
