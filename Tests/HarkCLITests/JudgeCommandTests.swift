import Foundation
import HarkApp
import HarkCore
import HarkModels
import HarkRecords
import HarkRun
import HarkTestSupport
import HarkTesting
import Testing

@Suite struct JudgeCommandTests {
    @Test func judgedRunIsScoredByVerdictsCachedAndNeverAskedTwice() async throws {
        let fixture = try SuiteFixture(
            manifest: "id: aqa\nversion: 1\ntask: open-qa\naudio_root: audio\n",
            items: [
                #"{"id": "q1", "audio": "a.wav", "question": "What barks?", "answer": "a dog", "tags": {"kind": "animal"}}"#,
                #"{"id": "q2", "audio": "a.wav", "question": "What falls?", "answer": "rain", "tags": {"kind": "weather"}}"#,
                #"{"id": "q3", "audio": "a.wav", "question": "What honks?", "answer": "a car horn", "tags": {"kind": "vehicle"}}"#,
                #"{"id": "q4", "audio": "a.wav", "question": "Who speaks?", "answer": "a woman", "tags": {"kind": "speech"}}"#,
            ])
        defer { fixture.remove() }
        let work = fixture.directory
        try work.write(
            [
                #"{"item_id": "q1", "response": "I hear A dog barking."}"#,
                #"{"item_id": "q2", "response": "Rain, heavy rain."}"#,
                #"{"item_id": "q3", "response": "A bicycle bell."}"#, #"{"item_id": "q4", "response": "A man."}"#,
            ].joined(separator: "\n") + "\n", to: "answers.jsonl")
        let run = await CLI.run(
            ["run", "--suite", ".", "--replay", "answers.jsonl", "--no-cache", "--run", "r"], in: work.url)
        #expect(run.status == 0, "\(run.stderr)")
        let before = try RunDirectory(work.path("results/r")).readResults()
        #expect(before.suites.first?.metrics.isEmpty == true)

        try await withMockServer(.with { $0.policy = .judge }) { server in
            try work.write(server.modelConfig(name: "grader"), to: "judge.yaml")
            let judge = ["judge", "r", "--judge", "judge.yaml", "--cache", work.path("cache.sqlite").path]

            let first = await CLI.run(judge, in: work.url)
            #expect(first.status == 0, "\(first.stderr)")
            #expect(server.statistics.requests == 4)
            let received = try #require(server.received.first)
            #expect(received.system?.contains("correct or incorrect") == true)
            #expect(received.parts.allSatisfy { $0.hasPrefix("text:") })
            let judgements = try Journal.read(work.path("results/r/judgements.jsonl"))
            #expect(judgements.map(\.key) == ["aqa/q1#q", "aqa/q2#q", "aqa/q3#q", "aqa/q4#q"])
            #expect(judgements.map(\.response) == ["correct", "correct", "incorrect", "incorrect"])
            #expect(
                judgements[0].prompt
                    == "Question:\nWhat barks?\n\nReference answer:\na dog\n\nModel answer:\nI hear A dog barking.")

            let results = try RunDirectory(work.path("results/r")).readResults()
            let suite = try #require(results.suites.first)
            #expect(suite.metrics["accuracy"]?.value == 0.5)
            #expect(suite.metrics["accuracy"]?.n == 4)
            #expect(suite.slices["kind"]?["animal"]?["accuracy"]?.value == 1)
            let recorded = try #require(results.manifest.judge)
            #expect(recorded.model.identity.contains(server.baseURL))
            #expect(recorded.templates == ["aqa": "correctness"])
            #expect(recorded.promptHash.count == 64)
            #expect(try RunDirectory(work.path("results/r")).readManifest()?.judge == recorded)
            let scores = try String(contentsOf: work.path("results/r/scores.jsonl"), encoding: .utf8)
            #expect(scores.split(separator: "\n").count == 4)

            // Judged again: every verdict is kept, nothing is asked.
            let second = await CLI.run(judge, in: work.url)
            #expect(second.status == 0, "\(second.stderr)")
            #expect(server.statistics.requests == 4)
            #expect(second.stdout.contains("judged: 0 asked (0 from the cache), 4 kept, 0 errors"))
            // Without the judgements file the cache answers.
            try FileManager.default.removeItem(at: work.path("results/r/judgements.jsonl"))
            let third = await CLI.run(judge, in: work.url)
            #expect(third.status == 0, "\(third.stderr)")
            #expect(server.statistics.requests == 4)
            #expect(third.stdout.contains("judged: 4 asked (4 from the cache)"))
            #expect(try RunDirectory(work.path("results/r")).readResults().suites.first?.metrics == suite.metrics)
            // Re-scoring keeps the verdicts.
            let rescored = await CLI.run(["score", "r"], in: work.url)
            #expect(rescored.status == 0, "\(rescored.stderr)")
            #expect(
                try RunDirectory(work.path("results/r")).readResults().suites.first?.metrics["accuracy"]?.value == 0.5)
        }
    }

    @Test func multipleChoiceSuitesNamingAJudgeGetJudgeMetricsBesideTheirOwn() async throws {
        let fixture = try SuiteFixture(
            manifest:
                "id: mc\nversion: 1\ntask: multiple-choice\naudio_root: audio\nscoring: {extractor: default, judge: correctness}\n",
            items: [
                #"{"id": "q1", "audio": "a.wav", "question": "Which?", "choices": ["dog", "cat"], "answer": "dog"}"#,
                #"{"id": "q2", "audio": "a.wav", "question": "Which?", "choices": ["dog", "cat"], "answer": "cat"}"#,
            ])
        defer { fixture.remove() }
        let work = fixture.directory
        try work.write(
            #"{"item_id": "q1", "response": "B"}"# + "\n" + #"{"item_id": "q2", "response": "It is a cat."}"# + "\n",
            to: "answers.jsonl")
        #expect(
            await CLI.run(
                ["run", "--suite", ".", "--replay", "answers.jsonl", "--no-cache", "--run", "r"], in: work.url
            ).status == 0)
        try await withMockServer(.with { $0.policy = .judge }) { server in
            try work.write(server.modelConfig(name: "grader"), to: "judge.yaml")
            let judged = await CLI.run(["judge", "r", "--judge", "judge.yaml", "--no-cache"], in: work.url)
            #expect(judged.status == 0, "\(judged.stderr)")
            let metrics = try #require(try RunDirectory(work.path("results/r")).readResults().suites.first?.metrics)
            #expect(metrics["accuracy"]?.value == 0.5)
            #expect(metrics["judge_accuracy"]?.value == 0.5)
            // The letter "B" names "cat": wrong for q1 by the extractor; the mock judge sees no "dog" in "B".
            #expect(server.received.count == 2)

            let unknown = await CLI.run(
                ["judge", "r", "--judge", "judge.yaml", "--template", "vibes", "--no-cache"], in: work.url)
            #expect(unknown.status == 2)
            #expect(unknown.stderr.contains("--template takes one of correctness, reasoning"))
        }
    }

    /// `scoring.fallback: judge`: only the answers the rules leave unparsed go to the judge, whose
    /// readings then count; the rules' metrics stay beside them (slice `reading`).
    @Test func aFallbackJudgeReadsOnlyWhatTheRulesCannot() async throws {
        let manifest = SuiteFixture.yesNoManifest + "\nscoring: {fallback: judge}\n"
        let fixture = try SuiteFixture(
            manifest: manifest,
            items: [
                #"{"id": "a", "audio": "a.wav", "object": "dog", "label": "yes"}"#,
                #"{"id": "b", "audio": "a.wav", "object": "dog", "label": "no"}"#,
                #"{"id": "c", "audio": "a.wav", "object": "dog", "label": "yes"}"#,
            ])
        defer { fixture.remove() }
        let work = fixture.directory
        try work.write(
            [
                #"{"item_id": "a", "response": "Yes."}"#, #"{"item_id": "b", "response": "Hmm, tricky one."}"#,
                #"{"item_id": "c", "response": "Going step by step, it is hard to say."}"#,
            ].joined(separator: "\n") + "\n", to: "answers.jsonl")
        #expect(
            await CLI.run(["run", "--suite", ".", "--replay", "answers.jsonl", "--run", "r"], in: work.url).status
                == 0)
        try await withMockServer(.with { $0.policy = .judge }) { server in
            try work.write(server.modelConfig(name: "grader"), to: "judge.yaml")
            let judged = await CLI.run(["judge", "r", "--judge", "judge.yaml"], in: work.url)
            #expect(judged.status == 0, "\(judged.stderr)")
            // The mock judge reads "step" as yes, anything else as no: b → no, c → yes. "Yes." is never sent.
            #expect(
                try Journal.read(work.path("results/r/judgements.jsonl")).map(\.key) == [
                    "fixture/b#t0", "fixture/c#t0",
                ])
            let results = try RunDirectory(work.path("results/r")).readResults()
            let suite = try #require(results.suites.first)
            #expect(suite.metrics["accuracy"]?.value == 1)
            #expect(suite.metrics["judge_read_share"]?.value == 2.0 / 3)
            #expect(suite.slices["reading"]?["rules"]?["accuracy"]?.value == 1.0 / 3)
            #expect(suite.metrics["judge_accuracy"] == nil)
        }
    }
}

@Suite struct CaptionJudgeTests {
    func extractor(of suite: RunResults.SuiteResults) -> String? {
        guard case .object(let scoring)? = suite.scoring else { return nil }
        return scoring["caption_extractor"]?.stringValue
    }

    /// `scoring.caption_extractor: judge`: `hark judge` asks for each caption's objects, and the
    /// run is scored on the judge's lists (named as the rules name theirs); until then the rules
    /// read the captions, and results.json says which did.
    @Test func aJudgeListsTheObjectsOfCaptions() async throws {
        let fixture = try SuiteFixture(
            manifest:
                "id: caps\nversion: 1\ntask: caption\naudio_root: audio\nprompt: {templates: [\"Describe the audio.\"]}\nscoring: {caption_extractor: judge}\n",
            items: [
                #"{"id": "c1", "audio": "a.wav", "labels": ["dog"]}"#,
                #"{"id": "c2", "audio": "a.wav", "labels": ["rain"]}"#,
            ])
        defer { fixture.remove() }
        let work = fixture.directory
        try work.write(
            [
                #"{"item_id": "c1", "response": "A dog barks at the mailman."}"#,
                #"{"item_id": "c2", "response": "It is raining hard."}"#,
            ].joined(separator: "\n") + "\n", to: "answers.jsonl")
        let run = await CLI.run(["run", "--suite", ".", "--replay", "answers.jsonl", "--run", "r"], in: work.url)
        #expect(run.status == 0, "\(run.stderr)\(run.stdout)")
        let byRules = try #require(try RunDirectory(work.path("results/r")).readResults().suites.first)
        #expect(extractor(of: byRules) == "rules")
        #expect(byRules.metrics["echo_i"]?.value == 0)

        try await withMockServer(.with { $0.policy = .judge }) { server in
            try work.write(server.modelConfig(name: "grader"), to: "judge.yaml")
            let judged = await CLI.run(["judge", "r", "--judge", "judge.yaml"], in: work.url)
            #expect(judged.status == 0, "\(judged.stderr)")
            let received = try #require(server.received.first)
            #expect(received.system?.contains("sound sources and sound events") == true)
            // The mock judge lists each word after "a" or "the": c1 → dog, mailman; c2 → none.
            let judgements = try Journal.read(work.path("results/r/judgements.jsonl"))
            #expect(judgements.map(\.response) == ["- dog\n- mailman", "none"])
            let suite = try #require(try RunDirectory(work.path("results/r")).readResults().suites.first)
            #expect(extractor(of: suite) == "judge")
            #expect(suite.metrics["judge_listed_share"]?.value == 1)
            // c1: {dog, mailman}, one of two not present; c2 mentions nothing.
            #expect(suite.metrics["echo_i"] == MetricValue(0.5, n: 1))
            #expect(suite.metrics["no_mention_rate"]?.value == 0.5)
            let scores = try String(contentsOf: work.path("results/r/scores.jsonl"), encoding: .utf8)
            let first = try JSONDecoder().decode(ScoreRecord.self, from: Data(scores.split(separator: "\n")[0].utf8))
            #expect(first.extracted == "dog, mailman")
            #expect(first.cluster == "clip:a.wav")
            #expect(first.mentions?.map(\.text) == ["dog", "mailman"])
            #expect(first.mentions?.map(\.at) == [2, 19])
        }
    }
}
