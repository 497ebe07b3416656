import Foundation
import HarkCore
import HarkScoring
import HarkTestSupport
import Testing

/// hark's `default` reading against careful human labels: the set of `make_yesno_reading_set.py`
/// (over every kind of answer and 16 languages). Agreement must be at least 95% overall and no more
/// than 1% of answers may be read with the wrong polarity (yes as no, or no as yes).
@Suite struct YesNoReadingTests {
    struct Case: Decodable, Sendable {
        var answer: String
        var object: String
        var label: String
        var kind: String
        var language: String
    }

    /// The committed set, or another labelled set of the same form named by `HARK_YESNO_SET`.
    static let cases: [Case] = {
        let path = ProcessInfo.processInfo.environment["HARK_YESNO_SET"]
        let url =
            path.map { URL(fileURLWithPath: $0) }
            ?? HarkCLI.packageRoot.appendingPathComponent("Tests/HarkScoringTests/Golden/yesno-reading.json")
        return (try? JSONDecoder().decode([Case].self, from: Data(contentsOf: url))) ?? []
    }()

    @Test func agreementWithCarefulReaders() throws {
        try #require(
            Self.cases.count >= (ProcessInfo.processInfo.environment["HARK_YESNO_SET"] == nil ? 800 : 1),
            "the labelled set did not load")
        let extractor = DefaultYesNoExtractor()
        var agree: [String: (Int, Int)] = [:]
        var swaps = 0
        var misses: [String] = []
        for item in Self.cases {
            let reading = extractor.read(item.answer, object: item.object)
            let read = reading.answer?.rawValue ?? "unparsed"
            let key = item.kind == "multilingual" ? "multilingual-\(item.language)" : item.kind
            var tally = agree[key] ?? (0, 0)
            tally.1 += 1
            if read == item.label {
                tally.0 += 1
            } else {
                misses.append("\(item.label) read \(read) [\(key)]: \(item.answer) (\(item.object))")
                if read != "unparsed" && item.label != "unparsed" { swaps += 1 }
            }
            agree[key] = tally
        }
        let total = agree.values.reduce(0) { $0 + $1.1 }
        let agreed = agree.values.reduce(0) { $0 + $1.0 }
        let table = agree.sorted { $0.key < $1.key }.map {
            String(format: "%@ %.1f%% (%d)", $0.key, 100 * Double($0.value.0) / Double($0.value.1), $0.value.1)
        }
        #expect(
            Double(agreed) / Double(total) >= 0.95,
            "agreement \(agreed)/\(total)\n\(table.joined(separator: "\n"))\n\(misses.joined(separator: "\n"))")
        #expect(Double(swaps) / Double(total) <= 0.01, "yes/no swaps: \(swaps)\n\(misses.joined(separator: "\n"))")
    }

    @Test func unparsedAnswersSayWhy() {
        let extractor = DefaultYesNoExtractor()
        #expect(extractor.read("  ", object: "dog").reason == .empty)
        #expect(extractor.read("I can't process audio.", object: "dog").reason == .refusal)
        #expect(extractor.read("Yes, and also no.", object: "dog").reason == .contradiction)
        #expect(extractor.read("The clip is a calm piano piece.", object: "dog").reason == .offTopic)
        #expect(extractor.read("Maybe.", object: "dog").reason == .noDecision)
        #expect(extractor.read("No.", object: "dog").reason == nil)
    }
}
