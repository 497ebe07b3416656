import Foundation
import HarkCore
import HarkScoring
import HarkTestSupport
import Testing

/// hark's caption reader against the hand-labelled captions of `make_caption_mentions.py`: present
/// sounds, hallucinated sounds inside and outside the suite's labels, negations, possessives,
/// plurals, compounds and synonyms. The precision and recall of the objects found must be at least
/// 0.95 over each kind.
@Suite struct CaptionMentionTests {
    struct Case: Decodable, Sendable {
        var kind: String
        var caption: String
        var labels: [String]
        var objects: [String]
    }

    /// The committed set, or another labelled set of the same form named by `HARK_CAPTION_SET`.
    static let cases: [Case] = {
        let path = ProcessInfo.processInfo.environment["HARK_CAPTION_SET"]
        let url =
            path.map { URL(fileURLWithPath: $0) }
            ?? HarkCLI.packageRoot.appendingPathComponent("Tests/HarkScoringTests/Golden/caption-mentions.json")
        return (try? JSONDecoder().decode([Case].self, from: Data(contentsOf: url))) ?? []
    }()

    @Test func precisionAndRecallPerKind() throws {
        try #require(
            Self.cases.count >= (ProcessInfo.processInfo.environment["HARK_CAPTION_SET"] == nil ? 300 : 1),
            "the labelled set did not load")
        var tallies: [String: (found: Int, true: Int, right: Int)] = [:]
        var misses: [String] = []
        for item in Self.cases {
            let vocabulary = SoundVocabulary(source: .audioset, labels: Set(item.labels), synonyms: [:])
            let found = CaptionReader(vocabulary: vocabulary).read(item.caption, labels: Set(item.labels)).objects
            let truth = Set(item.objects)
            var tally = tallies[item.kind] ?? (0, 0, 0)
            tally.found += found.count
            tally.true += truth.count
            tally.right += found.intersection(truth).count
            tallies[item.kind] = tally
            if found != truth {
                misses.append("\(item.kind): \(item.caption) → \(found.sorted()) (want \(truth.sorted()))")
            }
        }
        for (kind, tally) in tallies.sorted(by: { $0.key < $1.key }) {
            let precision = tally.found == 0 ? 1 : Double(tally.right) / Double(tally.found)
            let recall = tally.true == 0 ? 1 : Double(tally.right) / Double(tally.true)
            print("caption mentions \(kind): precision \(precision), recall \(recall)")
            #expect(precision >= 0.95, "\(kind) precision \(precision)")
            #expect(recall >= 0.95, "\(kind) recall \(recall)")
        }
        let all = tallies.values.reduce((found: 0, true: 0, right: 0)) {
            ($0.found + $1.found, $0.true + $1.true, $0.right + $1.right)
        }
        print("caption mentions overall: \(all.right) right of \(all.found) found and \(all.true) true")
        if !misses.isEmpty { print(misses.joined(separator: "\n")) }
    }
}
