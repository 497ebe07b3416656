public import HarkCore

/// Reads a yes/no answer out of a model's free text. `nil` is "unparsed": a result, never a guess.
public protocol YesNoExtractor: Sendable {
    /// The name a suite's `scoring.extractor` uses.
    static var name: String { get }
    func extract(_ response: String) -> YesNo?
    /// The answer read with the asked object at hand, and why it is unparsed when it is.
    func read(_ response: String, object: String?) -> YesNoReading
    /// The answer read against its label: the same as without, except for official rules that test
    /// the label's word (CMM's, HalluAudio's).
    func read(_ response: String, object: String?, label: YesNo) -> YesNoReading
}

extension YesNoExtractor {
    /// Rules that do not use the object and give no reason: unparsed is `no_decision`, or
    /// `empty` for a blank answer.
    public func read(_ response: String, object: String?) -> YesNoReading {
        if let answer = extract(response) { return .read(answer) }
        return .unparsed(response.allSatisfy(\.isWhitespace) ? .empty : .noDecision)
    }

    public func read(_ response: String, object: String?, label: YesNo) -> YesNoReading {
        read(response, object: object)
    }
}

/// The yes/no extractors by name.
public enum YesNoExtractors {
    public static let all: [any YesNoExtractor] = [
        DefaultYesNoExtractor(), StrictYesNoExtractor(), Kuan2024Extractor(), AHaBenchExtractor(), CMMExtractor(),
        HalluAudioExtractor(),
    ]

    public static var names: [String] { all.map { type(of: $0).name } }

    public static func named(_ name: String?) -> (any YesNoExtractor)? {
        guard let name else { return DefaultYesNoExtractor() }
        return all.first { type(of: $0).name == name }
    }
}
