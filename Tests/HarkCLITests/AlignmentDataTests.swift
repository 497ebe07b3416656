import Foundation
import HarkApp
import HarkAudio
import HarkCore
import HarkModels
import HarkRun
import HarkSuites
import HarkTestSupport
import HarkTesting
import Testing

/// `hark synthesize` over HTTP with the mock server as the text model, and `hark overlap` on
/// planted copies.
@Suite struct AlignmentDataTests {
    static let recipe = """
        id: t
        seed: 3
        positive:
          prompts: ["Describe the sounds in the audio.", "Replay the audio."]
          per_clip: 2
          template: "The clip holds {labels}. Answer: {prompt}"
        negative:
          sampling: popular
          per_clip: 2
          template: "The clip holds {labels}, not {object}. Answer: {question}"
        multi_audio:
          differences: "What differs between the two clips?"
          template: "Clip 1: {first_labels}. Clip 2: {second_labels}. Answer: {prompt}"

        """

    static let clips = [
        ("a.wav", ["sine tone", "white noise"]), ("b.wav", ["siren"]), ("c.wav", ["chirp", "pink noise"]),
        ("d.wav", ["click train"]), ("e.wav", ["siren", "brown noise"]), ("f.wav", ["two-tone beep"]),
    ]

    func writePool(_ work: TemporaryDirectory) throws {
        try FileManager.default.createDirectory(at: work.path("audio"), withIntermediateDirectories: true)
        for (index, (clip, labels)) in Self.clips.enumerated() {
            let sources = labels.compactMap(SoundSource.init(rawValue:))
            try AudioFile.write(
                SceneSynthesis.mix(sources, seed: UInt64(index)), to: work.path("audio/\(clip)"), format: .wav16)
        }
        let manifest = ClipManifest(entries: Self.clips.map { ClipManifest.Entry(clip: $0.0, objects: $0.1) })
        try work.write(manifest.jsonLines, to: "audio/clips.jsonl")
        try work.write(Self.recipe, to: "recipe.yaml")
    }

    @Test func synthesisOverHTTPKeepsRightAnswersAndRejectsWrongOnesByReason() async throws {
        let work = try TemporaryDirectory()
        defer { work.remove() }
        try writePool(work)
        // The oracle answers from the requests the command writes: made here the same way first.
        let prepared = try Synthesis(
            recipe: try SynthesisRecipe.read(work.path("recipe.yaml").path), recipeFile: work.path("recipe.yaml"),
            clips: try ClipManifest(path: work.path("audio/clips.jsonl").path),
            clipsFile: work.path("audio/clips.jsonl"),
            audioRoot: work.path("audio"), vocabulary: ObjectVocabulary(),
            model: ModelConfig(name: "m", adapter: "openai"),
            output: work.path("out")
        ).prepare()
        let options = try MockServer.Options.with {
            $0.policy = .oracle(errorRate: 0.3, hallucinationRate: 0, seed: 1)
            $0.oracle = try MockOracle(suites: [prepared.requests])
            $0.keepRequests = 1
        }
        try await withMockServer(options) { server in
            try work.write(server.modelConfig(name: "writer"), to: "writer.yaml")
            let result = await CLI.run(
                [
                    "synthesize", "--clips", "audio/clips.jsonl", "--recipe", "recipe.yaml", "--model", "writer.yaml",
                    "--out", "out",
                ], in: work.url)
            #expect(result.status == 0, "\(result.stderr)")
            let tasks = prepared.tasks.tasks
            #expect(server.statistics.requests == tasks.count)
            // The text model is asked the filled template, text only.
            #expect(server.received.first?.parts.allSatisfy { $0.hasPrefix("text:") } == true)
        }
        let manifest = try JSONDecoder().decode(
            SynthesisManifest.self, from: Data(contentsOf: work.path("out/synthesis.json")))
        #expect(manifest.counts["positive"]?.requested == 12)
        // As many negatives as the clip has objects, up to per_clip: the probe generator's balance.
        #expect(manifest.counts["negative"]?.requested == 9)
        #expect(manifest.counts["differences"]?.requested == 6)
        #expect(manifest.kept + manifest.rejected == 27)
        #expect(manifest.rejected > 0 && manifest.kept > 0)
        #expect(
            manifest.templates["positive.template"] == ContentHash.sha256("The clip holds {labels}. Answer: {prompt}"))

        // Every rejection is the mock's flawed answer of its kind, with its reason; every kept answer is the right one.
        let rejected = try JSONRecords(path: work.path("out/rejected.jsonl").path).records
        let expectedReason = [
            "positive": "denies-present", "negative": "affirms-absent", "differences": "mentions-none",
        ]
        for record in rejected {
            let kind = try #require(record.fields["kind"]?.stringValue)
            #expect(record.fields["reason"]?.stringValue == expectedReason[kind], "\(record.fields)")
        }
        let samples = try JSONRecords(path: work.path("out/samples.jsonl").path).records
        #expect(samples.count == manifest.kept)
        let references = Dictionary(uniqueKeysWithValues: prepared.tasks.tasks.map { ($0.id, $0.reference) })
        for sample in samples {
            let id = try #require(sample.fields["id"]?.stringValue)
            #expect(sample.fields["answer"]?.stringValue == references[id])
        }
        #expect(samples.count + rejected.count == 27)

        // LLaMA-Factory's ShareGPT: a user turn then an assistant turn, one <audio> per clip, clips that exist
        // relative to the dataset_dir, and a dataset_info.json entry naming the columns.
        let shareGPT = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: work.path("out/sharegpt.json")))
        let conversations = try #require(shareGPT.arrayValue)
        #expect(conversations.count == manifest.kept)
        for conversation in conversations {
            let messages = try #require(conversation.objectValue?["messages"]?.arrayValue)
            let audioValues = try #require(conversation.objectValue?["audios"]?.arrayValue)
            let audios = audioValues.compactMap(\.stringValue)
            #expect(messages.compactMap { $0.objectValue?["role"]?.stringValue } == ["user", "assistant"])
            let user = try #require(messages.first?.objectValue?["content"]?.stringValue)
            #expect(user.components(separatedBy: "<audio>").count - 1 == audios.count)
            for audio in audios {
                #expect(FileManager.default.fileExists(atPath: work.path("out").appendingPathComponent(audio).path))
            }
        }
        let info = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: work.path("out/dataset_info.json")))
        let entry = try #require(info.objectValue?["hark_synthesis"]?.objectValue)
        #expect(entry["file_name"]?.stringValue == "sharegpt.json")
        #expect(entry["formatting"]?.stringValue == "sharegpt")
        #expect(entry["columns"]?.objectValue?["audios"]?.stringValue == "audios")
        #expect(entry["tags"]?.objectValue?["assistant_tag"]?.stringValue == "assistant")

        // A synthesis output is a training set `hark overlap` reads.
        let overlap = await CLI.run(["overlap", "out", "audio/clips.jsonl"], in: work.url)
        #expect(overlap.status == 1)
        #expect(overlap.stdout.contains("in the training set"))
    }

    @Test func negativesAreNeverSoundsOfTheirClip() throws {
        let recipe = try SynthesisRecipe.parse(Self.recipe, file: "recipe.yaml")
        for sampling in NegativeSampling.allCases {
            var changed = recipe
            changed.negative?.sampling = sampling
            changed.negative?.perClip = 3
            let manifest = ClipManifest(entries: Self.clips.map { ClipManifest.Entry(clip: $0.0, objects: $0.1) })
            let tasks = SynthesisTasks(recipe: changed, manifest: manifest).tasks.filter { $0.kind == .negative }
            #expect(!tasks.isEmpty)
            for task in tasks {
                let object = try #require(task.object)
                #expect(!task.present.contains(object), "\(sampling): \(object) is in \(task.clips)")
                #expect(task.prompt.contains(object) && task.request.contains(object))
            }
        }
    }

    @Test func recipeErrorsNameFileLineAndField() {
        let unknown = Self.recipe.replacingOccurrences(of: "Answer: {question}", with: "Answer: {questoin}")
        #expect(throws: HarkError.self) { try SynthesisRecipe.parse(unknown, file: "r.yaml") }
        do {
            _ = try SynthesisRecipe.parse(unknown, file: "r.yaml")
        } catch {
            #expect("\(error)".contains("r.yaml:10"), "\(error)")
            #expect("\(error)".contains("negative.template") && "\(error)".contains("{questoin}"), "\(error)")
        }
        do {
            _ = try SynthesisRecipe.parse("id: x\npositiv:\n  prompts: [a]\n", file: "r.yaml")
            Issue.record("an unknown key was accepted")
        } catch {
            #expect("\(error)".contains("r.yaml:2") && "\(error)".contains("positiv"), "\(error)")
        }
    }

    @Test func overlapFindsPlantedCopiesByTheStrictestMethodAndNothingElse() async throws {
        let work = try TemporaryDirectory()
        defer { work.remove() }
        var originals: [URL] = []
        for index in 0..<6 {
            let url = work.path("train/clip\(index).wav")
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try AudioFile.write(OverlapCorpus.clip(index), to: url, format: .wav16)
            originals.append(url)
        }
        try FileManager.default.createDirectory(at: work.path("eval"), withIntermediateDirectories: true)
        let transforms: [OverlapCorpus.Transform] = [
            .exact, .flac, .lossyChain, .resampled(22_050), .trimmed(start: 0.07, end: 0.03), .gain(-9),
        ]
        var expected: [String: (String, OverlapMethod)] = [:]
        for (index, transform) in transforms.enumerated() {
            let copy = try OverlapCorpus.write(
                transform, of: originals[index], to: work.path("eval/copy\(index)"))
            let method: OverlapMethod =
                switch transform {
                case .exact: .file
                case .flac: .pcm
                default: .nearDuplicate
                }
            expected[copy.lastPathComponent] = (originals[index].lastPathComponent, method)
        }
        try FileManager.default.createDirectory(at: work.path("clean"), withIntermediateDirectories: true)
        for index in 0..<4 {
            let clip = OverlapCorpus.clip(100 + index)
            try AudioFile.write(clip, to: work.path("eval/other\(index).wav"), format: .wav16)
            try AudioFile.write(clip, to: work.path("clean/other\(index).wav"), format: .wav16)
        }
        let result = await CLI.run(["overlap", "train", "eval", "--json", "overlap.json"], in: work.url)
        #expect(result.status == 1, "\(result.stderr)")
        let report = try JSONDecoder().decode(
            ClipOverlap.Report.self, from: Data(contentsOf: work.path("overlap.json")))
        #expect(report.trainingClips == 6)
        #expect(report.findings.count == transforms.count, "\(report.findings)")
        for finding in report.findings {
            let name = URL(fileURLWithPath: finding.clip).lastPathComponent
            let truth = try #require(expected[name], "\(name) is not a copy")
            #expect(URL(fileURLWithPath: finding.trainingClip).lastPathComponent == truth.0)
            #expect(finding.method == truth.1, "\(name)")
        }
        let clean = await CLI.run(["overlap", "train", "clean"], in: work.url)
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        #expect(clean.stdout.contains("clean: 0 of 4 clips in the training set (6 clips)"), "\(clean.stdout)")
    }

    @Test func runWarnsOfSuiteClipsInTheModelsTrainingDataAndRecordsTheCheck() async throws {
        let suite = try SuiteFixture.probes(clips: 3)
        defer { suite.remove() }
        let work = try TemporaryDirectory()
        defer { work.remove() }
        try FileManager.default.createDirectory(at: work.path("train"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: suite.directory.path("audio/clip1.wav"), to: work.path("train/copied.wav"))
        _ = try OverlapCorpus.write(.flac, of: suite.directory.path("audio/clip2.wav"), to: work.path("train/encoded"))
        try AudioFile.write(OverlapCorpus.clip(7), to: work.path("train/other.wav"), format: .wav16)

        func run(_ trainingData: String, as name: String) async throws -> (HarkCLI.Output, RunManifest.TrainingOverlap?)
        {
            try work.write("name: o\nadapter: oracle\ntraining_data: \(trainingData)\n", to: "models/\(name).yaml")
            let result = await CLI.run(
                ["run", "--suite", suite.path, "--model", "models/\(name).yaml", "--run", name, "--no-cache"],
                in: work.url)
            let manifest = try JSONDecoder().decode(
                RunManifest.self, from: Data(contentsOf: work.path("results/\(name)/manifest.json")))
            return (result, manifest.trainingOverlap)
        }
        // Relative to the model config's folder.
        let (byFile, filesChecked) = try await run("../train", as: "files")
        #expect(byFile.status == 0, "\(byFile.stderr)")
        #expect(byFile.stderr.contains("training data: 1 clip(s) of suite probes"), "\(byFile.stderr)")
        let record = try #require(filesChecked)
        #expect(record.methods == [.file] && record.trainingClips == 3 && record.clipsChecked == 3)
        #expect(record.shared.map { URL(fileURLWithPath: $0.clip).lastPathComponent } == ["clip1.wav"])
        #expect(record.shared.map { URL(fileURLWithPath: $0.trainingClip).lastPathComponent } == ["copied.wav"])

        let (byPCM, pcmChecked) = try await run("{sets: [../train], methods: [file, pcm]}", as: "pcm")
        #expect(byPCM.stderr.contains("training data: 2 clip(s) of suite probes"), "\(byPCM.stderr)")
        #expect(pcmChecked?.shared.map(\.method).sorted { $0.rawValue < $1.rawValue } == [.file, .pcm])

        try work.write("name: o\nadapter: oracle\ntraining_data:\n  sets: [train]\n  method: [pcm]\n", to: "typo.yaml")
        let typo = await CLI.run(["run", "--suite", suite.path, "--model", "typo.yaml"], in: work.url)
        #expect(typo.status != 0)
        #expect(typo.stderr.contains("typo.yaml:5") && typo.stderr.contains("training_data.method"), "\(typo.stderr)")
    }
}
