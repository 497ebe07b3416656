import Foundation
import HarkApp
import HarkCore
import HarkGate
import HarkModels
import HarkRecords
import HarkRun
import HarkTestSupport
import HarkTesting
import Testing

/// Speech-IFEval end to end: a model run and a text-only reference run of the same suite, the
/// chain-of-thought items judged, the IFrates and the forgetting rate of the worked example.
@Suite struct ForgettingRateTests {
    /// 8 closed-ended, 18 creative-writing and 23 chain-of-thought items.
    static func items() -> [String] {
        var lines: [String] = []
        for index in 0..<8 {
            lines.append(
                #"{"id": "c\#(index)", "audio": "a.wav", "textual_audio": "A dog barks.", "question": "What do you hear? Answer in capital letters.", "instructions": [{"id": "change_case:english_capital", "kwargs": {}}], "tags": {"category": "closed-ended"}}"#
            )
        }
        for index in 0..<18 {
            lines.append(
                #"{"id": "w\#(index)", "audio": "a.wav", "textual_audio": "Rain falls.", "question": "Write a poem about the sound. Include the word rain.", "instructions": [{"id": "keywords:existence", "kwargs": {"keywords": ["rain"]}}], "tags": {"category": "creative-writing"}}"#
            )
        }
        for index in 0..<23 {
            lines.append(
                #"{"id": "t\#(index)", "audio": "a.wav", "textual_audio": "A car horn honks twice.", "question": "How many honks? Think step by step.", "instructions": [], "tags": {"category": "chain-of-thought"}}"#
            )
        }
        return lines
    }

    /// Replayed answers: `closed`, `creative` and `reasoned` of the items follow their instruction.
    static func answers(closed: Int, creative: Int, reasoned: Int) -> String {
        var lines: [String] = []
        for index in 0..<8 {
            lines.append(
                #"{"item_id": "c\#(index)", "response": "\#(index < closed ? "A DOG BARKS LOUDLY NEAR THE HOUSE." : "a dog barks.")"}"#
            )
        }
        for index in 0..<18 {
            lines.append(
                #"{"item_id": "w\#(index)", "response": "\#(index < creative ? "Soft rain on the roof." : "Soft drops on the roof.")"}"#
            )
        }
        for index in 0..<23 {
            lines.append(
                #"{"item_id": "t\#(index)", "response": "\#(index < reasoned ? "Step 1: I hear one honk. Step 2: another. So two." : "Two.")"}"#
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func textReferenceAndJudgedChainOfThoughtGiveTheWorkedForgettingRate() async throws {
        let fixture = try SuiteFixture(
            manifest:
                "id: sifeval\nversion: 1\ntask: instruction-following\naudio_root: audio\nscoring: {profile: speech-ifeval, judge: reasoning}\n",
            items: Self.items())
        defer { fixture.remove() }
        let work = fixture.directory
        try work.write(Self.answers(closed: 7, creative: 16, reasoned: 21), to: "model.jsonl")
        try work.write(Self.answers(closed: 7, creative: 17, reasoned: 22), to: "backbone.jsonl")
        let model = await CLI.run(
            ["run", "--suite", ".", "--replay", "model.jsonl", "--no-cache", "--run", "model"], in: work.url)
        #expect(model.status == 0, "\(model.stderr)")
        let reference = await CLI.run(
            [
                "run", "--suite", ".", "--replay", "backbone.jsonl", "--no-cache", "--run", "backbone",
                "--text-reference",
            ], in: work.url)
        #expect(reference.status == 0, "\(reference.stderr)")
        let referenceRecords = try Journal.read(work.path("results/backbone/samples.jsonl"))
        #expect(referenceRecords.allSatisfy { $0.audio.isEmpty })
        #expect(
            referenceRecords.first?.prompt
                == "Speech Input: A dog barks.\n\nWhat do you hear? Answer in capital letters.")
        #expect(try RunDirectory(work.path("results/backbone")).readResults().manifest.plan.textReference == true)

        // Before judging, the chain-of-thought rate and the IFrate are missing, not zero.
        let unjudged = try #require(try RunDirectory(work.path("results/model")).readResults().suites.first)
        #expect(unjudged.metrics["closed_ended_rate"]?.value == 7.0 / 8)
        #expect(unjudged.metrics["creative_writing_rate"]?.value == 16.0 / 18)
        #expect(unjudged.metrics["cot_rate"] == nil && unjudged.metrics["if_rate"] == nil)
        #expect(unjudged.metrics["prompt_loose"] == nil)

        try await withMockServer(.with { $0.policy = .judge }) { server in
            try work.write(server.modelConfig(name: "grader"), to: "judge.yaml")
            for run in ["model", "backbone"] {
                let judged = await CLI.run(["judge", run, "--judge", "judge.yaml", "--no-cache"], in: work.url)
                #expect(judged.status == 0, "\(judged.stderr)")
            }
            #expect(server.statistics.requests == 46)
            let judgedModel = try #require(try RunDirectory(work.path("results/model")).readResults().suites.first)
            #expect(judgedModel.metrics["cot_rate"]?.value == 21.0 / 23)
            #expect(String(format: "%.2f", try #require(judgedModel.metrics["if_rate"]?.value) * 100) == "89.23")
            let judgedBackbone = try #require(
                try RunDirectory(work.path("results/backbone")).readResults().suites.first)
            #expect(String(format: "%.2f", try #require(judgedBackbone.metrics["if_rate"]?.value) * 100) == "92.53")

            let compare = await CLI.run(["compare", "backbone", "model", "--json", "comparison.json"], in: work.url)
            #expect(compare.status == 0, "\(compare.stderr)")
            #expect(compare.stdout.contains("IFrate 92.53 → 89.23: forgetting rate Δ -3.57%"), "\(compare.stdout)")
            let comparisons = try JSONDecoder().decode(
                [RunComparison].self, from: Data(contentsOf: work.path("comparison.json")))
            let forgetting = try #require(comparisons.first?.suites.first?.forgettingRate)
            #expect(String(format: "%.2f", forgetting) == "-3.57")
        }
    }
}
