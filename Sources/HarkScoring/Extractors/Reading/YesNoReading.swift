public import HarkCore

/// What an extractor made of one answer: yes, no, or unparsed with the reason.
public struct YesNoReading: Sendable, Hashable {
    public var answer: YesNo?
    /// Why the answer is unparsed; nil when it was read.
    public var reason: UnparsedReason?

    public static func read(_ answer: YesNo) -> YesNoReading { YesNoReading(answer: answer, reason: nil) }
    public static func unparsed(_ reason: UnparsedReason) -> YesNoReading { YesNoReading(answer: nil, reason: reason) }
}
