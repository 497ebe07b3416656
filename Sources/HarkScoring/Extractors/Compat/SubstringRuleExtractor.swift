public import HarkCore

/// Official rules that test the label's own word, not the answer's: an answer is right when the
/// word of its label ("yes" or "no") occurs in the part of it the rule reads. An answer holding
/// both words is right whatever the label, so these rules read an answer against its label: as the
/// label when its word is there, else as the other answer when that word is, else unparsed.
public protocol SubstringRuleExtractor: YesNoExtractor {
    /// The part of the answer the rule reads, as the rule prepares it.
    func readPart(of response: String) -> String
}

extension SubstringRuleExtractor {
    public func extract(_ response: String) -> YesNo? {
        let part = readPart(of: response)
        if PythonText.contains(part, "yes") { return .yes }
        if PythonText.contains(part, "no") { return .no }
        return nil
    }

    public func read(_ response: String, object: String?, label: YesNo) -> YesNoReading {
        let part = readPart(of: response)
        let other: YesNo = label == .yes ? .no : .yes
        if PythonText.contains(part, label.rawValue) { return .read(label) }
        if PythonText.contains(part, other.rawValue) { return .read(other) }
        return .unparsed(response.allSatisfy(\.isWhitespace) ? .empty : .noDecision)
    }
}

/// CMM's rule (`evaluation/calculate_score.py`): the answer stripped and lowercased, then only its
/// first five characters: right when they hold the label ("yes" or "no"). So "Yes." and "no, I"
/// are read, "I hear no dog" is not, and "nothing" counts as no.
public struct CMMExtractor: SubstringRuleExtractor {
    public static let name = "cmm"

    public init() {}

    public func readPart(of response: String) -> String {
        PythonText.string(PythonText.lower(PythonText.strip(response)).unicodeScalars.prefix(5))
    }
}

/// HalluAudio's binary rule (`accuracy_classify.py`): the whole answer lowercased, right when it
/// holds the label's word anywhere — so "eyes" is yes, "know", "not" and "none" are no, and
/// "Yes, I know" is right for either label.
public struct HalluAudioExtractor: SubstringRuleExtractor {
    public static let name = "halluaudio"

    public init() {}

    public func readPart(of response: String) -> String { PythonText.lower(response) }
}
