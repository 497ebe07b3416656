import Foundation
import HarkApp
import HarkCore
import HarkModels
import HarkRecords
import HarkRun
import HarkSuites
import HarkTestSupport
import Testing

@Suite struct RunEndToEndTests {
    @Test func faultsNeverLoseDuplicateOrMiscountASample() async throws {
        let fixture = try RunFixture(clips: 30, templates: 2)
        defer { fixture.remove() }
        let server = try await fixture.server { options in
            options.faults.serverErrorRate = 0.10
            options.faults.rateLimitRate = 0.05
            options.faults.retryAfter = 0.01
            options.faults.hangRate = 0.02
            options.faults.seed = 7
        }
        defer { Task { try? await server.stop() } }
        let session = fixture.session(fixture.model(server, concurrency: 16, timeout: 0.5, retries: 3))

        let outcome = try await session.executeAndScore()

        let plan = try session.planner.plan([fixture.loaded])
        #expect(plan.count == 120)
        let journal = try Journal.read(session.directory.samples)
        #expect(journal.map(\.key) == plan.map(\.key))
        for record in journal {
            #expect((record.response == nil) != (record.error == nil), "\(record.key) must have an answer or an error")
        }
        let counts = outcome.results.manifest.counts
        #expect(counts.answered + counts.errors == 120)
        #expect(counts.answered == journal.count { $0.error == nil })
        let statistics = server.statistics
        #expect(statistics.serverErrors > 0 && statistics.rateLimited > 0 && statistics.hung > 0)
        #expect(counts.retries > 0)
        // The oracle never errs, so every answered sample holds the right answer.
        for record in journal where record.isAnswered {
            let said = record.response?.hasPrefix("Yes") == true ? "yes" : "no"
            #expect(record.item.hasSuffix("-" + said), "\(record.key): \(record.response ?? "")")
        }
    }

    /// Scored as the answers arrive, out of order, a run ends with the scores that scoring its
    /// finished journal gives, byte for byte, in plan order.
    @Test func scoresAsAnswersArriveAreThoseOfTheFinishedJournal() async throws {
        let fixture = try RunFixture(clips: 30, templates: 3)
        defer { fixture.remove() }
        let server = try await fixture.server { options in
            options.policy = .oracle(errorRate: 0.2, hallucinationRate: 0.3, seed: 3)
            options.latency = MockLatency(minimumMs: 0, maximumMs: 30)
            options.faults.serverErrorRate = 0.1
            options.faults.seed = 5
        }
        defer { Task { try? await server.stop() } }
        let session = fixture.session(fixture.model(server, concurrency: 16, retries: 0))

        let outcome = try await session.executeAndScore()
        let scored = try Data(contentsOf: session.directory.scores)
        let rescored = try RunScoring.rescore(session.directory)

        #expect(outcome.results.manifest.counts.errors > 0)
        #expect(outcome.results.suites.map(\.metrics) == rescored.suites.map(\.metrics))
        #expect(outcome.results.suites.map(\.counts) == rescored.suites.map(\.counts))
        #expect(try Data(contentsOf: session.directory.scores) == scored)
        let keys = try ScoresFile.read(session.directory.scores).map(\.key)
        let answered = try Journal.read(session.directory.samples).filter(\.isAnswered).map(\.key)
        #expect(keys == answered)
    }

    @Test func theSameSuiteTwiceIsRefusedBeforeAnythingIsAsked() async throws {
        let fixture = try RunFixture()
        defer { fixture.remove() }
        let server = try await fixture.server()
        defer { Task { try? await server.stop() } }
        var session = fixture.session(fixture.model(server))
        session.suites += session.suites

        await #expect { try await session.executeAndScore() } throws: {
            ($0 as? HarkError)?.location?.field == "id" && "\($0)".contains("named twice")
        }
        #expect(server.statistics.requests == 0)
        #expect(!FileManager.default.fileExists(atPath: session.directory.samples.path))
    }

    @Test func secondIdenticalRunAsksTheModelNothing() async throws {
        let fixture = try RunFixture()
        defer { fixture.remove() }
        let server = try await fixture.server()
        defer { Task { try? await server.stop() } }
        let model = fixture.model(server)

        let first = try await fixture.session(model, run: "first", cache: "cache.sqlite").executeAndScore()
        let asked = server.statistics.requests
        let second = try await fixture.session(model, run: "second", cache: "cache.sqlite").executeAndScore()

        #expect(asked == 16)
        #expect(server.statistics.requests == asked)
        #expect(second.results.manifest.counts.cacheHits == 16)
        _ = first
        let firstAnswers = try Journal.read(fixture.output.path("results/first/samples.jsonl")).map(\.response)
        #expect(try Journal.read(fixture.output.path("results/second/samples.jsonl")).map(\.response) == firstAnswers)
    }

    @Test func failedAnswersAreNotCached() async throws {
        let fixture = try RunFixture(clips: 2)
        defer { fixture.remove() }
        let failing = try await fixture.server { $0.faults.serverErrorRate = 1 }
        defer { Task { try? await failing.stop() } }
        let failed = try await fixture.session(
            fixture.model(failing, retries: 0), run: "failing", cache: "cache.sqlite"
        ).executeAndScore()
        #expect(failed.results.manifest.counts.errors == 8)
        #expect(failed.results.suites.first?.counts.errorKinds == ["server_error": 8])
        let cache = try ResponseCache(url: fixture.output.path("cache.sqlite"))
        #expect(try await cache.count() == 0)
    }

    @Test func eachClipIsEncodedOncePerRun() async throws {
        let fixture = try RunFixture(clips: 3, templates: 4)
        defer { fixture.remove() }
        let server = try await fixture.server()
        defer { Task { try? await server.stop() } }
        let outcome = try await fixture.session(fixture.model(server)).executeAndScore()
        #expect(outcome.results.manifest.counts.answered == 24)
        #expect(outcome.clipsEncoded == 3)
    }

    @Test func noSecretOrAudioBytesAreWrittenUnderResults() async throws {
        let fixture = try RunFixture(clips: 2)
        defer { fixture.remove() }
        let server = try await fixture.server()
        defer { Task { try? await server.stop() } }
        let secret = "sk-test-\(UUID().uuidString)"
        setenv("HARK_TEST_API_KEY", secret, 1)
        defer { unsetenv("HARK_TEST_API_KEY") }
        var model = fixture.model(
            server, extra: ["api_key_env": .string("HARK_TEST_API_KEY"), "api_key": .string(secret)])
        model.name = "secretive"
        _ = try await fixture.session(model).executeAndScore()
        let authorized = server.received.allSatisfy { $0.authorization }
        #expect(authorized)

        let root = fixture.output.path("results")
        let files =
            FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        #expect(files.count >= 3)
        let wavBase64Prefix = "UklGR"  // "RIFF" in base64: the start of every encoded clip
        for file in files where !file.hasDirectoryPath {
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(!text.contains(secret), "\(file.lastPathComponent) holds the API key")
            #expect(!text.lowercased().contains("authorization"), "\(file.lastPathComponent) mentions Authorization")
            #expect(!text.contains(wavBase64Prefix), "\(file.lastPathComponent) holds base64 audio")
        }
    }

    @Test func shardsMergeIntoTheWholeRun() async throws {
        let fixture = try RunFixture(clips: 10)
        defer { fixture.remove() }
        let server = try await fixture.server()
        defer { Task { try? await server.stop() } }
        let model = fixture.model(server)
        let whole = try await fixture.session(model, run: "whole").executeAndScore()
        var shards: [RunDirectory] = []
        var sizes: [Int] = []
        for index in 0..<4 {
            let session = fixture.session(model, run: "shard\(index)", shard: try Shard("\(index)/4"))
            sizes.append(try await session.executeAndScore().results.manifest.counts.samples)
            shards.append(session.directory)
        }
        let mergedDirectory = RunDirectory(fixture.output.path("results/merged"))
        let merged = try RunScoring.score(
            try RunMerger.merge(shards, into: mergedDirectory), suites: RunSuites.load(for: whole.results.manifest),
            directory: mergedDirectory)

        #expect(sizes.reduce(0, +) == 40)
        #expect(sizes.allSatisfy { $0 > 0 })
        #expect(merged.suites.map(\.counts) == whole.results.suites.map(\.counts))
        #expect(merged.suites.map(\.metrics) == whole.results.suites.map(\.metrics))
        #expect(merged.suites.first?.metrics["accuracy"]?.value == 1)
        let mergedRecords = Dictionary(
            uniqueKeysWithValues: try Journal.read(RunDirectory(fixture.output.path("results/merged")).samples).map {
                ($0.key, $0.response)
            })
        let wholeRecords = try Journal.read(fixture.output.path("results/whole/samples.jsonl"))
        #expect(mergedRecords == Dictionary(uniqueKeysWithValues: wholeRecords.map { ($0.key, $0.response) }))
        #expect(merged.manifest.complete)
    }

    @Test func twoClipItemArrivesAsTwoAudioPartsInOrderThenText() async throws {
        let suite = try SuiteFixture(
            items: [
                #"{"id": "pair", "audio": ["b.wav", "a.wav"], "question": "Which clip has the tone?", "label": "no"}"#
            ],
            clips: ["audio/a.wav", "audio/b.wav"])
        defer { suite.remove() }
        let loaded = try #require(HarkSuites.SuiteLoader.load(suite.path).suite)
        let output = try TemporaryDirectory()
        defer { output.remove() }
        var options = MockServer.Options()
        options.policy = .echo
        let server = try await MockServer(options: options)
        defer { Task { try? await server.stop() } }
        let model = ModelConfig(
            name: "echo", adapter: "openai",
            settings: .object(["base_url": .string(server.baseURL), "model": .string("m")]))
        let session = RunSession(
            suites: [(loaded, try HarkSuites.SuiteFingerprint.compute(loaded))], model: model,
            directory: RunDirectory(output.path("run")), planner: Planner())
        let outcome = try await session.executeAndScore()

        let pipeline = model.audio.pipeline
        let first = ContentHash.sha256(try pipeline.wav(suite.directory.path("audio/b.wav")))
        let second = ContentHash.sha256(try pipeline.wav(suite.directory.path("audio/a.wav")))
        #expect(server.received.first?.parts == ["audio:" + first, "audio:" + second, "text:Which clip has the tone?"])
        _ = outcome
        #expect(
            try Journal.read(output.path("run/samples.jsonl")).first?.response == "2 clips: Which clip has the tone?")
    }
}

@Suite struct EndpointBalancingTests {
    @Test func requestsGoToTheLeastBusyEndpoint() async throws {
        let fixture = try RunFixture(clips: 10)
        defer { fixture.remove() }
        let slow = try await fixture.server { $0.latency = MockLatency(fixedMs: 1_000) }
        let fast = try await fixture.server()
        defer {
            Task {
                try? await slow.stop()
                try? await fast.stop()
            }
        }
        var model = fixture.model(fast, concurrency: 4)
        model.settings = .object([
            "base_url": .array([.string(slow.baseURL), .string(fast.baseURL)]), "model": .string("sim"),
        ])
        let outcome = try await fixture.session(model).executeAndScore()
        #expect(outcome.results.manifest.counts.answered == 40)
        #expect(slow.statistics.requests + fast.statistics.requests == 40)
        #expect(slow.statistics.requests > 0)
        #expect(
            fast.statistics.requests > 2 * slow.statistics.requests,
            "slow \(slow.statistics.requests), fast \(fast.statistics.requests)")
    }
}
