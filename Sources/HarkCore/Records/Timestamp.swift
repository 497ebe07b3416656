public import Foundation

/// The moments hark writes into its files (a run's start and end, a cached answer, a judgement, a
/// synthesis): ISO 8601 in UTC to the second, `2026-12-03T17:42:49Z`.
///
/// Formatted by FoundationEssentials' format style rather than `ISO8601DateFormatter`, whose first
/// use loads ICU's calendar, time-zone and number data (about 6 MB resident and several
/// milliseconds before a run's first request).
public enum Timestamp {
    /// Now, as ISO 8601 in UTC.
    public static func now() -> String { string(from: Date()) }

    /// `date` as ISO 8601 in UTC.
    public static func string(from date: Date) -> String { date.formatted(Date.ISO8601FormatStyle()) }
}
