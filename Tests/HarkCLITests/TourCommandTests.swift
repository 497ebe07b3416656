import Foundation
import HarkApp
import HarkCore
import HarkRecords
import HarkRun
import HarkTestSupport
import HarkTesting
import Testing

/// The README tour's commands that no other CLI test runs: the importers, the pair probes, shards
/// and merge, and a run against `hark mock-server` in its own process.
@Suite struct TourCommandTests {
    @Test func importersAndPairProbesWriteSuitesThatValidate() async throws {
        let work = try TemporaryDirectory()
        defer { work.remove() }
        try Signals.writeSine(to: work.path("audio/a.wav"))
        try Signals.writeSine(to: work.path("audio/b.wav"), frequency: 660)
        try work.write(
            "entry_id,audio_index,prompt_text,object,attribute,label,sampling\n0,a,Is there a sound of tone in the audio?,tone,,Yes,Random\n",
            to: "rows.csv")
        try work.write(
            #"[{"id": "m1", "audio_id": "./a.wav", "question": "Which?", "choices": ["tone", "dog"], "answer": "tone", "task": "sound", "category": ["Reasoning"], "sub-category": "x", "difficulty": "easy"}]"#,
            to: "mmau.json")
        try work.write(
            #"{"id": "c1", "audio_filepath": "a.wav", "textual_audio": "A tone.", "instruction": "What is it? Answer in lowercase.", "dataset": "d", "metric": "m", "instruction_id_list": ["change_case:english_lowercase"], "kwargs": [{}], "label": "tone"}"#
                + "\n",
            to: "closed.jsonl")
        try work.write(
            #"{"key": 1, "prompt": "Say hi.", "instruction_id_list": ["startend:quotation"], "kwargs": [{}]}"# + "\n",
            to: "input_data.jsonl")
        try work.write(
            #"{"clip": "a.wav", "objects": ["tone", "hum"]}"# + "\n" + #"{"clip": "b.wav", "objects": ["tone"]}"#
                + "\n", to: "clips.jsonl")
        let commands: [[String]] = [
            ["import", "kuan2024", "rows.csv", "--audio-root", "audio", "--out", "suites/kuan"],
            ["import", "mmau", "mmau.json", "--audio-root", "audio", "--out", "suites/mmau"],
            [
                "import", "speech-ifeval", "--closed-ended", "closed.jsonl", "--audio-root", "audio", "--out",
                "suites/sifeval",
            ],
            ["import", "ifeval", "input_data.jsonl", "--out", "suites/ifeval"],
            ["probes", "pairs", "--clips", "clips.jsonl", "--audio-root", "audio", "--out", "suites", "--id", "pairs"],
        ]
        for command in commands {
            let output = await CLI.run(command, in: work.url)
            #expect(output.status == 0, "\(command): \(output.stderr)")
        }
        for suite in ["kuan", "mmau", "sifeval", "ifeval", "pairs-pairs", "pairs-which-clip"] {
            let output = await CLI.run(["validate", "suites/\(suite)"], in: work.url)
            #expect(output.status == 0, "\(suite): \(output.stdout) \(output.stderr)")
        }
    }

    @Test func aRunAgainstTheMockServerProcessShardedAndMerged() async throws {
        let work = try TemporaryDirectory()
        defer { work.remove() }
        let suite = HarkCLI.packageRoot.appendingPathComponent("benchmarks/fixture-yes-no").path
        let listening = Pipe()
        let server = try HarkCLI.start(
            ["mock-server", "--policy", "oracle", "--suite", suite, "--hallucination-rate", "0.3"], in: work.url,
            stdout: listening)
        defer { server.terminate() }
        // The server says where it listens once it does: "… listening on http://127.0.0.1:PORT/v1".
        let line = try #require(await HarkCLI.firstLine(of: listening))
        let baseURL = try #require(line.components(separatedBy: "listening on ").last)
        try work.write(
            "name: sim\nadapter: openai\nsettings: {base_url: \"\(baseURL)\", model: sim}\n", to: "model.yaml")
        for shard in 0..<2 {
            let output = await CLI.run(
                [
                    "run", "--suite", suite, "--model", "model.yaml", "--no-cache", "--shard", "\(shard)/2", "--run",
                    "s\(shard)",
                ], in: work.url)
            #expect(output.status == 0, "\(output.stderr)")
        }
        let merged = await CLI.run(["merge", "s0", "s1", "--output", "full"], in: work.url)
        #expect(merged.status == 0, "\(merged.stderr)")
        let results = try RunDirectory(work.path("results/full")).readResults()
        #expect(results.manifest.complete)
        #expect(results.suites.first?.counts.answered == results.suites.first?.counts.samples)
        #expect((results.suites.first?.counts.samples ?? 0) > 0)
    }
}
