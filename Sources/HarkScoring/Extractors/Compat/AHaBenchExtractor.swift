public import HarkCore

/// AHa-Bench's `normalize` (`eval_metric.py`), applied to the answer itself: stripped and
/// lowercased, "yes" (or 是) anywhere is yes, else "no" (or 否) anywhere is no. So "eyes" is yes,
/// and "unknown", "not sure" and "I don't know" are no. (The official pipeline first asks GPT to
/// map each answer to Yes, No or Unknown, then normalizes that; "Unknown" normalizes to no too.)
public struct AHaBenchExtractor: YesNoExtractor {
    public static let name = "ahabench"

    public init() {}

    public func extract(_ response: String) -> YesNo? {
        let text = PythonText.lower(PythonText.strip(response))
        if PythonText.contains(text, "yes") || PythonText.contains(text, "是") { return .yes }
        if PythonText.contains(text, "no") || PythonText.contains(text, "否") { return .no }
        return nil
    }
}
