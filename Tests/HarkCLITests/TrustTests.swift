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

/// The cases of "runs you can trust": answers from the right model, audio that arrived, verdicts
/// CI can rely on. Each runs hark as a user does, over real HTTP where a server is involved.
@Suite(.serialized) struct TrustTests {
    /// A server for `suite` listing `name` with checkpoint `root`, answering as the oracle (right)
    /// or always "No".
    func server(
        _ suite: Suite, name: String = "qwen2-audio", root: String, oracle: Bool = true, dropAudio: Bool = false,
        port: Int = 0
    ) async throws -> MockServer {
        var options = MockServer.Options()
        options.policy = oracle ? .oracle(errorRate: 0, hallucinationRate: 0, seed: 1) : .alwaysNo
        options.oracle = try MockOracle(suites: [suite])
        options.servedModelName = name
        options.modelRoot = root
        options.dropAudio = dropAudio
        return try await MockServer(options: options, port: port)
    }

    func modelConfig(_ server: MockServer, in work: TemporaryDirectory, name: String = "model.yaml") throws {
        try work.write(server.modelConfig(name: "qwen2-audio"), to: name)
    }

    func answers(_ work: TemporaryDirectory, _ run: String) throws -> [String] {
        try Journal.read(work.path("results/\(run)/samples.jsonl")).map { $0.response ?? "-" }
    }

    /// Two checkpoints' `predictions.jsonl`, each in its own folder, replayed one after the other
    /// (with the cache asked for): each run reports its own file's answers; items sharing a clip
    /// and a question get their own.
    @Test func replayedCheckpointsNeverShareAnswers() async throws {
        let suite = try SuiteFixture(
            items: [
                #"{"id": "a", "audio": "a.wav", "object": "dog", "label": "no"}"#,
                #"{"id": "b", "audio": "a.wav", "object": "dog", "label": "no"}"#,
            ], clips: ["audio/a.wav"])
        defer { suite.remove() }
        let work = try TemporaryDirectory()
        defer { work.remove() }
        try work.write(
            #"{"item_id": "a", "response": "No."}"# + "\n" + #"{"item_id": "b", "response": "Yes."}"# + "\n",
            to: "ckpt-a/predictions.jsonl")
        try work.write(
            #"{"item_id": "a", "response": "Yes."}"# + "\n" + #"{"item_id": "b", "response": "No."}"# + "\n",
            to: "ckpt-b/predictions.jsonl")
        for checkpoint in ["a", "b"] {
            let output = await CLI.run(
                [
                    "run", "--suite", suite.path, "--replay", "ckpt-\(checkpoint)/predictions.jsonl", "--run",
                    checkpoint, "--cache", "--cache-file", "c.sqlite",
                ],
                in: work.url)
            #expect(output.status == 0, "\(output.stderr)")
            #expect(output.stderr.contains("cache: not used: replay answers are never cached"))
        }
        #expect(try answers(work, "a") == ["No.", "Yes."])
        #expect(try answers(work, "b") == ["Yes.", "No."])
    }

    /// The usual way: vLLM restarted on the next checkpoint with the same --served-model-name.
    /// Default settings: each run gets its own server's answers. With the cache: a changed root
    /// is a miss, said in the summary; the same model hits.
    @Test func aNewCheckpointBehindTheSameNameIsAskedAgain() async throws {
        let fixture = try SuiteFixture.probes(clips: 3, templates: 1)
        defer { fixture.remove() }
        let suite = try #require(SuiteLoader.load(fixture.path).suite)
        let work = try TemporaryDirectory()
        defer { work.remove() }

        let first = try await server(suite, root: "/ckpt/step-1000", oracle: true)
        try modelConfig(first, in: work)
        #expect(
            await CLI.run(["run", "--suite", fixture.path, "--model", "model.yaml", "--run", "one"], in: work.url)
                .status == 0)
        try await first.stop()
        let second = try await server(suite, root: "/ckpt/step-2000", oracle: false)
        try modelConfig(second, in: work)
        #expect(
            await CLI.run(["run", "--suite", fixture.path, "--model", "model.yaml", "--run", "two"], in: work.url)
                .status == 0)
        #expect(try answers(work, "two").allSatisfy { $0 == "No" })
        #expect(try answers(work, "one").contains { $0.hasPrefix("Yes") })

        let cached = ["--cache", "--cache-file", "c.sqlite", "--no-preflight"]
        #expect(
            await CLI.run(
                ["run", "--suite", fixture.path, "--model", "model.yaml", "--run", "fill"] + cached, in: work.url
            ).status == 0)
        let same = await CLI.run(
            ["run", "--suite", fixture.path, "--model", "model.yaml", "--run", "same"] + cached, in: work.url)
        #expect(same.stdout.contains("cache: 6 of 6 answers reused"), "\(same.stdout)")
        // The next checkpoint on the same port, as a restarted vLLM is.
        let port = second.port
        try await second.stop()
        let third = try await server(suite, root: "/ckpt/step-3000", oracle: true, port: port)
        defer { Task { try? await third.stop() } }
        try modelConfig(third, in: work)
        let changed = await CLI.run(
            ["run", "--suite", fixture.path, "--model", "model.yaml", "--run", "three"] + cached, in: work.url)
        #expect(
            changed.stdout.contains(
                "cache: 0 of 6 answers reused; 6 asked again: cached under another fingerprint of qwen2-audio"),
            "\(changed.stdout)")
        #expect(try answers(work, "three").contains { $0.hasPrefix("Yes") })
        let manifest = try RunDirectory(work.path("results/three")).readManifest()
        #expect(manifest?.model.fingerprint?.objectValue?["root"] == .string("/ckpt/step-3000"))
        // compare warns: one name, two fingerprints.
        let compare = await CLI.run(["compare", "two", "three"], in: work.url)
        #expect(compare.stderr.contains("both runs name the model qwen2-audio, but its fingerprints differ"))
    }

    /// A server that drops the audio: the run stops after the preflight; with --no-preflight it
    /// runs, and the summary flags prompt tokens that do not grow with the clips' duration.
    @Test func audioThatNeverArrivedIsCaught() async throws {
        let items = (0..<6).map { #"{"id": "c\#($0)", "audio": "c\#($0).wav", "object": "tone", "label": "yes"}"# }
        let fixture = try SuiteFixture(items: items, clips: [])
        defer { fixture.remove() }
        for index in 0..<6 {
            try Signals.writeSine(to: fixture.directory.path("audio/c\(index).wav"), seconds: 0.5 + Double(index))
        }
        let suite = try #require(SuiteLoader.load(fixture.path).suite)
        let deaf = try await server(suite, root: "/ckpt/no-audio-tower", dropAudio: true)
        defer { Task { try? await deaf.stop() } }
        let work = try TemporaryDirectory()
        defer { work.remove() }
        try modelConfig(deaf, in: work)
        let stopped = await CLI.run(
            ["run", "--suite", fixture.path, "--model", "model.yaml", "--run", "deaf"], in: work.url)
        #expect(stopped.status == 2)
        #expect(stopped.stderr.contains("the server ignored the audio:"), "\(stopped.stderr)")
        #expect(deaf.statistics.requests == 2)
        let preflight = try #require(try RunDirectory(work.path("results/deaf")).readManifest()?.preflight)
        #expect(preflight.withAudio.promptTokens == preflight.withoutAudio.promptTokens)

        let ran = await CLI.run(
            ["run", "--suite", fixture.path, "--model", "model.yaml", "--run", "ran", "--no-preflight"], in: work.url)
        #expect(ran.stdout.contains("warning: prompt tokens do not grow with clip duration"), "\(ran.stdout)")

        // A server that hears the audio passes the preflight and is not flagged.
        let hearing = try await server(suite, root: "/ckpt/ok")
        defer { Task { try? await hearing.stop() } }
        try modelConfig(hearing, in: work)
        let heard = await CLI.run(
            ["run", "--suite", fixture.path, "--model", "model.yaml", "--run", "heard"], in: work.url)
        #expect(heard.status == 0, "\(heard.stderr)")
        #expect(!heard.stdout.contains("do not grow"))
        #expect(heard.stdout.contains("tokens:"))
        // The cost of the run and the preflight are in the report, too.
        let report = await CLI.run(["report", "heard", "ran", "--html", "report.html"], in: work.url)
        #expect(report.status == 0, "\(report.stderr)")
        let html = try String(contentsOf: work.path("reports/heard+ran/report.html"), encoding: .utf8)
        #expect(html.contains("tokens fixture"))
        #expect(html.contains("prompt tokens do not grow with clip duration"))
        #expect(html.contains("prompt tokens with the clip"))
    }

    /// A corrupt cache file: exit 2 naming it, never 1.
    @Test func aCorruptCacheIsBadInputNamingTheFile() async throws {
        let fixture = try SuiteFixture.probes(clips: 1, templates: 1)
        defer { fixture.remove() }
        let suite = try #require(SuiteLoader.load(fixture.path).suite)
        let model = try await server(suite, root: "/ckpt/a")
        defer { Task { try? await model.stop() } }
        let work = try TemporaryDirectory()
        defer { work.remove() }
        try modelConfig(model, in: work)
        let cache = try work.write(String(repeating: "garbage ", count: 500), to: "cache.sqlite")
        let output = await CLI.run(
            ["run", "--suite", fixture.path, "--model", "model.yaml", "--cache", "--cache-file", cache.path],
            in: work.url)
        #expect(output.status == 2, "\(output.stderr)")
        #expect(output.stderr.contains(cache.path))
    }
}

@Suite struct ConfigAndMergeTests {
    /// `hark validate` makes every check `hark run` makes before its first request.
    @Test func validateRefusesScoringSettingsRunWouldRefuse() async throws {
        let manifest = SuiteFixture.yesNoManifest + "\nscoring: {extractor: psychic}\n"
        let suite = try SuiteFixture(
            manifest: manifest, items: [#"{"id": "a", "audio": "a.wav", "object": "dog", "label": "no"}"#])
        defer { suite.remove() }
        let output = await CLI.run(["validate", suite.path])
        #expect(output.status == 2)
        #expect(output.stderr.contains("psychic"), "\(output.stderr)")
    }

    /// Shards merge where the suites are not at the paths the shards recorded: with --suite (a
    /// local copy, matched by fingerprint), or unscored with the way to score them.
    @Test func shardsMergeAnywhere() async throws {
        let work = try TemporaryDirectory()
        defer { work.remove() }
        let suite = try SuiteFixture.probes(clips: 4, templates: 1)
        defer { suite.remove() }
        for shard in 0..<2 {
            let output = await CLI.run(
                ["run", "--suite", suite.path, "--model", "oracle", "--shard", "\(shard)/2", "--run", "s\(shard)"],
                in: work.url)
            #expect(output.status == 0, "\(output.stderr)")
        }
        let copy = work.path("elsewhere/probes")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: suite.directory.url, to: copy)
        suite.remove()
        let unscored = await CLI.run(["merge", "s0", "s1", "--output", "full"], in: work.url)
        #expect(unscored.status == 0, "\(unscored.stderr)")
        #expect(unscored.stdout.contains("score it with: hark score"))
        let merged = await CLI.run(["merge", "s0", "s1", "--output", "full2", "--suite", copy.path], in: work.url)
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout.contains("probes: 8 samples, 8 answered"), "\(merged.stdout)")
    }
}

/// A finished oracle run `r` of a probes suite in a scratch folder, for the guard tests below:
/// `command` is the `hark run` that made it, `journal` its samples.jsonl.
struct OracleRun {
    let suite: SuiteFixture
    let work: TemporaryDirectory
    let command: [String]
    var journal: URL { work.path("results/r/samples.jsonl") }

    init(clips: Int) async throws {
        suite = try SuiteFixture.probes(clips: clips, templates: 1)
        work = try TemporaryDirectory()
        command = ["run", "--suite", suite.path, "--model", "oracle", "--run", "r"]
        let output = await CLI.run(command, in: work.url)
        #expect(output.status == 0, "\(output.stderr)")
    }

    func remove() {
        suite.remove()
        work.remove()
    }
}

@Suite struct ResumeGuardTests {
    /// `--resume` with another limit, shard or repeat count would drop answered samples: it is
    /// refused, naming the change, and the journal is left as it was; so is a journal without its
    /// manifest.
    @Test func resumeRefusesAnotherPlanAndAJournalWithoutManifest() async throws {
        let oracle = try await OracleRun(clips: 5)
        defer { oracle.remove() }
        let (work, common) = (oracle.work, oracle.command)
        let journal = work.path("results/r/samples.jsonl")
        let before = try Journal.read(journal).count
        #expect(before == 10)
        for (flags, change) in [
            (["--limit", "2"], "limit none → 2"), (["--shard", "0/4"], "shard none → 0/4"),
            (["--repeats", "3"], "repeats 1 → 3"),
        ] {
            let resumed = await CLI.run(common + ["--resume"] + flags, in: work.url)
            #expect(resumed.status == 2, "\(flags)")
            #expect(
                resumed.stderr.contains("cannot resume: the plan changed since the run started (\(change))"),
                "\(resumed.stderr)")
            #expect(try Journal.read(journal).count == before)
        }
        try FileManager.default.removeItem(at: work.path("results/r/manifest.json"))
        let orphan = await CLI.run(common + ["--resume"], in: work.url)
        #expect(orphan.status == 2)
        #expect(orphan.stderr.contains("no manifest.json"))
        #expect(try Journal.read(journal).count == before)
    }
}

extension ResumeGuardTests {
    /// A record whose request_hash is not its planned request's is asked again (counted, warned),
    /// and a sample answered twice with different answers is reported with both lines and asked
    /// again; everything else is kept.
    @Test func resumeChecksEachRecordAgainstThePlan() async throws {
        let oracle = try await OracleRun(clips: 5)
        defer { oracle.remove() }
        let (work, common) = (oracle.work, oracle.command)
        let journal = work.path("results/r/samples.jsonl")
        let original = try Journal.read(journal)
        var records = original
        records[0].requestHash = String(repeating: "0", count: 64)
        records[1].requestHash = String(repeating: "1", count: 64)
        var conflicting = records[2]
        conflicting.response = "Maybe not."
        records.removeLast()
        records.append(conflicting)
        try Journal.write(records, to: journal)

        let resumed = await CLI.run(common + ["--resume"], in: work.url)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(
            resumed.stderr.contains(
                "resume: 2 journal records do not match their planned request (request_hash); asked again"),
            "\(resumed.stderr)")
        #expect(
            resumed.stderr.contains("samples.jsonl:3 and \(journal.path):10 answer \(original[2].key) differently"),
            "\(resumed.stderr)")
        let manifest = try #require(try RunDirectory(work.path("results/r")).readManifest())
        #expect(manifest.counts.resumed == 6)
        #expect(manifest.counts.modelCalls == 4)
        let final = try Journal.read(journal)
        #expect(final.map(\.key) == original.map(\.key))
        #expect(final.map(\.requestHash) == original.map(\.requestHash))
        #expect(final.map(\.response) == original.map(\.response))
    }
}

@Suite struct ScoreGuardTests {
    /// JUnit says how many of the planned samples were answered: a cut journal scored with
    /// --allow-incomplete is an error, not "all 7 answered".
    @Test func junitCountsThePlannedSamples() async throws {
        let oracle = try await OracleRun(clips: 5)
        defer { oracle.remove() }
        let work = oracle.work
        let journal = work.path("results/r/samples.jsonl")
        let lines = try String(contentsOf: journal, encoding: .utf8).split(separator: "\n")
        try (lines.prefix(7).joined(separator: "\n") + "\n").write(to: journal, atomically: true, encoding: .utf8)
        #expect(await CLI.run(["score", "r", "--allow-incomplete"], in: work.url).status == 0)
        let report = await CLI.run(["report", "r", "--junit", "junit.xml", "--out", "out"], in: work.url)
        #expect(report.status == 0, "\(report.stderr)")
        let xml = try String(contentsOf: work.path("out/junit.xml"), encoding: .utf8)
        #expect(xml.contains("7 of 10 planned samples answered: 3 never asked"), "\(xml)")
    }

    /// A cut journal is not scored as if whole, and a deleted one never overwrites good results.
    @Test func scoreChecksTheJournalAgainstThePlan() async throws {
        let oracle = try await OracleRun(clips: 5)
        defer { oracle.remove() }
        let work = oracle.work
        let journal = work.path("results/r/samples.jsonl")
        let results = work.path("results/r/results.json")
        let good = try Data(contentsOf: results)
        let lines = try String(contentsOf: journal, encoding: .utf8).split(separator: "\n")
        try (lines.prefix(5).joined(separator: "\n") + "\n").write(to: journal, atomically: true, encoding: .utf8)
        let cut = await CLI.run(["score", "r"], in: work.url)
        #expect(cut.status == 3)
        #expect(cut.stderr.contains("the journal holds 5 of the 10 samples the run planned"), "\(cut.stderr)")
        #expect(try Data(contentsOf: results) == good)
        let partial = await CLI.run(["score", "r", "--allow-incomplete"], in: work.url)
        #expect(partial.status == 0, "\(partial.stderr)")
        let rescored = try RunDirectory(work.path("results/r")).readResults()
        #expect(!rescored.manifest.complete)
        #expect(rescored.suites.first?.counts.answered == 5)
        try FileManager.default.removeItem(at: journal)
        let written = try Data(contentsOf: results)
        let missing = await CLI.run(["score", "r"], in: work.url)
        #expect(missing.status == 2)
        #expect(try Data(contentsOf: results) == written)
        // A misspelt run is refused, and no folder is made for it by the lock.
        let misspelt = await CLI.run(["score", "rr"], in: work.url)
        #expect(misspelt.status == 2, "\(misspelt.stderr)")
        #expect(!FileManager.default.fileExists(atPath: work.path("results/rr").path))
    }
}

@Suite struct MergeGuardTests {
    /// Merging refuses what would not make the whole run: the same shard twice, a missing shard,
    /// an unfinished shard — each named, each with its exit code.
    @Test func mergeRefusesRepeatedMissingAndUnfinishedShards() async throws {
        let suite = try SuiteFixture.probes(clips: 4, templates: 1)
        defer { suite.remove() }
        let work = try TemporaryDirectory()
        defer { work.remove() }
        for shard in 0..<3 {
            #expect(
                await CLI.run(
                    ["run", "--suite", suite.path, "--model", "oracle", "--shard", "\(shard)/3", "--run", "s\(shard)"],
                    in: work.url
                ).status == 0)
        }
        let twice = await CLI.run(["merge", "s0", "s0", "s1", "s2", "--output", "m1"], in: work.url)
        #expect(twice.status == 2)
        #expect(twice.stderr.contains("shard 0/3 is given twice"), "\(twice.stderr)")
        let missing = await CLI.run(["merge", "s0", "s2", "--output", "m2"], in: work.url)
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("shards missing from the merge: 1/3"), "\(missing.stderr)")
        // Another split, or a whole run beside shards, is not a cover of one plan.
        #expect(
            await CLI.run(
                ["run", "--suite", suite.path, "--model", "oracle", "--shard", "1/2", "--run", "h1"], in: work.url
            ).status == 0)
        #expect(
            await CLI.run(["run", "--suite", suite.path, "--model", "oracle", "--run", "whole"], in: work.url).status
                == 0)
        let splits = await CLI.run(["merge", "s0", "s1", "s2", "h1", "--output", "m4"], in: work.url)
        #expect(splits.status == 2)
        #expect(
            splits.stderr.contains("shards of different splits cannot be merged: 0/3, 1/3, 2/3, 1/2"),
            "\(splits.stderr)")
        let mixed = await CLI.run(["merge", "whole", "s0", "s1", "s2", "--output", "m5"], in: work.url)
        #expect(mixed.status == 2)
        #expect(mixed.stderr.contains("a whole run cannot be merged with shards"), "\(mixed.stderr)")
        let manifest = work.path("results/s1/manifest.json")
        let text = try String(contentsOf: manifest, encoding: .utf8).replacingOccurrences(
            of: #""complete":true"#, with: #""complete":false"#
        )
        .replacingOccurrences(of: #""complete" : true"#, with: #""complete" : false"#)
        try text.write(to: manifest, atomically: true, encoding: .utf8)
        let unfinished = await CLI.run(["merge", "s0", "s1", "s2", "--output", "m3"], in: work.url)
        #expect(unfinished.status == 3)
        #expect(unfinished.stderr.contains("shard 1/3 is not finished"), "\(unfinished.stderr)")
    }
}

@Suite struct RunLockTests {
    /// One writer per run folder: while one holds it, `run`, `score` and `merge` into it are
    /// refused with the holder's pid and nothing is written; once it is released, they go on.
    @Test func aSecondWriterIsRefusedAndNothingIsLost() async throws {
        let oracle = try await OracleRun(clips: 2)
        defer { oracle.remove() }
        let (work, run) = (oracle.work, oracle.command)
        let journal = try Data(contentsOf: work.path("results/r/samples.jsonl"))
        var lock: RunLock? = try RunLock(RunDirectory(work.path("results/r")))
        for command in [run + ["--resume"], ["score", "r"], ["merge", "r", "--output", "r"]] {
            let refused = await CLI.run(command, in: work.url)
            #expect(refused.status == 2, "\(command)")
            #expect(
                refused.stderr.contains("another hark process (pid \(getpid())) is writing this run folder"),
                "\(refused.stderr)")
        }
        #expect(try Data(contentsOf: work.path("results/r/samples.jsonl")) == journal)
        _ = lock
        lock = nil
        #expect(await CLI.run(["score", "r"], in: work.url).status == 0)
    }
}
