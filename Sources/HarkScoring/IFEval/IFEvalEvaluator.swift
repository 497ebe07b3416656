/// Checks one response against an item's instructions, strictly (the response as it is; a blank
/// response follows nothing) and loosely (any of eight variants: the response, without its first
/// line, its last line, or both, each also with every `*` removed).
public struct IFEvalEvaluator: Sendable {
    public let checks: [any IFEvalCheck]
    public let loose: Bool

    public init(checks: [any IFEvalCheck], loose: Bool) {
        self.checks = checks
        self.loose = loose
    }

    public struct Followed: Sendable, Hashable {
        public var strict: [Bool]
        /// Nil when the profile has no loose scores.
        public var loose: [Bool]?
    }

    public func evaluate(_ response: String) -> Followed {
        let strict = checks.map { Self.follows($0, response) }
        guard loose else { return Followed(strict: strict, loose: nil) }
        // The variants are made only when a strict check failed: a strict pass is a loose pass.
        guard strict.contains(false) else { return Followed(strict: strict, loose: strict) }
        // Blank variants follow nothing, and a variant equal to an earlier one (code point for code
        // point) adds nothing.
        var seen: Set<[UInt8]> = [Array(response.utf8)]
        let variants = Self.looseVariants(response).dropFirst().filter {
            !PythonText.isBlank($0) && seen.insert(Array($0.utf8)).inserted
        }
        let looseResults = zip(checks, strict).map { check, passed in
            passed || variants.contains { check.isFollowed(by: $0) }
        }
        return Followed(strict: strict, loose: looseResults)
    }

    static func follows(_ check: any IFEvalCheck, _ response: String) -> Bool {
        !PythonText.isBlank(response) && check.isFollowed(by: response)
    }

    /// The eight responses of the loose check, the response itself first. Made on UTF-8 bytes:
    /// "\n" and "*" are single bytes that no other character's encoding contains.
    static func looseVariants(_ response: String) -> [String] {
        let bytes = Array(response.utf8)
        let firstNewline = bytes.firstIndex(of: 0x0A)
        let lastNewline = bytes.lastIndex(of: 0x0A)
        func text(_ slice: ArraySlice<UInt8>) -> String { PythonText.strip(String(decoding: slice, as: UTF8.self)) }
        let withoutFirst = firstNewline.map { text(bytes[($0 + 1)...]) } ?? ""
        let withoutLast = lastNewline.map { text(bytes[..<$0]) } ?? ""
        let withoutBoth: String
        if let first = firstNewline, let last = lastNewline, first < last {
            withoutBoth = text(bytes[(first + 1)..<last])
        } else {
            withoutBoth = ""
        }
        func unstarred(_ text: String) -> String {
            text.utf8.contains(0x2A) ? String(decoding: text.utf8.filter { $0 != 0x2A }, as: UTF8.self) : text
        }
        return [
            response, unstarred(response), withoutFirst, withoutLast, withoutBoth, unstarred(withoutFirst),
            unstarred(withoutLast),
            unstarred(withoutBoth),
        ]
    }
}
