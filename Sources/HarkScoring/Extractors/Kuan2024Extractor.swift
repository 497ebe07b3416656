public import HarkCore

/// The rule of the official Kuan et al. scorers (Interspeech 2024 and ICASSP 2025), reproduced with
/// its quirks: case-sensitive substring tests, the first that fires wins — so "eyes" is yes, "None"
/// and "Not" are no, and a lone lowercase "no" is only caught through "not".
public struct Kuan2024Extractor: YesNoExtractor {
    public static let name = "kuan2024"

    public init() {}

    public func extract(_ response: String) -> YesNo? {
        func has(_ needle: String) -> Bool { response.contains(needle) }
        if has("Yes") || has("yes") { return .yes }
        if has("No") { return .no }
        if has("there is no") { return .no }
        if has("does not contain") || has("doesn't contain") { return .no }
        if has("contain") { return .yes }
        if has("not") || has("unable") || has("can't") { return .no }
        return nil
    }
}
