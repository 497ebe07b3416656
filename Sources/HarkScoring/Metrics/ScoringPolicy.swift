/// How yes/no answers, unparsed ones included, become accuracy, precision, recall, F1 and yes-ratio.
///
/// - `hark`: unparsed answers count as wrong in accuracy and recall, and are no prediction in
///   precision; precision, recall and F1 are of the suite's positive class; a ratio with nothing to
///   divide is 0.
/// - `kuan2024-interspeech`: the Interspeech 2024 scorer — positive class "no"; unparsed answers
///   count as "not yes" in precision's denominator; percentages rounded to 2 decimals and F1
///   computed from the rounded precision and recall.
/// - `kuan2025-icassp`: the ICASSP 2025 scorer — positive class "no"; unparsed answers ("unknown")
///   stay in accuracy's denominator and out of precision and recall; F1 from unrounded precision
///   and recall; all rounded to 2 decimals as percentages; plus the instruction-following rate.
/// - `ahabench`: AHa-Bench's `eval_metric.py` — counted as `hark` does, except that the bias's
///   rates keep unparsed answers in their denominators (FN / all "yes" labels − FP / all "no"
///   labels); by type (the tag `task_type`), per-clip consistency over every clip, and the suite's
///   bias and consistency the mean over types (see `AHaBenchSummary`).
public enum ScoringPolicy: String, Sendable, Hashable, Codable, CaseIterable {
    case hark
    case kuan2024Interspeech = "kuan2024-interspeech"
    case kuan2025ICASSP = "kuan2025-icassp"
    case ahabench
}
