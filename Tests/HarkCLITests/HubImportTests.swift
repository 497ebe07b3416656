import Foundation
import HarkCore
import HarkRecords
import HarkTestSupport
import HarkTesting
import Testing

/// `hark import hf` on the Parquet files scripts/golden/make_parquet_files.py wrote with `datasets`.
struct HubImportTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../HarkParquetTests/Golden").standardizedFileURL

    static func items(_ folder: URL) throws -> [[String: JSONValue]] {
        let text = try String(contentsOf: folder.appendingPathComponent("items.jsonl"), encoding: .utf8)
        return try text.split(separator: "\n").map {
            try #require(try JSONDecoder().decode(JSONValue.self, from: Data($0.utf8)).objectValue)
        }
    }

    /// A sharded hub folder → import → validate → the oracle scores 100%.
    @Test func aShardedHubFolderImportsValidatesAndRuns() async throws {
        let work = try TemporaryDirectory()
        defer { work.remove() }
        let hub = Self.golden.appendingPathComponent("hub-mmau").path
        let imported = await CLI.run(
            ["import", "hf", hub, "--preset", "mmau", "--split", "test_mini", "--out", "suite"], in: work.url)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("suite: 10 items"))
        let otherSplit = await CLI.run(
            ["import", "hf", hub, "--preset", "mmau", "--split", "test", "--out", "other"], in: work.url)
        #expect(otherSplit.status != 0)
        #expect(otherSplit.stderr.contains("holds no .parquet files of split \"test\""))
        let limited = await CLI.run(
            ["import", "hf", hub, "--preset", "mmau", "--limit", "7", "--out", "seven"], in: work.url)
        #expect(limited.stdout.contains("seven: 7 items"), "\(limited.stderr)")
        let validate = await CLI.run(["validate", "suite"], in: work.url)
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
        let run = await CLI.run(
            ["run", "--suite", "suite", "--model", "oracle", "--no-cache", "--run", "oracle"], in: work.url)
        #expect(run.status == 0, "\(run.stderr)")
        let results = try #require(try RunDirectory(work.path("results/oracle")).readResults().suites.first)
        #expect(results.metrics["accuracy"]?.value == 1)
        #expect(results.counts.samples == 10)
    }

    /// The hub copy and the JSON release give the same items and clips of the same bytes.
    @Test func theHubCopyEqualsTheJSONReleaseItemForItem() async throws {
        let work = try TemporaryDirectory()
        defer { work.remove() }
        let release = Self.golden.appendingPathComponent("release-mmau")
        let fromHub = await CLI.run(
            ["import", "hf", Self.golden.appendingPathComponent("hub-mmau").path, "--preset", "mmau", "--out", "hub"],
            in: work.url)
        let fromJSON = await CLI.run(
            [
                "import", "mmau", release.appendingPathComponent("mmau-test-mini.json").path, "--audio-root",
                release.path,
                "--out", "json",
            ], in: work.url)
        #expect(fromHub.status == 0 && fromJSON.status == 0, "\(fromHub.stderr)\(fromJSON.stderr)")
        let hub = try Self.items(work.url.appendingPathComponent("hub"))
        let json = try Self.items(work.url.appendingPathComponent("json"))
        try #require(hub.count == 10 && json.count == 10)
        for (hubItem, jsonItem) in zip(hub, json) {
            var comparable = hubItem
            var tags = try #require(comparable["tags"]?.objectValue)
            #expect(tags.removeValue(forKey: "source_file")?.stringValue?.hasPrefix("data/test_mini-0000") == true)
            comparable["tags"] = .object(tags)
            #expect(comparable.removeValue(forKey: "meta")?.objectValue?["source_row"] != nil)
            comparable["audio"] = jsonItem["audio"]
            #expect(comparable == jsonItem)
            let hubClip = work.url.appendingPathComponent("hub/audio/" + (hubItem["audio"]?.stringValue ?? ""))
            let jsonClip = release.appendingPathComponent(jsonItem["audio"]?.stringValue ?? "")
            let hash = try ContentHash.sha256(fileAt: hubClip)
            #expect(hash == (try ContentHash.sha256(fileAt: jsonClip)))
            #expect(hubItem["audio"]?.stringValue == hash + ".wav")
        }
    }

    /// VoiceBench's subsets and lmms-eval's MMAR mirror in their hub layouts.
    @Test func voiceBenchAndMMARPresetsImportTheirHubLayouts() async throws {
        let work = try TemporaryDirectory()
        defer { work.remove() }
        let voicebench = Self.golden.appendingPathComponent("hub-voicebench")
        for (folder, preset, split, out) in [
            ("mmsu", "voicebench-mmsu", "biology", "mmsu"), ("sd-qa", "voicebench-sd-qa", "usa", "sdqa"),
            ("ifeval", "voicebench-ifeval", "test", "ifeval"),
        ] {
            let output = await CLI.run(
                [
                    "import", "hf", voicebench.appendingPathComponent(folder).path, "--preset", preset, "--split",
                    split,
                    "--out", out,
                ], in: work.url)
            #expect(output.status == 0, "\(preset): \(output.stderr)")
            #expect(await CLI.run(["validate", out], in: work.url).status == 0, "\(preset)")
        }
        let mmsu = try Self.items(work.url.appendingPathComponent("mmsu"))
        #expect(mmsu.map { $0["answer"] } == ["A", "C", "D", "B"].map(JSONValue.string))  // "c" read as C
        #expect(
            mmsu[0]["question"] == .string("") && mmsu[0]["textual_audio"]?.stringValue?.hasPrefix("Question 0") == true
        )
        #expect(mmsu[0]["tags"]?.objectValue?["question_id"] == .string("bio-0"))
        // Four rows, three distinct clips: each written once.
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path("mmsu/audio").path).count == 3)
        #expect(mmsu[3]["audio"] == mmsu[0]["audio"])
        let sdqa = try Self.items(work.url.appendingPathComponent("sdqa"))
        #expect(sdqa.map { $0["answer"] } == ["William Shakespeare", "Paris", "eight"].map(JSONValue.string))
        let ifeval = try Self.items(work.url.appendingPathComponent("ifeval"))
        #expect(ifeval.map { $0["id"] } == [.string("1001"), .string("1002")])
        let expected = """
            [{"id":"length_constraints:number_words","kwargs":{"num_words":40,"relation":"less than"}},\
            {"id":"keywords:existence","kwargs":{"keywords":["clouds"]}}]
            """
        // The struct's null arguments dropped.
        #expect(ifeval[1]["instructions"] == (try JSONDecoder().decode(JSONValue.self, from: Data(expected.utf8))))
        let mmar = await CLI.run(
            ["import", "hf", Self.golden.appendingPathComponent("hub-mmar").path, "--preset", "mmar", "--out", "mmar"],
            in: work.url)
        #expect(mmar.status == 0, "\(mmar.stderr)")
        let items = try Self.items(work.url.appendingPathComponent("mmar"))
        #expect(items[0]["choices"] == .array([.string("event 0-0"), .string("event 0-1")]))  // letters dropped
        #expect(items[0]["answer"] == .string("event 0-1"))  // "B" read as its choice
        #expect(items[0]["meta"]?.objectValue?["thinking"] == .string("reasoning 0"))  // free text, not a tag
        let run = await CLI.run(
            ["run", "--suite", "mmar", "--model", "oracle", "--no-cache", "--run", "o"], in: work.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try RunDirectory(work.path("results/o")).readResults().suites.first?.metrics["accuracy"]?.value == 1)
    }

    /// Columns mapped by --map, class labels by name, the rest as tags and meta.
    @Test func aMappingMakesAnySuite() async throws {
        let work = try TemporaryDirectory()
        defer { work.remove() }
        let file = Self.golden.appendingPathComponent("hf-audio.parquet").path
        let output = await CLI.run(
            ["import", "hf", file, "--task", "yes-no", "--map", "label=label,object=question", "--out", "suite"],
            in: work.url)
        #expect(output.status == 0, "\(output.stderr)")
        let items = try Self.items(work.url.appendingPathComponent("suite"))
        try #require(items.count == 6)
        #expect(items.map { $0["label"] } == ["no", "yes", "no", "yes", "no", "yes"].map(JSONValue.string))
        #expect(items[0]["id"] == .string("row-0"))
        #expect(items[1]["object"] == .string("Is there a dog in clip 1?"))
        #expect(items[1]["tags"]?.objectValue?["score"] == .number(0.125))
        #expect(items[1]["meta"]?.objectValue?["options"] == .array([.string("yes"), .string("no")]))
        let clips = try FileManager.default.contentsOfDirectory(atPath: work.path("suite/audio").path)
        #expect(clips.count == 6 && clips.allSatisfy { $0.hasSuffix(".wav") && $0.count == 68 })
        #expect(await CLI.run(["validate", "suite"], in: work.url).status == 0)
    }

    @Test func badMappingsAndFilesAreNamed() async throws {
        let work = try TemporaryDirectory()
        defer { work.remove() }
        let file = Self.golden.appendingPathComponent("hf-audio.parquet").path
        let unknownKey = await CLI.run(
            ["import", "hf", file, "--task", "yes-no", "--map", "lable=label", "--out", "suite"], in: work.url)
        #expect(unknownKey.status != 0)
        #expect(unknownKey.stderr.contains("\"lable\" is not an item key"))
        let missingColumn = await CLI.run(
            ["import", "hf", file, "--task", "yes-no", "--map", "label=verdict", "--out", "suite"], in: work.url)
        #expect(missingColumn.status != 0)
        #expect(missingColumn.stderr.contains("no column \"verdict\" (mapped to label)"))
        #expect(missingColumn.stderr.contains("hf-audio.parquet:1"))
        let presetAndMap = await CLI.run(
            [
                "import", "hf", Self.golden.appendingPathComponent("hub-mmau").path, "--preset", "mmau", "--map",
                "question=audio_id", "--out", "s",
            ], in: work.url)
        #expect(presetAndMap.stderr.contains("\"question\" cannot be mapped with one"))
        let hub = Self.golden.appendingPathComponent("hub-mmau").path
        let wrongTask = await CLI.run(
            ["import", "hf", hub, "--preset", "mmau", "--task", "yes-no", "--out", "s"], in: work.url)
        #expect(wrongTask.stderr.contains("--preset mmau is a multiple-choice suite, not yes-no"))
        let noRows = await CLI.run(
            ["import", "hf", hub, "--preset", "mmau", "--limit", "0", "--out", "s"], in: work.url)
        #expect(noRows.stderr.contains("--limit must be at least 1, not 0"))
        #expect(!FileManager.default.fileExists(atPath: work.path("s").path))  // nothing written for bad input
        let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        _ = try work.write(bytes.prefix(bytes.count - 100), to: "cut.parquet")
        let truncated = await CLI.run(["import", "hf", "cut.parquet", "--task", "yes-no", "--out", "s"], in: work.url)
        #expect(truncated.status != 0)
        #expect(truncated.stderr.contains("cut.parquet"))
        #expect(truncated.stderr.contains("PAR1"))
    }
}
