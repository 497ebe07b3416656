import Foundation
import HarkApp
import HarkCore
import HarkRecords
import HarkRun
import HarkTestSupport
import HarkTesting
import Testing

@Suite(.serialized) struct HallucinationEndToEndTests {
    /// Clips with tone labels, probes from them, then runs of three models scored end to end.
    @Test func generatedSuiteScoresOracleAlwaysYesAndRandomAsExpected() async throws {
        let work = try TemporaryDirectory()
        defer { work.remove() }
        let labels = [
            ["low tone", "hum", "click"], ["high tone", "hum", "beep"], ["low tone", "chirp", "noise"],
            ["beep", "click", "noise"], ["high tone", "chirp", "hum"], ["siren", "beep", "low tone"],
        ]
        var manifest = ""
        for (index, objects) in labels.enumerated() {
            try Signals.writeSine(to: work.path("clips/\(index).wav"), frequency: 200 + 50 * Double(index))
            manifest +=
                JSONValue.object(["clip": .string("\(index).wav"), "objects": .array(objects.map(JSONValue.string))])
                .canonical + "\n"
        }
        try work.write(manifest, to: "clips.jsonl")
        let generate = await CLI.run(
            [
                "probes", "generate", "--clips", "clips.jsonl", "--audio-root", "clips", "--out", "suites", "--id",
                "tones", "--seed", "3",
            ],
            in: work.url)
        #expect(generate.status == 0, "\(generate.stderr)")
        #expect(generate.stdout.contains("36 probes from 6 clips"))

        func run(_ model: String) async throws -> RunResults {
            let output = await CLI.run(
                ["run", "--suite", "suites/tones-adversarial", "--model", model, "--no-cache", "--run", model],
                in: work.url)
            #expect(output.status == 0, "\(output.stderr)")
            return try RunDirectory(work.path("results/\(model)")).readResults()
        }
        let oracle = try #require(await run("oracle").suites.first)
        #expect(oracle.metrics["accuracy"]?.value == 1)
        #expect(oracle.metrics["f1"]?.value == 1)
        #expect(oracle.counts.samples == 36 * 5)
        #expect(oracle.counts.unparsed == 0)

        let alwaysYes = try #require(await run("always-yes").suites.first)
        #expect(alwaysYes.metrics["yes_ratio"]?.value == 1)
        #expect(alwaysYes.metrics["recall"]?.value == 0)
        #expect(alwaysYes.metrics["accuracy"]?.value == 0.5)

        let random = try #require(await run("random").suites.first)
        let accuracy = try #require(random.metrics["accuracy"])
        #expect(accuracy.value > 0.35 && accuracy.value < 0.65)
        #expect(accuracy.ci.map { $0[0] < 0.5 && 0.5 < $0[1] } == true)
        #expect(random.metrics["f1_std"] != nil)
        #expect(random.slices["template"]?.count == 5)

        // Re-scoring with the official rule and policy asks the model nothing and changes the numbers' rules.
        let rescored = await CLI.run(
            ["score", "always-yes", "--extractor", "kuan2024", "--policy", "kuan2024-interspeech"], in: work.url)
        #expect(rescored.status == 0, "\(rescored.stderr)")
        let after = try #require(try RunDirectory(work.path("results/always-yes")).readResults().suites.first)
        #expect(after.scoring?.objectValue?["policy"] == .string("kuan2024-interspeech"))
        #expect(after.metrics["yes_ratio"]?.value == 1)
        let scores = try String(contentsOf: work.path("results/always-yes/scores.jsonl"), encoding: .utf8)
        #expect(scores.split(separator: "\n").count == 180)
    }
}
