import Foundation
import HarkCore
import HarkTestSupport
import Testing

@testable import HarkSuites

@Suite struct InstructionImporterTests {
    @Test func ifevalRowsDropNullArgumentsAndValidate() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write(
            #"{"key": 1000, "prompt": "Write a haiku.", "instruction_id_list": ["punctuation:no_comma", "detectable_format:number_bullet_lists"], "kwargs": [{"num_bullets": null}, {"num_bullets": 3, "keywords": null}]}"#
                + "\n"
                + #"{"key": 1001, "prompt": "Say hi.", "instruction_id_list": ["startend:quotation"], "kwargs": [{}]}"#
                + "\n",
            to: "input_data.jsonl")
        let items = try InstructionImporters.ifeval(JSONRecords(path: file.path), clip: "tone.wav").items
        #expect(items[0].objectValue?["id"] == .string("1000"))
        #expect(items[0].objectValue?["audio"] == .string("tone.wav"))
        #expect(
            items[0].objectValue?["instructions"]
                == .array([
                    .object(["id": .string("punctuation:no_comma"), "kwargs": .object([:])]),
                    .object([
                        "id": .string("detectable_format:number_bullet_lists"),
                        "kwargs": .object(["num_bullets": .integer(3)]),
                    ]),
                ]))
        try Signals.writeSine(to: directory.path("audio/tone.wav"))
        try SuiteWriter.write(
            id: "ifeval", task: .instructionFollowing, description: "t", audioRoot: "../audio",
            scoring: "{profile: ifeval}", items: items,
            to: directory.path("suite"))
        let loaded = SuiteLoader.load(directory.path("suite").path)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")

        let bad = try directory.write(
            #"{"key": 1, "prompt": "p", "instruction_id_list": ["a", "b"], "kwargs": [{}]}"# + "\n", to: "bad.jsonl")
        #expect {
            try InstructionImporters.ifeval(JSONRecords(path: bad.path))
        } throws: {
            ($0 as? HarkError)?.diagnostics.first?.location.line == 1
                && ($0 as? HarkError)?.diagnostics.first?.location.field == "kwargs"
        }
    }

    @Test func speechIFEvalKeepsTextualAudioAndCategories() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let closed = try directory.write(
            #"{"id": "asr-1", "audio_filepath": "./clips/a.wav", "textual_audio": "(Transcript) hello world", "instruction": "Transcribe the audio.\nWrap your entire response in double quotation marks.", "dataset": "librispeech", "metric": "wer", "instruction_id_list": ["startend:quotation"], "kwargs": [{}], "label": "hello world"}"#
                + "\n", to: "closed_ended_questions.jsonl")
        let cot = try directory.write(
            #"{"audio_filepath": "clips/a.wav", "textual_audio": "(Transcript) hello world", "instruction": "Think step by step: who speaks?", "dataset": "mmau", "metric": "llm", "instruction_id_list": [], "kwargs": [], "label": "a man"}"#
                + "\n", to: "chain-of-thought.jsonl")
        let items =
            try InstructionImporters.speechIFEval(JSONRecords(path: closed.path), category: .closedEnded).items
            + InstructionImporters.speechIFEval(JSONRecords(path: cot.path), category: .chainOfThought).items
        // The published chain-of-thought file has no ids: each item is named by its category and line.
        #expect(items[1].objectValue?["id"] == .string("chain-of-thought-1"))
        #expect(items[0].objectValue?["textual_audio"] == .string("(Transcript) hello world"))
        #expect(items[0].objectValue?["audio"] == .string("clips/a.wav"))
        #expect(items[0].objectValue?["tags"]?.objectValue?["category"] == .string("closed-ended"))
        #expect(items[1].objectValue?["instructions"] == .array([]))
        try Signals.writeSine(to: directory.path("clips/a.wav"))
        try SuiteWriter.write(
            id: "sifeval", task: .instructionFollowing, description: "t", audioRoot: "..",
            scoring: "{profile: speech-ifeval, judge: reasoning}",
            items: items, to: directory.path("suite"))
        let loaded = SuiteLoader.load(directory.path("suite").path)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        #expect(loaded.suite?.items.first?.textualAudio == "(Transcript) hello world")
        #expect(loaded.suite?.manifest.scoring.profile == "speech-ifeval")
    }
}
