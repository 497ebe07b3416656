import Foundation
import HarkApp
import HarkCore
import HarkModels
import HarkRecords
import HarkRun
import HarkSuites
import HarkTestSupport
import HarkTesting
import Testing

@Suite(.serialized, .timeLimit(.minutes(2))) struct RunCommandTests {
    @Test func killedRunResumesToTheSameJournalAskingOnlyWhatWasUnfinished() async throws {
        let suite = try SuiteFixture.probes(clips: 20, templates: 2)
        defer { suite.remove() }
        let loaded = try #require(SuiteLoader.load(suite.path).suite)
        var options = MockServer.Options()
        options.policy = .oracle(errorRate: 0.2, hallucinationRate: 0.3, seed: 3)
        options.oracle = try MockOracle(suites: [loaded])
        options.latency = MockLatency(fixedMs: 25)
        let server = try await MockServer(options: options)
        defer { Task { try? await server.stop() } }
        let work = try TemporaryDirectory()
        defer { work.remove() }
        try work.write(server.modelConfig(name: "sim"), to: "model.yaml")
        let common = [
            "run", "--suite", suite.path, "--model", "model.yaml", "--no-cache", "--no-preflight", "--concurrency", "2",
        ]

        let full = await CLI.run(common + ["--run", "full"], in: work.url)
        #expect(full.status == 0, "\(full.stderr)")
        #expect(server.statistics.requests == 80)

        // The server stalls after 30 answers, so the kill comes at a known point however slow the machine:
        // hark journals an answer before it sends the next request, so once the two requests after the
        // 30th have arrived (and hang), the 30 answers are in the journal.
        let asked = server.statistics.requests
        server.hold(afterMore: 30)
        let killed = try HarkCLI.start(common + ["--run", "killed"], in: work.url)
        let journal = work.path("results/killed/samples.jsonl")
        await server.requests(reaching: asked + 32)
        kill(killed.processIdentifier, SIGKILL)
        killed.waitUntilExit()
        let kept = try Journal.read(journal).count
        #expect(kept == 30)
        // Requests the killed process had already sent may still be in the server's socket buffers: the
        // resume asks a fresh server at the same address, which counts only what the resume asks.
        try await server.stop()
        let fresh = try await MockServer(options: options, port: server.port)
        defer { Task { try? await fresh.stop() } }

        let resumed = await CLI.run(common + ["--run", "killed", "--resume"], in: work.url)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(fresh.statistics.requests == 80 - kept)
        #expect(try journalWithoutTimings(journal) == journalWithoutTimings(work.path("results/full/samples.jsonl")))
        let fullResults = try RunDirectory(work.path("results/full")).readResults()
        let resumedResults = try RunDirectory(work.path("results/killed")).readResults()
        #expect(resumedResults.suites == fullResults.suites)
        #expect(resumedResults.manifest.counts.resumed == kept)
        #expect(resumedResults.manifest.counts.modelCalls == 80 - kept)
        #expect(resumedResults.manifest.complete)
    }

    @Test func anExistingRunIsNotOverwrittenWithoutResume() async throws {
        let work = try TemporaryDirectory()
        defer { work.remove() }
        let suite = HarkCLI.packageRoot.appendingPathComponent("benchmarks/fixture-yes-no").path
        let first = await CLI.run(["run", "--suite", suite, "--model", "always-no", "--no-cache"], in: work.url)
        #expect(first.status == 0, "\(first.stderr)")
        let second = await CLI.run(["run", "--suite", suite, "--model", "always-no", "--no-cache"], in: work.url)
        #expect(second.status == 2)
        #expect(second.stderr.contains("use --resume"))
    }

    @Test func replayMissingAnswersAreErrorsAndTheRunExitsThree() async throws {
        let work = try TemporaryDirectory()
        defer { work.remove() }
        try work.write(#"{"item_id": "tone-1", "response": "Yes"}"# + "\n", to: "answers.jsonl")
        let suite = HarkCLI.packageRoot.appendingPathComponent("benchmarks/fixture-yes-no").path
        let output = await CLI.run(
            ["run", "--suite", suite, "--replay", "answers.jsonl", "--no-cache"], in: work.url)
        #expect(output.status == 3)
        #expect(output.stdout.contains("fixture-yes-no: 19 samples, 2 answered, 17 errors"))
    }

    @Test func anUnknownExtractorStopsTheRunBeforeTheModelIsAsked() async throws {
        let fixture = try SuiteFixture(
            manifest: "id: mc\nversion: 1\ntask: multiple-choice\naudio_root: audio\nscoring: {extractor: lettr}\n",
            items: [
                #"{"id": "q1", "audio": "a.wav", "question": "Which?", "choices": ["dog", "cat"], "answer": "dog"}"#
            ])
        defer { fixture.remove() }
        let output = await CLI.run(
            ["run", "--suite", ".", "--model", "oracle", "--no-cache"], in: fixture.directory.url)
        #expect(output.status == 2)
        #expect(
            output.stderr.contains("suite.yaml: scoring.extractor: unknown choice extractor \"lettr\""),
            "\(output.stderr)")
        #expect(!FileManager.default.fileExists(atPath: fixture.directory.path("results/oracle/samples.jsonl").path))
    }

    @Test func badSuiteStopsTheRunWithExitTwo() async throws {
        let fixture = try SuiteFixture(items: [#"{"id": "a", "audio": "a.wav", "object": "dog", "label": "perhaps"}"#])
        defer { fixture.remove() }
        let output = await CLI.run(
            ["run", "--suite", fixture.path, "--model", "oracle", "--no-cache"], in: fixture.directory.url)
        #expect(output.status == 2)
        #expect(output.stderr.contains(#"label: expected "yes" or "no", found "perhaps""#))
    }
}

@Suite struct RunConfigTests {
    @Test func aRunConfigNamesSuitesModelAndPlan() async throws {
        let work = try TemporaryDirectory()
        defer { work.remove() }
        let suite = HarkCLI.packageRoot.appendingPathComponent("benchmarks/fixture-yes-no").path
        try work.write(
            """
            suites: [\(suite)]
            model: {name: inline-random, adapter: random, seed: 4}
            run: configured
            limit: 3
            """, to: "run.yaml")
        let output = await CLI.run(["run", "--config", "run.yaml", "--no-cache"], in: work.url)
        #expect(output.status == 0, "\(output.stderr)")
        let results = try RunDirectory(work.path("results/configured")).readResults()
        #expect(results.manifest.model.name == "inline-random")
        #expect(results.manifest.plan.limit == 3)
        #expect(results.suites.first?.counts.samples == 6)
    }

    @Test func aMistypedValueNamesItsLine() async throws {
        let work = try TemporaryDirectory()
        defer { work.remove() }
        try work.write("suites: []\nlimit: ten\n", to: "run.yaml")
        let output = await CLI.run(["run", "--config", "run.yaml"], in: work.url)
        #expect(output.status == 2)
        #expect(output.stderr.contains("run.yaml:2: limit: expected a whole number ≥ 1"))
    }

    @Test func anUnknownKeyNamesItsLine() async throws {
        let work = try TemporaryDirectory()
        defer { work.remove() }
        try work.write("suites: []\nmodle: oracle\n", to: "run.yaml")
        let output = await CLI.run(["run", "--config", "run.yaml"], in: work.url)
        #expect(output.status == 2)
        #expect(output.stderr.contains("run.yaml:2: modle: unknown key"))
    }
}

@Suite struct MultipleChoiceRunTests {
    @Test func multipleChoiceSuitesAreScoredWithTheChosenExtractor() async throws {
        let fixture = try SuiteFixture(
            manifest: "id: mc\nversion: 1\ntask: multiple-choice\naudio_root: audio\nscoring: {extractor: default}\n",
            items: [
                #"{"id": "q1", "audio": "a.wav", "question": "Which?", "choices": ["dog", "cat"], "answer": "dog", "tags": {"task": "sound"}}"#,
                #"{"id": "q2", "audio": "a.wav", "question": "Which?", "choices": ["piano", "violin"], "answer": "violin", "tags": {"task": "music"}}"#,
            ])
        defer { fixture.remove() }
        try fixture.directory.write(
            #"{"item_id": "q1", "response": "The correct answer is: \"dog\""}"# + "\n"
                + #"{"item_id": "q2", "response": "Hmm."}"# + "\n",
            to: "answers.jsonl")
        let output = await CLI.run(
            ["run", "--suite", ".", "--replay", "answers.jsonl", "--no-cache"], in: fixture.directory.url)
        #expect(output.status == 0, "\(output.stderr)")
        let results = try RunDirectory(fixture.directory.path("results/replay")).readResults()
        let suite = try #require(results.suites.first)
        #expect(suite.metrics["accuracy"]?.value == 0.5)
        #expect(suite.metrics["unparsed_rate"]?.value == 0.5)
        #expect(suite.slices["task"]?["sound"]?["accuracy"]?.value == 1)
        #expect(suite.counts.unparsed == 1)
    }

    @Test func shuffledChoicesAreRecordedAndLettersReadAgainstTheShownOrder() async throws {
        let items = (0..<40).map { index in
            #"{"id": "q\#(index)", "audio": "a.wav", "question": "Which?", "choices": ["dog", "cat", "cow"], "answer": "cat"}"#
        }
        let fixture = try SuiteFixture(
            manifest:
                "id: mc\nversion: 1\ntask: multiple-choice\naudio_root: audio\nprompt: {choices: lettered, shuffle_choices: 3}\nscoring: {extractor: letter}\n",
            items: items)
        defer { fixture.remove() }
        let answers = (0..<40).map { #"{"item_id": "q\#($0)", "response": "A"}"# }.joined(separator: "\n") + "\n"
        try fixture.directory.write(answers, to: "answers.jsonl")
        let output = await CLI.run(
            ["run", "--suite", ".", "--replay", "answers.jsonl", "--no-cache"], in: fixture.directory.url)
        #expect(output.status == 0, "\(output.stderr)")

        let suite = try #require(SuiteLoader.load(fixture.path).suite)
        let renderer = PromptRenderer(manifest: suite.manifest)
        let records = try Journal.read(fixture.directory.path("results/replay/samples.jsonl"))
        var expectedCorrect = 0
        for record in records {
            let item = try #require(suite.items.first { $0.id == record.item })
            let order = try #require(renderer.choiceOrder(for: item))
            #expect(record.choiceOrder == order)
            #expect(
                record.prompt.hasSuffix(
                    "A. \(["dog", "cat", "cow"][order[0]])\nB. \(["dog", "cat", "cow"][order[1]])\nC. \(["dog", "cat", "cow"][order[2]])"
                ))
            if order[0] == 1 { expectedCorrect += 1 }
        }
        #expect(expectedCorrect > 0 && expectedCorrect < 40)
        let results = try #require(
            try RunDirectory(fixture.directory.path("results/replay")).readResults().suites.first)
        #expect(results.metrics["accuracy"]?.value == Double(expectedCorrect) / 40)
        #expect(results.slices["answer_position"]?["A"]?["accuracy"]?.value == 1)
        #expect(results.slices["answer_position"]?["B"]?["accuracy"]?.value == 0)
    }
}
