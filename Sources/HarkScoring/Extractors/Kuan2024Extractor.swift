public import HarkCore

/// The rule of the official Kuan et al. scorers (Interspeech 2024 and ICASSP 2025), reproduced with
/// its quirks: case-sensitive substring tests, the first that fires wins — so "eyes" is yes, "None"
/// and "Not" are no, and a lone lowercase "no" is only caught through "not".
public struct Kuan2024Extractor: YesNoExtractor {
    public static let name = "kuan2024"

    public init() {}

    /// Substring tests on UTF-8 bytes: for valid UTF-8 the same as Python's `in` on code points (a
    /// Swift `String.contains` would compare grapheme clusters, which differs on combining marks).
    public func extract(_ response: String) -> YesNo? {
        let bytes = Array(response.utf8)
        func has(_ needle: String) -> Bool { Self.contains(bytes, Array(needle.utf8)) }
        if has("Yes") || has("yes") { return .yes }
        if has("No") { return .no }
        if has("there is no") { return .no }
        if has("does not contain") || has("doesn't contain") { return .no }
        if has("contain") { return .yes }
        if has("not") || has("unable") || has("can't") { return .no }
        return nil
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return needle.isEmpty }
        let first = needle[0]
        for start in 0...(haystack.count - needle.count) where haystack[start] == first {
            var matched = true
            for offset in 1..<needle.count where haystack[start + offset] != needle[offset] {
                matched = false
                break
            }
            if matched { return true }
        }
        return false
    }
}
