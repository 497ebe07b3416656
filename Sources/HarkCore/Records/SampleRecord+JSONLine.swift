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
        return Data(line.text.utf8)
    }
}

/// A JSON text written member by member in the order given, formatted as `JSONEncoder` formats:
/// no white space, numbers as Swift describes them without a trailing `.0`, strings quoted as the
/// canonical writer quotes them.
private struct JSONLine {
    var text = ""
    private var needsComma = false

    init() { text.reserveCapacity(512) }

    mutating func open() {
        text += "{"
        needsComma = false
    }

    mutating func close() {
        text += "}"
        needsComma = true
    }

    mutating func member(_ key: String, _ value: (inout JSONLine) -> Void) {
        if needsComma { text += "," }
        text += "\""
        text += key
        text += "\":"
        value(&self)
        needsComma = true
    }

    mutating func array<Element>(_ elements: [Element], _ write: (inout JSONLine, Element) -> Void) {
        text += "["
        for (index, element) in elements.enumerated() {
            if index > 0 { text += "," }
            write(&self, element)
        }
        text += "]"
    }

    mutating func integer(_ value: Int) { text += String(value) }

    mutating func bool(_ value: Bool) { text += value ? "true" : "false" }

    mutating func number(_ value: Double) {
        let described = value.description
        text += described.hasSuffix(".0") ? described.dropLast(2) : described[...]
    }

    mutating func string(_ value: String) { JSONValue.writeQuoted(value, to: &text) }
}
