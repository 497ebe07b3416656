import Foundation
import HarkCore
import Testing

@Suite struct TimestampTests {
    /// `ISO8601DateFormatter` is what hark wrote before; its output is the reference, fractions of a
    /// second and dates across years, leap days and the epoch included.
    @Test func writesWhatISO8601DateFormatterWrote() {
        let reference = ISO8601DateFormatter()
        var generator = SplitMix64(seed: 20_261_204)
        let fixed: [TimeInterval] = [
            -86_400.5, -1, 0, 68_169_599, 951_782_400, 1_709_164_799.999, 1_709_164_799.9996, 2_372_288.999_7,
            1_796_406_169.5, 4_102_444_799.25,
        ]
        let random = (0..<200).map { _ in Double.random(in: 0..<4_102_444_800, using: &generator) }
        for seconds in fixed + random {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(Timestamp.string(from: date) == reference.string(from: date), "\(seconds)")
        }
    }

    @Test func isUTCToTheSecond() {
        #expect(Timestamp.string(from: Date(timeIntervalSince1970: 1_796_319_769)) == "2026-12-03T17:42:49Z")
    }
}
