public import Foundation

/// The moments hark writes into its files (a run's start and end, a cached answer, a judgement, a
/// synthesis): ISO 8601 in UTC to the second, `2026-12-03T17:42:49Z`.
///
/// Computed from the seconds since 1970 (proleptic Gregorian calendar, days to civil date after
/// Howard Hinnant's `civil_from_days`) rather than with `ISO8601DateFormatter` or a format style:
/// both set up a calendar in the current time zone, which loads ICU's time-zone data (megabytes
/// resident, milliseconds before a run's first request).
public enum Timestamp {
    /// Now, as ISO 8601 in UTC.
    public static func now() -> String { string(from: Date()) }

    /// `date` as ISO 8601 in UTC, the fraction of a second dropped after rounding to the
    /// millisecond (as `ISO8601DateFormatter` does: 08.9996 is written 09).
    public static func string(from date: Date) -> String {
        let milliseconds = (date.timeIntervalSince1970 * 1_000).rounded()
        let seconds = Int((milliseconds / 1_000).rounded(.down))
        let (days, secondOfDay) = seconds.floorDivided(by: 86_400)
        let (era, dayOfEra) = (days + 719_468).floorDivided(by: 146_097)
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))T\(padded(secondOfDay / 3_600, 2)):"
            + "\(padded(secondOfDay / 60 % 60, 2)):\(padded(secondOfDay % 60, 2))Z"
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension Int {
    /// Quotient rounded towards minus infinity and the remainder that goes with it (never negative).
    fileprivate func floorDivided(by divisor: Int) -> (quotient: Int, remainder: Int) {
        let remainder = self % divisor
        return remainder < 0 ? (self / divisor - 1, remainder + divisor) : (self / divisor, remainder)
    }
}
