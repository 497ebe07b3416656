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

    public struct Outcome: Sendable, Hashable {
        public var strict: [Bool]
        /// Nil when the profile has no loose scores.
        public var loose: [Bool]?
    }

    public func evaluate(_ response: String) -> Outcome {
        let strict = checks.map { Self.follows($0, response) }
        guard loose else { return Outcome(strict: strict, loose: nil) }
        let variants = Self.looseVariants(response)
        let looseResults = zip(checks, strict).map { check, passed in
            passed || variants.dropFirst().contains { Self.follows(check, $0) }
        }
        return Outcome(strict: strict, loose: looseResults)
    }

    static func follows(_ check: any IFEvalCheck, _ response: String) -> Bool {
        !PythonText.strip(response).isEmpty && check.isFollowed(by: response)
    }

    /// The eight responses of the loose check, the response itself first.
    static func looseVariants(_ response: String) -> [String] {
        let lines = PythonText.lines(response)
        let withoutFirst = PythonText.strip(lines.dropFirst().joined(separator: "\n"))
        let withoutLast = PythonText.strip(lines.dropLast().joined(separator: "\n"))
        let withoutBoth = PythonText.strip(lines.dropFirst().dropLast().joined(separator: "\n"))
        func unstarred(_ text: String) -> String { String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "*" })) }
        return [
            response, unstarred(response), withoutFirst, withoutLast, withoutBoth, unstarred(withoutFirst), unstarred(withoutLast),
            unstarred(withoutBoth),
        ]
    }
}
