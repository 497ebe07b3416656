import Foundation
public import HarkCore

/// What a suite scored: metrics overall, per slice (tag key → value → metrics; `template` is a
/// slice too), with the settings that made them.
public struct SuiteScore: Sendable, Hashable, Codable {
    public var scoring: ScoringSettings
    public var metrics: [MetricName: MetricValue]
    public var slices: [String: [String: [MetricName: MetricValue]]]
    /// Answered samples whose answer could not be read.
    public var unparsed: Int
    /// Unparsed answers by why (`refusal`, `contradiction`, …), where the extractor says.
    public var unparsedReasons: [String: Int]?
    public var confusion: YesNoConfusion?

    public init(
        scoring: ScoringSettings, metrics: [MetricName: MetricValue] = [:],
        slices: [String: [String: [MetricName: MetricValue]]] = [:],
        unparsed: Int = 0, confusion: YesNoConfusion? = nil
    ) {
        self.scoring = scoring
        self.metrics = metrics
        self.slices = slices
        self.unparsed = unparsed
        self.confusion = confusion
    }
}

extension SuiteScore {
    /// The score written into a suite's results.
    public func apply(to results: inout RunResults.SuiteResults) {
        results.metrics = metrics
        results.slices = slices
        results.counts.unparsed = unparsed
        results.counts.unparsedReasons = unparsedReasons
        results.confusion = confusion.map { table in
            [
                "yes_yes": table.yesYes, "yes_no": table.yesNo, "yes_unparsed": table.yesUnparsed,
                "no_yes": table.noYes, "no_no": table.noNo, "no_unparsed": table.noUnparsed,
            ]
        }
        results.scoring = (try? JSONValue.decode(JSONEncoder().encode(scoring)))
    }
}
