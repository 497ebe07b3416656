import Foundation
import HarkAudio
import HarkCore
import HarkGate
import HarkModels
import HarkRecords
import HarkRun
import HarkSuites
import HarkTestSupport
import HarkTesting
import Testing

/// Listening controls end to end over HTTP: a mock model that answers from the labels when it
/// hears the clip and says "yes" at a set rate when it hears nothing, checked at the server.
@Suite struct ListeningControlTests {
    /// 60 clips × (present, absent) × 2 templates = 240 samples.
    let fixture: SuiteFixture
    let suite: Suite

    init() throws {
        fixture = try SuiteFixture.probes(clips: 60, templates: 2)
        suite = try #require(SuiteLoader.load(fixture.path).suite)
    }

    func options(silenceYesRate: Double) throws -> MockServer.Options {
        let suite = suite
        return try MockServer.Options.with {
            $0.policy = .oracle(errorRate: 0, hallucinationRate: 0, seed: 1)
            $0.oracle = try MockOracle(suites: [suite])
            $0.silenceYesRate = silenceYesRate
            $0.faults.seed = 5
        }
    }

    func run(_ arguments: [String], server: MockServer, in work: TemporaryDirectory) async throws {
        try work.write(server.modelConfig(name: "listener"), to: "model.yaml")
        let result = await CLI.run(
            [
                "run", "--suite", fixture.path, "--model", "model.yaml", "--cache", "--cache-file", "cache.sqlite",
                "--no-preflight",
            ] + arguments,
            in: work.url)
        #expect(result.status == 0, "\(result.stderr)")
    }

    /// The WAV bytes hark sends for each clip, by their hash: the clip's path.
    func sentClips() throws -> [String: String] {
        var clips: [String: String] = [:]
        for reference in suite.clips {
            clips[ContentHash.sha256(try AudioPipeline().wav(suite.url(of: reference)))] = reference.path
        }
        return clips
    }

    @Test func silenceGivesTheServersYesRateWithinItsIntervalAndIsNeverAnsweredFromTheRealRunsCache() async throws {
        let work = try TemporaryDirectory()
        defer { work.remove() }
        defer { fixture.remove() }
        let rate = 0.3
        try await withMockServer(try options(silenceYesRate: rate)) { server in
            try await run(["--run", "real"], server: server, in: work)
            let heard = server.received.count
            try await run(["--run", "silence", "--control", "silence"], server: server, in: work)
            // Every control request reached the server (none from the cache) with silent audio.
            let control = server.received.dropFirst(heard)
            #expect(control.count == 240)
            let sent = try sentClips()
            for request in control {
                let audio = request.parts.filter { $0.hasPrefix("audio:") }
                #expect(audio.count == 1)
                #expect(audio.allSatisfy { sent[String($0.dropFirst(6))] == nil })
            }
        }
        let real = try Journal.read(work.path("results/real/samples.jsonl"))
        let silence = try Journal.read(work.path("results/silence/samples.jsonl"))
        #expect(real.map(\.key) == silence.map(\.key))
        let manifest = try #require(try RunDirectory(work.path("results/silence")).readManifest())
        #expect(manifest.plan.control?.kind == .silence)
        #expect(manifest.counts.cacheHits == 0)

        let compared = await CLI.run(["compare", "real", "silence", "--json", "compare.json"], in: work.url)
        #expect(compared.status == 0, "\(compared.stderr)")
        #expect(compared.stdout.contains("Listening control (silence, run silence)"))
        let comparison = try #require(
            try JSONDecoder().decode(
                [RunComparison].self, from: Data(contentsOf: work.url.appendingPathComponent("compare.json"))
            ).first)
        let effect = try #require(comparison.suites.first?.listening)
        // A control run's yes-ratio is its yes on silence: a gate holds it down.
        try work.write("gates:\n  - {metric: yes_ratio, max: 0.2}\n", to: "gate.yaml")
        let gate = await CLI.run(["gate", "--policy", "gate.yaml", "--candidate", "silence"], in: work.url)
        #expect(gate.status == 1, "\(gate.stdout)\(gate.stderr)")
        // The HTML report puts the control beside its real run, and the diagnostics of both.
        let report = await CLI.run(
            ["report", "real", "silence", "--html", "report.html", "--out", "reports"], in: work.url)
        #expect(report.status == 0, "\(report.stderr)")
        let html = try String(contentsOf: work.url.appendingPathComponent("reports/report.html"), encoding: .utf8)
        #expect(html.contains("<h2>Listening controls</h2>") && html.contains("silence (silence)"))
        #expect(html.contains(String(format: "%.2f", effect.yesOnSilence!.value * 100)))
        #expect(html.contains("<h2>Hallucination diagnostics</h2>") && html.contains("perception accuracy"))
        let yes = try #require(effect.yesOnSilence)
        #expect(yes.n == 240)
        #expect(yes.ci[0] <= rate && rate <= yes.ci[1], "yes on silence \(yes.value) \(yes.ci)")
        // The real run is right everywhere; on silence the answers hold only where they were "yes"
        // to a present sound or "no" to an absent one.
        #expect(effect.realAccuracy == 1)
        #expect(effect.accuracyDrop > 0.3)
        // Silence answers "yes" at 0.3: the same answer as the real run for yes-labelled samples
        // said yes, and no-labelled samples said no.
        let expectedSame = silence.indices.filter { index in
            let record = silence[index]
            let label = record.item.hasSuffix("-yes") ? "yes" : "no"
            return (record.response ?? "").lowercased().hasPrefix(label)
        }.count
        #expect(effect.audioInsensitivity.value == Double(expectedSame) / 240)
    }

    @Test func noneSendsNoAudioPartAndShuffledNeverSendsAnItemItsOwnClip() async throws {
        let work = try TemporaryDirectory()
        defer { work.remove() }
        defer { fixture.remove() }
        let sent = try sentClips()
        try await withMockServer(try options(silenceYesRate: 0.5)) { server in
            try await run(["--run", "none", "--control", "none"], server: server, in: work)
            #expect(server.received.count == 240)
            #expect(server.received.allSatisfy { !$0.parts.contains { $0.hasPrefix("audio:") } })

            try await run(
                ["--run", "shuffled", "--control", "shuffled", "--control-seed", "3"], server: server, in: work)
            let shuffled = server.received.dropFirst(240)
            #expect(shuffled.count == 240)
            var donors: Set<String> = []
            for request in shuffled {
                // The probes name their clip: "tone N" and "dog N" are asked of clipN.wav.
                let text = request.parts.first { $0.hasPrefix("text:") } ?? ""
                let number = try #require(text.split(separator: " ").last.map { $0.filter(\.isNumber) })
                let audio = request.parts.filter { $0.hasPrefix("audio:") }.map { String($0.dropFirst(6)) }
                let donor = try #require(audio.first.flatMap { sent[$0] })
                #expect(donor != "clip\(number).wav")
                donors.insert(donor)
            }
            // A permutation: every clip given to some other item.
            #expect(donors.count == 60)

            // Pink noise: audible (not silence, so not answered as silence), not the clip, and the
            // same noise for every question of one clip.
            try await run(["--run", "noise", "--control", "noise", "--noise-dbfs=-20"], server: server, in: work)
            let noise = server.received.dropFirst(480)
            #expect(noise.count == 240)
            var byClip: [String: Set<String>] = [:]
            for request in noise {
                let text = request.parts.first { $0.hasPrefix("text:") } ?? ""
                let number = String(text.split(separator: " ").last?.filter(\.isNumber) ?? "")
                let audio = request.parts.filter { $0.hasPrefix("audio:") }.map { String($0.dropFirst(6)) }
                #expect(audio.count == 1 && sent[audio[0]] == nil)
                byClip[number, default: []].formUnion(audio)
            }
            #expect(byClip.count == 60 && byClip.values.allSatisfy { $0.count == 1 })
            #expect(Set(byClip.values.flatMap { $0 }).count == 60)
        }
        let heard = try Journal.read(work.path("results/noise/samples.jsonl"))
        #expect(heard.allSatisfy { $0.response == "I cannot tell from this audio." })
        let none = try Journal.read(work.path("results/none/samples.jsonl"))
        #expect(none.allSatisfy { $0.audio.isEmpty })
        let records = try Journal.read(work.path("results/shuffled/samples.jsonl"))
        #expect(
            records.allSatisfy { record in
                record.audio.first?.path != suite.items.first { $0.id == record.item }?.audio.first?.path
            })
    }

    @Test func aSilenceControlIsRefusedForAWorkerThatReadsTheClipFiles() async throws {
        defer { fixture.remove() }
        let work = try TemporaryDirectory()
        defer { work.remove() }
        try work.write("name: worker\nadapter: command\nsettings: {command: [\"cat\"]}\n", to: "worker.yaml")
        let result = await CLI.run(
            ["run", "--suite", fixture.path, "--model", "worker.yaml", "--control", "silence"], in: work.url)
        #expect(result.status == 2)
        #expect(
            result.stderr.contains("hands the model the clips' own files; send the audio as bytes (send_audio: wav)"))
    }

    @Test func aShuffleWithoutAnAllowedDonorIsRefusedNamingTheClip() throws {
        fixture.remove()
        let items = [
            #"{"id": "a", "audio": "a.wav", "object": "dog", "label": "yes"}"#,
            #"{"id": "b", "audio": "b.wav", "object": "dog", "label": "yes"}"#,
        ]
        let fixture = try SuiteFixture(items: items, clips: ["audio/a.wav", "audio/b.wav"])
        defer { fixture.remove() }
        let suite = try #require(SuiteLoader.load(fixture.path).suite)
        let error = #expect(throws: HarkError.self) { try ClipShuffle.donors(for: suite, seed: 0) }
        #expect("\(error.map { "\($0)" } ?? "")".contains("every other clip shares one of its labels (dog)"))
        let different = try SuiteFixture(
            items: [items[0], #"{"id": "b", "audio": "b.wav", "object": "cat", "label": "yes"}"#],
            clips: ["audio/a.wav", "audio/b.wav"])
        defer { different.remove() }
        let donors = try ClipShuffle.donors(for: try #require(SuiteLoader.load(different.path).suite), seed: 0)
        #expect(donors == ["a.wav": "b.wav", "b.wav": "a.wav"])
    }
}
