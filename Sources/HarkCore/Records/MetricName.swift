/// The name of a metric: the key it has in `results.json`, in table layouts, thresholds and gate
/// policies. The names hark computes are constants here; a layout or policy may name others (a
/// slice's, a judge's), which read as absent where nothing computed them.
public struct MetricName: RawRepresentable, Hashable, Comparable, Sendable, Codable, CodingKeyRepresentable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var codingKey: any CodingKey { Key(stringValue: rawValue) }
    public init?<T: CodingKey>(codingKey: T) { rawValue = codingKey.stringValue }

    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The same metric as read by the judge (`judge_accuracy`).
    public var judged: MetricName { MetricName("judge_" + rawValue) }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    // Yes/no probes.
    public static let accuracy: MetricName = "accuracy"
    public static let precision: MetricName = "precision"
    public static let recall: MetricName = "recall"
    public static let f1: MetricName = "f1"
    public static let yesRatio: MetricName = "yes_ratio"
    public static let unparsedRate: MetricName = "unparsed_rate"
    public static let f1Yes: MetricName = "f1_yes"
    public static let f1No: MetricName = "f1_no"
    public static let f1Macro: MetricName = "f1_macro"
    public static let f1Weighted: MetricName = "f1_weighted"
    public static let instructionFollowingRate: MetricName = "instruction_following_rate"
    public static let f1Std: MetricName = "f1_std"
    public static let f1MeanOverTemplates: MetricName = "f1_mean_over_templates"
    public static let judgeReadShare: MetricName = "judge_read_share"
    /// With a compat extractor: the share of answers it and hark's default reader read differently.
    public static let readerDisagreement: MetricName = "reader_disagreement"
    public static let bias: MetricName = "bias"
    /// Refusals: of the items marked `refuse`, and of the others.
    public static let refusalRate: MetricName = "refusal_rate"
    /// HalluAudio's counting bias: answers counting more than one, with no number, right among those with one.
    public static let countingYesRatio: MetricName = "counting_yes_ratio"
    public static let unrelatedRatio: MetricName = "unrelated_ratio"
    public static let conditionalAccuracy: MetricName = "conditional_accuracy"
    public static let falseRefusalRate: MetricName = "false_refusal_rate"
    public static let perceptionAccuracy: MetricName = "perception_accuracy"
    public static let hallucinationResistance: MetricName = "hallucination_resistance"
    // Repeated sampling and per-clip consistency.
    public static let repeatConsistency: MetricName = "repeat_consistency"
    public static let majorityAccuracy: MetricName = "majority_accuracy"
    public static let meanItemVariance: MetricName = "mean_item_variance"
    public static let withinItemVarianceShare: MetricName = "within_item_variance_share"
    public static let clipAllRight: MetricName = "clip_all_right"
    public static let clipAllWrong: MetricName = "clip_all_wrong"
    // Runs.
    public static let errorRate: MetricName = "error_rate"
    // Captions (ECHO).
    public static let echoI: MetricName = "echo_i"
    /// The share of captions whose objects a judge listed (`scoring.caption_extractor: judge`).
    public static let judgeListedShare: MetricName = "judge_listed_share"
    public static let echoS: MetricName = "echo_s"
    public static let cover: MetricName = "cover"
    // Instruction following.
    public static let promptStrict: MetricName = "prompt_strict"
    public static let promptLoose: MetricName = "prompt_loose"
    public static let instructionStrict: MetricName = "instruction_strict"
    public static let instructionLoose: MetricName = "instruction_loose"
    public static let ifRate: MetricName = "if_rate"
    public static let closedEndedRate: MetricName = "closed_ended_rate"
    public static let creativeWritingRate: MetricName = "creative_writing_rate"
    public static let cotRate: MetricName = "cot_rate"
}
