import Foundation
import HarkCore
import HarkTestSupport
import HarkTesting
import Testing

/// A run whose answers are chatty and in several languages, scored by the default reader: the
/// unparsed ones carry their reasons into scores.jsonl, results.json and the HTML explorer.
@Suite struct ChattyAnswersTests {
    @Test func unparsedReasonsReachResultsAndTheReport() async throws {
        let answers: [(String, String, String)] = [
            ("dog barking", "no", "Nah, none."), ("dog barking", "yes", "有，能听到狗叫。"),
            ("siren", "no", "No, no hay ninguna sirena."),
            ("siren", "yes", "Without a doubt, a siren wails."),
            ("rain", "no", "The recording contains only traffic noise."),
            ("rain", "yes", "Raindrops patter against the window."), ("thunder", "no", "I can't process audio."),
            ("thunder", "yes", "Yes, and also no."), ("car horn", "no", "Maybe."), ("car horn", "yes", "「いいえ」"),
        ]
        let items = answers.enumerated().map { index, answer in
            #"{"id": "i\#(index)", "audio": "a.wav", "object": "\#(answer.0)", "label": "\#(answer.1)"}"#
        }
        let suite = try SuiteFixture(items: items)
        defer { suite.remove() }
        let work = try TemporaryDirectory()
        defer { work.remove() }
        let replay =
            answers.enumerated().map { index, answer in
                String(
                    decoding: try! JSONEncoder().encode(["item_id": "i\(index)", "response": answer.2]), as: UTF8.self)
            }.joined(separator: "\n") + "\n"
        try work.write(replay, to: "answers.jsonl")
        let run = await CLI.run(
            ["run", "--suite", suite.path, "--replay", "answers.jsonl", "--run", "chatty"], in: work.url)
        #expect(run.status == 0, "\(run.stderr)")
        let results = try JSONDecoder().decode(
            JSONValue.self, from: Data(contentsOf: work.path("results/chatty/results.json")))
        let written = results.objectValue?["suites"]?.arrayValue?.first?.objectValue
        let counts = written?["counts"]?.objectValue
        #expect(counts?["unparsed"] == .integer(3))
        // Metric names are written as the plain keys of an object.
        let metrics = try #require(written?["metrics"]?.objectValue)
        #expect(
            ["accuracy", "f1", "precision", "recall", "unparsed_rate", "yes_ratio"].allSatisfy { metrics[$0] != nil })
        #expect(
            counts?["unparsed_reasons"]
                == .object(["refusal": .integer(1), "contradiction": .integer(1), "no_decision": .integer(1)]))
        let scores = try String(contentsOf: work.path("results/chatty/scores.jsonl"), encoding: .utf8)
        #expect(scores.contains(#""reason":"refusal""#))
        // Every other answer is read as a careful reader reads it: 6 of the 7 right ("「いいえ」" is a no to a yes item).
        let lines = scores.split(separator: "\n").compactMap {
            try? JSONDecoder().decode(JSONValue.self, from: Data($0.utf8)).objectValue
        }
        #expect(lines.filter { $0["correct"] == .bool(true) }.count == 6)
        let report = await CLI.run(["report", "chatty", "--html", "report.html"], in: work.url)
        #expect(report.status == 0, "\(report.stderr)")
        let html = try String(contentsOf: work.path("reports/chatty/report.html"), encoding: .utf8)
        #expect(html.contains("unparsed: refusal"))
    }
}
