import Foundation
import HarkCore
import HarkScoring
import HarkTestSupport
import Testing

/// hark's Kuan compatibility modes against the official scripts of kuan2jiu99/audio-hallucination,
/// run by `make_kuan_compat.py` on the same answers: every ICASSP 2025 yes/no and pair metric, and
/// every Interspeech 2024 caption metric, to the official rounding (no-mention captions, pairs
/// stored No-then-Yes and rounding ties included).
@Suite struct KuanCompatTests {
    struct Golden: Decodable {
        struct Row: Decodable { var label: String, response: String }
        struct YesNoSet: Decodable { var rows: [Row], official: [String: Double]? }
        struct Caption: Decodable { var label: [String], prediction: [String] }
        struct CaptionSet: Decodable {
            var captions: [Caption], official: [String: Double], unrounded: [String: Double]
        }
        var icassp: [YesNoSet]
        var captions: [CaptionSet]
    }

    static let golden: Golden? = {
        let url = HarkCLI.packageRoot.appendingPathComponent("Tests/HarkScoringTests/Golden/kuan-compat.json")
        return try? JSONDecoder().decode(Golden.self, from: Data(contentsOf: url))
    }()

    func record(_ item: String, _ response: String) -> SampleRecord {
        SampleRecord(
            request: ModelRequest(suiteID: "s", itemID: item, template: "q", repeatIndex: 0, prompt: "p"),
            requestHash: "h", response: ModelResponse(text: response), error: nil, latencyMs: 0, attempts: 1,
            cached: false)
    }

    /// A value as the official script prints it: a percentage to 2 decimals.
    func percent(_ value: Double?) -> String? {
        value.map { String(format: "%.2f", $0 * 100) }
    }

    @Test func icasspMetricsMatchTheOfficialScript() throws {
        let sets = try #require(Self.golden?.icassp)
        try #require(sets.count >= 10)
        let names: [(String, MetricName)] = [
            ("accuracy", .accuracy), ("precision", .precision), ("recall", .recall), ("f1", .f1),
            ("yes_rate", .yesRatio), ("instruction_follow_rate", .instructionFollowingRate),
            ("correct_correct", "pair_c_c"), ("incorrect_incorrect", "pair_ic_ic"),
            ("correct_incorrect", "pair_c_ic"), ("incorrect_correct", "pair_ic_c"),
        ]
        var compared = 0
        for (number, set) in sets.enumerated() {
            // Rows as the ICASSP importer makes them: pairs by position, each tagged with its role.
            var items: [String: Item] = [:]
            var records: [SampleRecord] = []
            for (index, row) in set.rows.enumerated() {
                let id = "r\(index)"
                let label: YesNo = row.label.lowercased() == "yes" ? .yes : .no
                items[id] = Item(
                    id: id, tags: ["pair": "p\(index / 2)", "pair_role": index % 2 == 0 ? "first" : "second"],
                    answerKey: .yesNo(object: "dog", label: label))
                records.append(record(id, row.response))
            }
            let settings = ScoringSettings(extractor: "kuan2024", policy: .kuan2025ICASSP, positiveClass: .no)
            let metrics = try YesNoScorer(settings: settings).score(suite: "s", items: items, records: records).0
                .metrics
            guard let official = set.official else {
                // The official script divides by zero: no counted pair, an empty precision or recall, or
                // an F1 of two zeros.
                let empty =
                    metrics["pair_c_c"] == nil || metrics[.precision]?.n == 0 || metrics[.recall]?.n == 0
                    || (metrics[.precision]?.value == 0 && metrics[.recall]?.value == 0)
                #expect(empty, "set \(number): the official script fails but hark has every denominator")
                continue
            }
            for (officialName, name) in names {
                #expect(
                    percent(metrics[name]?.value) == official[officialName].map { String(format: "%.2f", $0) },
                    "set \(number) \(officialName)")
                compared += 1
            }
        }
        #expect(compared >= 80)
    }

    @Test func captionMetricsMatchTheOfficialScript() throws {
        let sets = try #require(Self.golden?.captions)
        try #require(sets.count >= 10)
        for (number, set) in sets.enumerated() {
            var official = CaptionAverages(policy: .kuan2024Interspeech)
            var hark = CaptionAverages(policy: .hark)
            for caption in set.captions {
                official.add(mentioned: Set(caption.prediction), present: Set(caption.label))
                hark.add(mentioned: Set(caption.prediction), present: Set(caption.label))
            }
            let metrics = official.metrics
            for (name, officialName) in [(MetricName.echoI, "CHAIR"), (.echoS, "Hal"), (.cover, "Cover")] {
                #expect(
                    percent(metrics[name]?.value) == set.official[officialName].map { String(format: "%.2f", $0) },
                    "set \(number) \(officialName)")
            }
            #expect(metrics[.echoI]?.n == set.captions.count)
            // The official ECHO is v·(1 − r) − r, with v hark's and r the no-mention rate.
            let rate = try #require(hark.metrics["no_mention_rate"]?.value)
            for (name, officialName) in [(MetricName.echoI, "CHAIR"), (.echoS, "Hal")] {
                let value = hark.metrics[name]?.value ?? 0
                let mapped = value * (1 - rate) - rate
                #expect(abs(mapped - (set.unrounded[officialName] ?? .nan)) < 1e-12, "set \(number) \(officialName)")
            }
        }
    }
}
