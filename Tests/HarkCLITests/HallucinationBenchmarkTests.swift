import Foundation
import HarkCore
import HarkRecords
import HarkTestSupport
import HarkTesting
import Testing

/// AHa-Bench, HalluAudio and CMM end to end: fixtures in their published layouts imported, answers
/// replayed, and the figures equal to those of the official scripts run on the same answers
/// (`scripts/golden/make_hallucination_benchmarks.py` wrote the fixtures and `expected.json`).
@Suite struct HallucinationBenchmarkTests {
    static let fixtures = HarkCLI.packageRoot.appendingPathComponent("Tests/Fixtures/hallucination-benchmarks")

    struct Expected: Decodable {
        struct AHaBench: Decodable {
            var acc: [String: Double]
            var bias: [String: Double?]
            var consTrue: [String: Double]
            var consWrong: [String: Double]

            enum CodingKeys: String, CodingKey {
                case acc, bias
                case consTrue = "cons_true"
                case consWrong = "cons_wrong"
            }
        }
        struct HalluAudio: Decodable { var accuracy: Double, correct: Int, total: Int }
        struct HalluAudioOpen: Decodable {
            var accuracy: [String: Double]
            var tonicCount: [String: Double]
            var refusalRate: Double
            var falseRefusalRate: Double

            enum CodingKeys: String, CodingKey {
                case accuracy
                case tonicCount = "tonic_count"
                case refusalRate = "refusal_rate"
                case falseRefusalRate = "false_refusal_rate"
            }
        }
        struct CMM: Decodable {
            var accuracy: Double
            var perceptionAccuracy: Double
            var hallucinationResistance: Double
            var subCategory: [String: [String: Double]]

            enum CodingKeys: String, CodingKey {
                case accuracy
                case perceptionAccuracy = "perception_accuracy"
                case hallucinationResistance = "hallucination_resistance"
                case subCategory = "sub_category"
            }
        }
        var ahabench: AHaBench
        var ahabenchASR: AHaBench
        var halluaudio: HalluAudio
        var halluaudioOpen: HalluAudioOpen
        var cmm: CMM

        enum CodingKeys: String, CodingKey {
            case ahabench, halluaudio, cmm
            case ahabenchASR = "ahabench_asr"
            case halluaudioOpen = "halluaudio_open"
        }
    }

    static let expected: Expected? = try? JSONDecoder().decode(
        Expected.self, from: Data(contentsOf: fixtures.appendingPathComponent("expected.json")))

    /// Imports with `arguments`, replays `answers` (`run`: more flags) and returns the suite's results.
    func scored(_ arguments: [String], answers: String, run more: [String] = [], in work: TemporaryDirectory)
        async throws -> RunResults.SuiteResults
    {
        let imported = await CLI.run(["import"] + arguments + ["--out", "suite"], in: work.url)
        #expect(imported.status == 0, "\(imported.stderr)")
        let run = await CLI.run(
            [
                "run", "--suite", "suite", "--replay", Self.fixtures.appendingPathComponent(answers).path,
                "--no-cache", "--run", "replayed",
            ] + more, in: work.url)
        #expect(run.status == 0, "\(run.stderr)")
        return try #require(try RunDirectory(work.path("results/replayed")).readResults().suites.first)
    }

    func expectEqual(_ actual: MetricValue?, _ expected: Double?, _ label: String) {
        #expect(
            actual != nil && expected != nil && abs(actual!.value - expected!) < 1e-12,
            "\(label): \(actual?.value ?? .nan) against \(expected ?? .nan)")
    }

    @Test func ahaBenchGivesTheOfficialFiguresOfRepeatedRunsByTypeAndTheirMeans() async throws {
        let expected = try #require(Self.expected).ahabench
        let work = try TemporaryDirectory()
        defer { work.remove() }
        let suite = try await scored(
            ["hf", Self.fixtures.appendingPathComponent("aha-bench.parquet").path, "--preset", "ahabench"],
            answers: "aha-bench-answers.jsonl", run: ["--repeats", "2"], in: work)
        // Two repeats, as the official script averages two runs' files; their consistency is measured.
        #expect(suite.counts.samples == 198)
        #expect(suite.metrics[.repeatConsistency] != nil)
        expectEqual(suite.metrics[.accuracy], expected.acc["平均"], "accuracy")
        expectEqual(suite.metrics[.bias], expected.bias["平均"] ?? nil, "bias")
        expectEqual(suite.metrics[.clipAllRight], expected.consTrue["平均"], "consistency all right")
        expectEqual(suite.metrics[.clipAllWrong], expected.consWrong["平均"], "consistency all wrong")
        let types = try #require(suite.slices["task_type"])
        #expect(Set(types.keys) == Set(expected.acc.keys.filter { $0 != "平均" }))
        for (type, metrics) in types {
            expectEqual(metrics[.accuracy], expected.acc[type], "\(type) accuracy")
            expectEqual(metrics[.bias], expected.bias[type] ?? nil, "\(type) bias")
            expectEqual(metrics[.clipAllRight], expected.consTrue[type], "\(type) all right")
            expectEqual(metrics[.clipAllWrong], expected.consWrong[type], "\(type) all wrong")
        }
        // hark's own reader beside the official rule, and how often they differ.
        #expect(suite.slices["reader"]?["default"]?[.accuracy] != nil)
        #expect((suite.metrics[.readerDisagreement]?.value ?? 0) > 0)
    }

    @Test func ahaBenchASRGivesTheOfficialWERAccuracyAndConsistency() async throws {
        let expected = try #require(Self.expected).ahabenchASR
        let work = try TemporaryDirectory()
        defer { work.remove() }
        let suite = try await scored(
            ["hf", Self.fixtures.appendingPathComponent("aha-bench.parquet").path, "--preset", "ahabench-asr"],
            answers: "aha-bench-asr-answers.jsonl", run: ["--repeats", "2"], in: work)
        #expect(suite.counts.samples == 90)
        let asr = try #require(suite.slices["task_type"]?["asr"])
        expectEqual(asr[.accuracy], expected.acc["asr"], "accuracy")
        expectEqual(suite.metrics[.accuracy], expected.acc["asr"], "suite accuracy")
        expectEqual(asr[.clipAllRight], expected.consTrue["asr"], "all right")
        expectEqual(asr[.clipAllWrong], expected.consWrong["asr"], "all wrong")
    }

    @Test func ahaBenchImportLeavesOutASRAndTheSkippedIndexesSayingSo() async throws {
        let work = try TemporaryDirectory()
        defer { work.remove() }
        let imported = await CLI.run(
            [
                "import", "hf", Self.fixtures.appendingPathComponent("aha-bench.parquet").path, "--preset", "ahabench",
                "--out", "suite",
            ], in: work.url)
        #expect(imported.stdout.contains("suite: 99 items"), "\(imported.stdout)")
        #expect(imported.stderr.contains("left out 45 rows: ASR (types asr_en, asr_zh): the ahabench-asr preset's"))
        #expect(imported.stderr.contains("left out 2 rows: indexes 40_10_3 and 40_10_4"))
        let items = try String(contentsOf: work.url.appendingPathComponent("suite/items.jsonl"), encoding: .utf8)
        let ids = try items.split(separator: "\n").map {
            try JSONDecoder().decode(JSONValue.self, from: Data($0.utf8)).objectValue?["id"]?.stringValue ?? ""
        }
        #expect(ids.contains("40_10_1") && ids.contains("40_10_2") && !ids.contains("40_10_3"))
    }

    @Test func halluAudioBinaryGivesTheOfficialAccuracy() async throws {
        let expected = try #require(Self.expected).halluaudio
        let work = try TemporaryDirectory()
        defer { work.remove() }
        let suite = try await scored(
            ["hf", Self.fixtures.appendingPathComponent("halluaudio.parquet").path, "--preset", "halluaudio"],
            answers: "halluaudio-answers.jsonl", in: work)
        #expect(suite.counts.samples == expected.total)
        expectEqual(suite.metrics[.accuracy], expected.accuracy, "accuracy")
    }

    @Test func halluAudioOpenQuestionsGiveTheOfficialAccuracyCountingBiasAndRefusalRates() async throws {
        let expected = try #require(Self.expected).halluaudioOpen
        let work = try TemporaryDirectory()
        defer { work.remove() }
        let suite = try await scored(
            ["hf", Self.fixtures.appendingPathComponent("halluaudio.parquet").path, "--preset", "halluaudio-open"],
            answers: "halluaudio-open-answers.jsonl", in: work)
        #expect(suite.counts.samples == 168)
        expectEqual(suite.metrics[.accuracy], expected.accuracy["all"], "accuracy")
        let subsets = try #require(suite.slices["subset"])
        #expect(Set(subsets.keys) == Set(expected.accuracy.keys.filter { $0 != "all" }))
        for (subset, metrics) in subsets {
            expectEqual(metrics[.accuracy], expected.accuracy[subset], "\(subset) accuracy")
        }
        let tonic = subsets["tonic_count"]
        expectEqual(tonic?[.countingYesRatio], expected.tonicCount["yes_pred_ratio"], "counting yes ratio")
        expectEqual(tonic?[.unrelatedRatio], expected.tonicCount["unrelated_ratio"], "unrelated ratio")
        expectEqual(tonic?[.conditionalAccuracy], expected.tonicCount["conditional_acc"], "conditional accuracy")
        // refuse_to_answer.py over the invalid questions, and over the others.
        expectEqual(suite.metrics[.refusalRate], expected.refusalRate, "refusal rate")
        expectEqual(suite.metrics[.falseRefusalRate], expected.falseRefusalRate, "false refusal rate")
    }

    @Test func cmmGivesTheOfficialPerceptionAccuracyAndHallucinationResistance() async throws {
        let expected = try #require(Self.expected).cmm
        let work = try TemporaryDirectory()
        defer { work.remove() }
        for clip in 0..<90 {
            try Signals.writeSine(
                to: work.path("cmm-audio/raw_files/audio/\(clip).wav"), frequency: 200 + Double(clip), seconds: 0.05)
        }
        let suite = try await scored(
            [
                "cmm", Self.fixtures.appendingPathComponent("cmm.json").path, "--audio-root", "cmm-audio",
            ], answers: "cmm-answers.jsonl", in: work)
        #expect(suite.counts.samples == 180)
        expectEqual(suite.metrics[.accuracy], expected.accuracy, "accuracy")
        expectEqual(suite.metrics[.perceptionAccuracy], expected.perceptionAccuracy, "perception accuracy")
        expectEqual(suite.metrics[.hallucinationResistance], expected.hallucinationResistance, "resistance")
        for (name, figures) in expected.subCategory {
            let slice = suite.slices["sub_category"]?[name]
            expectEqual(slice?[.accuracy], figures["accuracy"], "\(name) accuracy")
            expectEqual(slice?[.perceptionAccuracy], figures["perception_accuracy"], "\(name) perception accuracy")
            expectEqual(
                slice?[.hallucinationResistance], figures["hallucination_resistance"], "\(name) resistance")
        }
    }
}
