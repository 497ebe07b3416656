import Foundation
import HarkCore
import HarkTestSupport
import Testing

@testable import HarkSuites

@Suite struct ChoiceImporterTests {
    /// Every MMAU quirk in one hand-made file: category as a string and as a list, 2, 4, 5 and 8
    /// choices, `./` paths, an answer with a stray space, numbers among the choices, pretty-printed.
    static let mmauFile = """
        [
          {
            "id": "m-1",
            "audio_id": "./test-mini-audios/one.wav",
            "question": "What is the dog doing?",
            "choices": ["barking", "sleeping"],
            "answer": "barking",
            "dataset": "clotho",
            "task": "sound",
            "split": "test-mini",
            "category": "Information Extraction",
            "sub-category": "Event-Based Sound Reasoning",
            "difficulty": "easy"
          },
          {
            "id": "m-2", "audio_id": "./test-mini-audios/two.wav", "question": "Which instrument leads?",
            "choices": ["piano", "violin", "electric guitar", "guitar"], "answer": "electric guitar ",
            "dataset": "musiccaps", "task": "music", "split": "test-mini", "category": ["Reasoning"],
            "sub-category": "Instrumentation", "difficulty": "hard"
          },
          {"id": "m-3", "audio_id": "test-mini-audios/one.wav", "question": "How many speakers?",
           "choices": [1, 2, 3, 4, 5], "answer": "2", "dataset": "voxceleb", "task": "speech", "split": "test-mini",
           "category": ["Reasoning", "Information Extraction"], "sub-category": "Speaker Counting", "difficulty": "medium"},
          {"id": "m-4", "audio_id": "./test-mini-audios/two.wav", "question": "Which note?",
           "choices": ["A", "B", "C", "D", "E", "F", "G", "A sharp"], "answer": "G", "dataset": "nsynth", "task": "music",
           "split": "test-mini", "category": "Information Extraction", "sub-category": "Pitch", "difficulty": "medium"}
        ]
        """

    @Test func mmauQuirksImportToASuiteWithTheOfficialBreakdownKeys() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write(Self.mmauFile, to: "mmau-test-mini.json")
        let items = try ChoiceImporters.mmau(JSONRecords(path: file.path)).items
        #expect(items.count == 4)
        let second = try #require(items[1].objectValue)
        #expect(second["audio"] == .string("test-mini-audios/two.wav"))
        #expect(second["answer"] == .string("electric guitar"))
        #expect(second["tags"]?.objectValue?["category"] == .string("Reasoning"))
        #expect(items[2].objectValue?["choices"] == .array(["1", "2", "3", "4", "5"].map(JSONValue.string)))
        #expect(items[2].objectValue?["tags"]?.objectValue?["category"] == .string("Reasoning, Information Extraction"))
        #expect(items[3].objectValue?["choices"]?.arrayValue?.count == 8)

        for clip in ["one", "two"] { try Signals.writeSine(to: directory.path("audio/test-mini-audios/\(clip).wav")) }
        try SuiteWriter.write(
            id: "mmau", task: .multipleChoice, description: "t", audioRoot: "../audio",
            prompt: ChoiceImporters.mmauPrompt,
            scoring: ChoiceImporters.mmauScoring, items: items, to: directory.path("suite"))
        let loaded = SuiteLoader.load(directory.path("suite").path)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        let suite = try #require(loaded.suite)
        #expect(suite.manifest.scoring.extractor == "mmau")
        for key in ["task", "difficulty", "sub-category", "category", "dataset", "split"] {
            #expect(suite.items.allSatisfy { $0.tags[key] != nil }, "tag \(key)")
        }
        #expect(Set(suite.items.compactMap { $0.tags["task"] }) == ["sound", "music", "speech"])
        let prompt = PromptRenderer(manifest: suite.manifest).prompts(for: suite.items[0])[0].text
        // The MMAU authors' wording, and no answer-format line for the official rule to penalise.
        #expect(prompt == "\nWhat is the dog doing?  Select one option from the provided choices.\nbarking\nsleeping.")
        #expect(suite.manifest.prompt.system == nil)
    }

    @Test func everyBadRecordIsNamedAtOnce() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let bad = Self.mmauFile.replacingOccurrences(of: #""answer": "G""#, with: #""answer": "H""#)
            .replacingOccurrences(of: #""answer": "barking""#, with: #""answer": "purring""#)
        let file = try directory.write(bad, to: "mmau.json")
        #expect {
            try ChoiceImporters.mmau(JSONRecords(path: file.path))
        } throws: { error in
            let places = (error as? HarkError)?.diagnostics.map {
                "\($0.location.line ?? 0) \($0.location.field ?? "")"
            }
            return places == ["2 answer", "24 answer"] && (error as? HarkError)?.message == "2 records are not valid"
        }
    }

    @Test func aBadRecordNamesItsLineInAPrettyPrintedFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let bad = Self.mmauFile.replacingOccurrences(of: #""answer": "G""#, with: #""answer": "H""#)
        let file = try directory.write(bad, to: "mmau.json")
        #expect {
            try ChoiceImporters.mmau(JSONRecords(path: file.path))
        } throws: { error in
            let location = (error as? HarkError)?.diagnostics.first?.location
            return location?.line == 24 && location?.field == "answer" && location?.file == file.path
        }
        #expect(JSONRecords.elementLines(Data(Self.mmauFile.utf8)) == [2, 15, 21, 24])
    }

    @Test func mmarLinesKeepEveryFieldAsATag() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write(
            #"{"id": "r1", "audio_path": "./audio/x.wav", "question": "Why?", "choices": ["rain", "wind"], "answer": "wind", "modality": "mix-sound-speech", "category": "Semantic Layer", "sub-category": "Emotion", "language": "en", "source": "yt", "url": "https://example.org/v?x=1", "timestamp": "00:01:32,00:02:02", "thinking": "Gusts in the background.", "cue": ["gusts", "rustle"], "rubric": [{"name": "cue", "choices": [0, 1]}]}"#
                + "\n\n"
                + #"{"id": "r2", "audio_path": "./audio/y.wav", "question": "Who?", "choices": ["a", "a"], "answer": "a"}"#
                + "\n",
            to: "MMAR-meta.jsonl")
        // A choice listed twice is kept, with a warning naming the line (the official rule tolerates it).
        let imported = try ChoiceImporters.mmar(JSONRecords(path: file.path))
        #expect(imported.warnings.map { "\($0.location.line ?? 0) \($0.location.field ?? "")" } == ["3 choices"])
        #expect(imported.items[1].objectValue?["choices"] == .array([.string("a"), .string("a")]))
        let items = imported.items
        let tags = items[0].objectValue?["tags"]?.objectValue ?? [:]
        #expect(Set(tags.keys) == ["modality", "category", "sub-category", "language", "source"])
        // Free text is kept with the item, never made a slice.
        let meta = items[0].objectValue?["meta"]?.objectValue ?? [:]
        #expect(Set(meta.keys) == ["url", "timestamp", "thinking", "cue", "rubric"])
        #expect(items[0].objectValue?["audio"] == .string("audio/x.wav"))
    }

    @Test func airBenchGetsTheOfficialPromptAndFindsFlacTwins() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try Signals.writeSine(to: directory.path("Foundation/Speaker_Gender_Recognition_VoxCeleb1/a.wav"))
        try Signals.writeSine(to: directory.path("Foundation/Music_AQA_MusicCaps/b.flac"), format: .flac)
        let file = try directory.write(
            """
            [{"path": "a.wav", "question": "What is the gender?", "choice_a": "male", "choice_b": "female",
              "answer_gt": "female", "task_name": "Speaker_Gender_Recognition", "dataset_name": "VoxCeleb1", "uniq_id": 7},
             {"path": "b.wav", "question": "Which genre?", "choice_a": "jazz", "choice_b": "rock", "choice_c": "pop",
              "choice_d": "folk", "answer_gt": "pop", "task_name": "Music_AQA", "dataset_name": "MusicCaps", "uniq_id": 8}]
            """, to: "Foundation_meta.json")
        let items = try ChoiceImporters.airBench(JSONRecords(path: file.path), audioRoot: directory.path("Foundation"))
            .items
        let first = try #require(items.first?.objectValue)
        #expect(first["id"] == .string("7"))
        #expect(first["choices"] == .array([.string("male"), .string("female")]))
        #expect(
            first["question"]
                == .string(
                    "Choose the most suitable answer from options A, B, C, and D to respond the question in next line, you may only choose A or B or C or D.\nWhat is the gender?\nA. male\nB. female\nC. None\nD. None"
                ))
        #expect(first["tags"]?.objectValue?["task_name"] == .string("Speaker_Gender_Recognition"))
        #expect(items[1].objectValue?["audio"] == .string("Music_AQA_MusicCaps/b.flac"))

        let gap = try directory.write(
            #"[{"path": "a.wav", "question": "Q?", "choice_a": "x", "choice_b": "y", "choice_d": "z", "answer_gt": "x", "task_name": "T", "dataset_name": "D"}]"#,
            to: "gap.json")
        #expect {
            try ChoiceImporters.airBench(JSONRecords(path: gap.path), audioRoot: directory.path("Foundation"))
        } throws: {
            ($0 as? HarkError)?.diagnostics.first?.location.field == "choice_c"
                && ($0 as? HarkError)?.diagnostics.first?.location.line == 1
        }

        try SuiteWriter.write(
            id: "air", task: .multipleChoice, description: "t", audioRoot: "../Foundation",
            prompt: SuiteManifest.Prompt(choices: .none),
            scoring: "{extractor: airbench}", items: items, to: directory.path("suite"))
        let loaded = SuiteLoader.load(directory.path("suite").path)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        #expect(
            loaded.suite.map { PromptRenderer(manifest: $0.manifest).prompts(for: $0.items[0])[0].text }
                == first["question"]?.stringValue)
    }

    @Test func sakuraRowsBecomeSingleAndMultiHopItems() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try Signals.writeSine(to: directory.path("SAKURA/Animal/audio/cat_1.wav"))
        let file = try directory.write(
            #"""
            file,attribute_label,single_instruction,single_answer,multi_instruction,multi_answer
            cat_1.wav,cat,"Identify the animal. (a) dog (b) cat (c) cow (d) owl",(b) cat,"What feature does it have? (a) Whiskers, soft fur (b) Feathers (c) Scales (d) Hooves",(a) Whiskers
            """#, to: "SAKURA/Animal/metadata.csv")
        let items = try SakuraImporter.items(rows: TabularRows(path: file.path), file: file.path).items
        #expect(items.count == 2)
        let single = try #require(items[0].objectValue)
        #expect(single["id"] == .string("animal-cat_1-single"))
        #expect(single["audio"] == .string("Animal/audio/cat_1.wav"))
        #expect(single["choices"] == .array(["dog", "cat", "cow", "owl"].map(JSONValue.string)))
        #expect(single["answer"] == .string("cat"))
        #expect(items[1].objectValue?["answer"] == .string("Whiskers, soft fur"))
        #expect(
            items[1].objectValue?["tags"]?.objectValue == [
                "track": .string("animal"), "hop": .string("multi"), "set": .string("animal multi"),
                "attribute_label": .string("cat"),
            ])

        try SuiteWriter.write(
            id: "sakura", task: .multipleChoice, description: "t", audioRoot: "../SAKURA",
            prompt: SakuraImporter.prompt,
            scoring: SakuraImporter.scoring, items: items, to: directory.path("suite"))
        let loaded = SuiteLoader.load(directory.path("suite").path)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        #expect(loaded.suite?.manifest.scoring.judge == "correctness")
        #expect(
            loaded.suite.map { PromptRenderer(manifest: $0.manifest).prompts(for: $0.items[0])[0].text }
                == single["question"]?.stringValue)
    }
}
