import Foundation
import HarkCore
import HarkSuites
import HarkTestSupport
import Testing

@Suite struct ProbeGeneratorTests {
    /// Frequencies: speech 5, dog barking 4, car 3, rain 2, siren 1, bird 1, music 1.
    /// dog barking co-occurs with speech 3 times, with car 2 times.
    static let manifest = ClipManifest(entries: [
        .init(clip: "a.wav", objects: ["dog barking", "speech", "car"]),
        .init(clip: "b.wav", objects: ["dog barking", "speech", "car"]),
        .init(clip: "c.wav", objects: ["dog barking", "speech", "rain"]),
        .init(clip: "d.wav", objects: ["speech", "rain", "siren"]),
        .init(clip: "e.wav", objects: ["speech", "bird", "music"]),
        .init(clip: "f.wav", objects: ["dog barking", "car", "bird"]),
        .init(clip: "g.wav", objects: ["music", "siren"]),
    ])

    func negatives(_ output: ProbeGenerator.Output, _ clip: String) -> [String] {
        output.probes.filter { $0.clip == clip && $0.label == .no }.map(\.object)
    }

    @Test func popularNegativesAreTheMostFrequentAbsentObjects() {
        let output = ProbeGenerator(k: 3).generate(Self.manifest, sampling: .popular)
        // e.wav lacks dog barking (4), car (3), rain (2): the three most frequent it does not hold.
        #expect(negatives(output, "e.wav") == ["dog barking", "car", "rain"])
        // d.wav lacks dog barking (4), car (3), then bird and music (1 each): a seeded draw breaks
        // the tie, so over seeds each of them is asked, never one by its name alone.
        #expect(Array(negatives(output, "d.wav").prefix(2)) == ["dog barking", "car"])
        let thirds = Set(
            (0..<16).compactMap { seed in
                negatives(ProbeGenerator(k: 3, seed: UInt64(seed)).generate(Self.manifest, sampling: .popular), "d.wav")
                    .last
            })
        #expect(thirds == ["bird", "music"])
    }

    @Test func adversarialNegativesAreTheTopCoOccurringAbsentObjects() {
        let output = ProbeGenerator(k: 3).generate(Self.manifest, sampling: .adversarial)
        // d.wav holds speech, rain, siren. Co-occurrence with them: dog barking 3+1+0 = 4, car 2, bird 1,
        // music 1+1 = 2. Ties: car and music both 2, car is more frequent.
        #expect(negatives(output, "d.wav") == ["dog barking", "car", "music"])
    }

    @Test func sameSeedSameSuiteOtherSeedOtherSuite() {
        let first = ProbeGenerator(k: 3, seed: 5).generate(Self.manifest, sampling: .random).probes
        #expect(first == ProbeGenerator(k: 3, seed: 5).generate(Self.manifest, sampling: .random).probes)
        #expect(first != ProbeGenerator(k: 3, seed: 6).generate(Self.manifest, sampling: .random).probes)
    }

    @Test func balancedYesAndNoPerClip() {
        let output = ProbeGenerator(k: 3).generate(Self.manifest, sampling: .random)
        for clip in Set(output.probes.map(\.clip)) {
            let yes = output.probes.count { $0.clip == clip && $0.label == .yes }
            #expect(yes == output.probes.count { $0.clip == clip && $0.label == .no })
            #expect(yes == (clip == "g.wav" ? 2 : 3))
        }
    }

    @Test func clipsWithFewerObjectsThanKGetWhatTheyCanAndAreCounted() {
        let output = ProbeGenerator(k: 3).generate(Self.manifest, sampling: .random)
        #expect(output.skipped.isEmpty)
        #expect(output.reduced == 1)
        #expect(output.probes.filter { $0.clip == "g.wav" }.count == 4)
    }

    @Test func tooSmallAVocabularyReducesAndAnEmptySuiteIsAnError() throws {
        let tiny = ClipManifest(entries: [
            .init(clip: "a.wav", objects: ["x", "y"]), .init(clip: "b.wav", objects: ["x", "z"]),
        ])
        let output = ProbeGenerator(k: 2).generate(tiny, sampling: .random)
        #expect(output.reduced == 2)
        #expect(negatives(output, "a.wav") == ["z"])
        let lone = ProbeGenerator(k: 2).generate(
            ClipManifest(entries: [.init(clip: "a.wav", objects: ["x"])]), sampling: .random)
        #expect(lone.skipped.map(\.reason) == ["no object in the vocabulary is absent from it"])
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        #expect(throws: HarkError.self) {
            try ProbeGenerator.writeSuite(
                lone, id: "x", sampling: .random, templates: ["{object}?"], prefix: nil, audioRoot: ".",
                to: directory.path("s"))
        }
    }

    /// SAKURA's Animal track: one label per clip. No co-occurrence exists: adversarial says so, or
    /// takes siblings from an ontology; popular spreads its negatives instead of one label for all.
    @Test func singleLabelDataGetsProbesAndAdversarialSaysWhereItsCooccurrenceCameFrom() throws {
        let labels = ["dog", "cat", "cow", "hen", "sheep"]
        let manifest = ClipManifest(
            entries: (0..<100).map { ClipManifest.Entry(clip: "c\($0).wav", objects: [labels[$0 % labels.count]]) })
        let popular = ProbeGenerator(k: 3).generate(manifest, sampling: .popular)
        #expect(popular.probes.count == 200)
        #expect(popular.reduced == 100)
        // Five labels tie on popularity: no one of them is the negative of most clips.
        #expect((popular.negativeCounts.first?.count ?? 100) < 40)
        let adversarial = ProbeGenerator(k: 3).generate(manifest, sampling: .adversarial)
        #expect(adversarial.cooccurrence == ProbeGenerator.CooccurrenceSource.none)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let ontology = try directory.write("pet: [dog, cat]\nfarm: [cow, hen, sheep]\n", to: "ontology.yaml")
        let siblings = ProbeGenerator(
            k: 3, vocabulary: try ObjectVocabulary(vocabularyPath: nil, ontologyPath: ontology.path)
        )
        .generate(manifest, sampling: .adversarial)
        #expect(siblings.cooccurrence == .ontologySiblings)
        #expect(negatives(siblings, "c0.wav") == ["cat"])  // dog's sibling
        #expect(Set(negatives(siblings, "c2.wav")).isSubset(of: ["hen", "sheep"]))  // cow's siblings
    }

    /// The alias case from real clips: `hen` listed as an object and as a synonym of `chicken`; a clip
    /// labelled `hen` was asked "hen?" with the answer no.
    @Test func anAliasListedAsAnObjectIsNeverTheNegativeOfItsOwnClip() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let vocabulary = try directory.write(
            "objects: [hen, chicken, duck, goose]\nsynonyms:\n  chicken: [hen]\n", to: "vocabulary.yaml")
        let generator = ProbeGenerator(
            k: 3, vocabulary: try ObjectVocabulary(vocabularyPath: vocabulary.path, ontologyPath: nil))
        let manifest = ClipManifest(entries: [
            .init(clip: "hen32.wav", objects: ["hen"]), .init(clip: "duck1.wav", objects: ["duck"]),
        ])
        for sampling in NegativeSampling.allCases {
            let asked = Set(negatives(generator.generate(manifest, sampling: sampling), "hen32.wav"))
            #expect(asked.isDisjoint(with: ["hen", "chicken"]), "\(sampling): \(asked)")
        }
    }

    /// A property over random vocabularies, synonym tables and ontologies: no negative is ever among
    /// a clip's labels, nor a synonym of one, nor a parent or child of one.
    @Test func noNegativeIsEverPresentUnderAnyVocabulary() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var random = SplitMix64(seed: 2026)
        let names = (0..<14).map { "n\($0)" }
        for round in 0..<40 {
            var synonyms: [String: [String]] = [:]
            var ontology: [String: [String]] = [:]
            for name in names.shuffled(using: &random).prefix(4) {
                synonyms[name, default: []].append("alias of \(name)")
            }
            for _ in 0..<5 {
                let parent = names.randomElement(using: &random)!
                let child = names.randomElement(using: &random)!
                if parent != child { ontology[parent, default: []].append(child) }
            }
            let synonymYAML = synonyms.map { "  \($0.key): [\($0.value.joined(separator: ", "))]" }.joined(
                separator: "\n")
            let extra = names.shuffled(using: &random).prefix(3) + synonyms.values.flatMap { $0 }.prefix(2)
            let vocabularyFile = try directory.write(
                "objects: [\(extra.joined(separator: ", "))]\nsynonyms:\n\(synonymYAML)\n", to: "v\(round).yaml")
            let ontologyFile = try directory.write(
                ontology.map { "\($0.key): [\($0.value.joined(separator: ", "))]" }.joined(separator: "\n") + "\n",
                to: "o\(round).yaml")
            let vocabulary = try ObjectVocabulary(vocabularyPath: vocabularyFile.path, ontologyPath: ontologyFile.path)
            let entries = (0..<12).map { index in
                let count = Int(random.next() % 3) + 1
                let labels = (0..<count).map { _ in
                    let name = names.randomElement(using: &random)!
                    return random.next() % 2 == 0 ? (synonyms[name]?.first ?? name) : name
                }
                return ClipManifest.Entry(clip: "c\(index).wav", objects: labels)
            }
            for sampling in NegativeSampling.allCases {
                let output = ProbeGenerator(k: 3, seed: UInt64(round), vocabulary: vocabulary).generate(
                    ClipManifest(entries: entries), sampling: sampling)
                for entry in entries {
                    let present = Set(entry.objects.map(vocabulary.name))
                    for negative in negatives(output, entry.clip) {
                        #expect(!present.contains(negative), "round \(round): \(negative) is a label of \(entry.clip)")
                        #expect(
                            vocabulary.ancestors(negative).isDisjoint(with: present),
                            "round \(round): \(negative) is a child of a label")
                        #expect(
                            !present.contains { vocabulary.ancestors($0).contains(negative) },
                            "round \(round): \(negative) is a parent of a label")
                    }
                }
            }
        }
    }

    @Test func noClipIsAskedAboutItsOwnObjectsTheirParentsOrSynonyms() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let vocabulary = try directory.write(
            "synonyms:\n  dog barking: [barking dog, dog bark]\nobjects: [cat, horse, cow]\n", to: "vocabulary.yaml")
        let ontology = try directory.write(
            "dog: [dog barking, dog growling]\nanimal: [dog, cat]\n", to: "ontology.yaml")
        let manifest = ClipManifest(entries: [
            .init(clip: "a.wav", objects: ["barking dog", "rain", "wind"]),
            .init(clip: "b.wav", objects: ["dog", "cat", "horse"]),
            .init(clip: "c.wav", objects: ["dog growling", "wind", "cow"]),
        ])
        let generator = ProbeGenerator(
            k: 3, seed: 1,
            vocabulary: try ObjectVocabulary(vocabularyPath: vocabulary.path, ontologyPath: ontology.path))
        for sampling in NegativeSampling.allCases {
            for seed: UInt64 in 0..<20 {
                var seeded = generator
                seeded.seed = seed
                let output = seeded.generate(manifest, sampling: sampling)
                let aNegatives = Set(negatives(output, "a.wav"))
                #expect(aNegatives.isDisjoint(with: ["dog barking", "barking dog", "dog", "animal", "rain", "wind"]))
                let bNegatives = Set(negatives(output, "b.wav"))
                #expect(bNegatives.isDisjoint(with: ["dog", "cat", "horse", "animal", "dog barking", "dog growling"]))
            }
        }
        // The synonym is asked under its canonical name.
        #expect(
            generator.generate(manifest, sampling: .random).probes.contains {
                $0.clip == "a.wav" && $0.object == "dog barking" && $0.label == .yes
            })
    }

    @Test func writtenSuiteValidates() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        for clip in Self.manifest.entries { try Signals.writeSine(to: directory.path("clips/\(clip.clip)")) }
        let output = ProbeGenerator(k: 3).generate(Self.manifest, sampling: .adversarial)
        try ProbeGenerator.writeSuite(
            output, id: "gen-adversarial", sampling: .adversarial, templates: ProbeGenerator.kuan2024Templates,
            prefix: "Focus on the given audio and answer the following question.", audioRoot: "../clips",
            to: directory.path("suite"))
        let loaded = SuiteLoader.load(directory.path("suite").path)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        #expect(loaded.suite?.items.count == 40)
        #expect(loaded.suite?.manifest.prompt.templates.count == 5)
    }
}

@Suite struct ImporterTests {
    @Test func kuan2024RowsFromCSVWithQuotedFields() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write(
            #"""
            entry_id,audio_index,prompt_text,object,attribute,label,sampling
            0,Y7fmOlUlwoNg,Is there a sound of dog barking in the audio?,dog barking,positive,Yes,Random
            1,Y7fmOlUlwoNg,"Can you hear the sound of ""rain""?","""rain""",negative,No,Random
            2,Yabc,"Does the audio contain the sound of car, engine?","car, engine",negative,No,Adversarial
            3,Yabc,What is it?,car,negative,No,Popular

            """#, to: "rows.csv")
        let items = try HallucinationImporters.kuan2024(rows: TabularRows(path: file.path), file: file.path).items
        #expect(items.count == 4)
        let first = items[0].objectValue ?? [:]
        #expect(first["audio"] == .string("Y7fmOlUlwoNg.wav"))
        #expect(first["label"] == .string("yes"))
        #expect(first["tags"]?.objectValue?["template"] == .string("1"))
        #expect(first["tags"]?.objectValue?["sampling"] == .string("random"))
        #expect(items[1].objectValue?["tags"]?.objectValue?["template"] == .string("4"))
        #expect(items[2].objectValue?["object"] == .string("car, engine"))
        #expect(items[2].objectValue?["tags"]?.objectValue?["template"] == .string("2"))
        #expect(items[3].objectValue?["tags"]?.objectValue?["template"] == .string("other"))

        for clip in ["Y7fmOlUlwoNg", "Yabc"] { try Signals.writeSine(to: directory.path("audio/\(clip).wav")) }
        try SuiteWriter.write(
            id: "k", task: .yesNo, description: "t", audioRoot: "../audio", items: items, to: directory.path("suite"))
        #expect(SuiteLoader.load(directory.path("suite").path).diagnostics.isEmpty)
    }

    @Test func kuan2024BadLabelNamesItsLine() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write(
            #"{"entry_id": 0, "audio_index": "a", "prompt_text": "Is there?", "object": "x", "label": "Maybe", "sampling": "Random"}"#
                + "\n",
            to: "rows.jsonl")
        #expect {
            try HallucinationImporters.kuan2024(rows: TabularRows(path: file.path), file: file.path)
        } throws: {
            ($0 as? HarkError)?.diagnostics.first?.location.line == 1
                && ($0 as? HarkError)?.diagnostics.first?.location.field == "label"
        }
    }

    @Test func aBadRowOfAPrettyPrintedJSONArrayNamesItsLine() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write(
            """
            [
              {"entry_id": 0, "audio_index": "a", "prompt_text": "Is there?", "object": "x", "label": "Yes"},
              {
                "entry_id": 1, "audio_index": "b", "prompt_text": "Is there?", "object": "x",
                "label": "Perhaps"
              }
            ]
            """, to: "rows.json")
        #expect {
            try HallucinationImporters.kuan2024(rows: TabularRows(path: file.path), file: file.path)
        } throws: {
            ($0 as? HarkError)?.diagnostics.first?.location.line == 3
                && ($0 as? HarkError)?.diagnostics.first?.location.field == "label"
        }
        let clips = try directory.write(#"{"clip": "a.wav", "objects": ["dog", 3]}"# + "\n", to: "clips.jsonl")
        #expect {
            try ClipManifest(path: clips.path)
        } throws: { ($0 as? HarkError)?.location?.line == 1 && ($0 as? HarkError)?.location?.field == "objects" }
    }

    @Test func icasspRowsKeepTheirPairs() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write(
            """
            [{"entry_id": "0", "audio": "a_with.wav", "query": "Is there a dog?", "object": "dog", "attribute": "", "ground_truth": "yes"},
             {"entry_id": "1", "audio": "a_without.wav", "query": "Is there a dog?", "object": "dog", "attribute": "", "ground_truth": "no"},
             {"entry_id": "2", "audio": "b_with.wav", "query": "Is there a cat?", "object": "cat", "attribute": "", "ground_truth": "Yes"},
             {"entry_id": "3", "audio": "b_without.wav", "query": "Is there a cat?", "object": "cat", "attribute": "", "ground_truth": "No"}]
            """, to: "rows.json")
        let items = try HallucinationImporters.icassp2025(rows: TabularRows(path: file.path), file: file.path).items
        #expect(
            items.map { $0.objectValue?["tags"]?.objectValue?["pair"] } == [
                .string("p0"), .string("p0"), .string("p1"), .string("p1"),
            ])
        #expect(
            items.map { $0.objectValue?["label"] } == [.string("yes"), .string("no"), .string("yes"), .string("no")])
    }

    @Test func labelledFolderBecomesAClipManifest() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try Signals.writeSine(to: directory.path("clips/dog_bark/one.wav"))
        try Signals.writeSine(to: directory.path("clips/rain/two.flac"), format: .flac)
        try Signals.writeSine(to: directory.path("clips/car-horn-03.wav"))
        try directory.write("not audio", to: "clips/readme.txt")
        let byFolder = try FolderImporter.manifest(folder: directory.path("clips"), labels: .folder)
        #expect(byFolder.entries.map(\.clip) == ["car-horn-03.wav", "dog_bark/one.wav", "rain/two.flac"])
        #expect(byFolder.entries.map(\.objects) == [[], ["dog bark"], ["rain"]])
        let byStem = try FolderImporter.manifest(folder: directory.path("clips"), labels: .stem)
        #expect(byStem.entries.first?.objects == ["car horn"])
        let sidecar = try directory.write("clip,objects\ndog_bark/one.wav,dog barking;speech\n", to: "labels.csv")
        let bySidecar = try FolderImporter.manifest(
            folder: directory.path("clips"), labels: .folder, sidecar: sidecar.path)
        #expect(bySidecar.entries[1].objects == ["dog barking", "speech"])
        #expect(try ClipManifest(path: sidecar.path).entries.count == 1)
    }
}

@Suite struct PairProbeGeneratorTests {
    static let manifest = ClipManifest(entries: [
        .init(clip: "a.wav", objects: ["dog barking", "rain"]),
        .init(clip: "b.wav", objects: ["rain"]),
        .init(clip: "c.wav", objects: ["car horn", "speech"]),
        .init(clip: "d.wav", objects: ["dog barking", "rain"]),
        .init(clip: "e.wav", objects: []),
    ])

    @Test func everyProbeFollowsFromTheLabels() throws {
        let output = PairProbeGenerator(seed: 5).generate(Self.manifest)
        let labels = Dictionary(uniqueKeysWithValues: Self.manifest.entries.map { ($0.clip, Set($0.objects)) })
        let yesNo = output.yesNo.compactMap(\.objectValue)
        #expect(yesNo.filter { $0["tags"]?.objectValue?["probe"] == .string("second-new") }.count == 4)
        for item in yesNo {
            let clips = (item["audio"]?.arrayValue ?? []).compactMap { $0.stringValue }
            #expect(clips.count == 2 && clips[0] != clips[1] && !clips.contains("e.wav"))
            let first = labels[clips[0]] ?? []
            let second = labels[clips[1]] ?? []
            let label = item["label"]?.stringValue
            if item["tags"]?.objectValue?["probe"] == .string("both") {
                let object = try #require(item["object"]?.stringValue)
                #expect(label == (first.contains(object) && second.contains(object) ? "yes" : "no"))
                #expect(first.contains(object) || second.contains(object))
            } else {
                #expect(label == (second.isSubset(of: first) ? "no" : "yes"))
            }
        }
        for item in output.choice.compactMap(\.objectValue) {
            let clips = (item["audio"]?.arrayValue ?? []).compactMap { $0.stringValue }
            let question = try #require(item["question"]?.stringValue)
            let object = try #require(labels.values.flatMap { $0 }.first { question.contains("sound of \($0):") })
            let inFirst = labels[clips[0]]?.contains(object) == true
            let inSecond = labels[clips[1]]?.contains(object) == true
            #expect(inFirst != inSecond)
            #expect(item["answer"]?.stringValue == (inFirst ? "first" : "second"))
        }
        // Same seed, same probes; another seed pairs the clips differently.
        #expect(PairProbeGenerator(seed: 5).generate(Self.manifest).yesNo == output.yesNo)
        #expect(PairProbeGenerator(seed: 6).generate(Self.manifest).yesNo != output.yesNo)
    }

    @Test func writtenSuitesValidateAndMixWithSingleClipItems() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        for clip in ["a", "b", "c", "d"] { try Signals.writeSine(to: directory.path("clips/\(clip).wav")) }
        var output = PairProbeGenerator(seed: 1).generate(Self.manifest)
        output.yesNo.append(
            .object([
                "id": .string("single"), "audio": .string("a.wav"), "question": .string("Is it raining?"),
                "label": .string("yes"),
            ]))
        let suites = try PairProbeGenerator.writeSuites(
            output, id: "m", audioRoot: directory.path("clips").path, to: directory.path("out"))
        for suite in suites {
            let loaded = SuiteLoader.load(suite.path)
            #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        }
        let pairs = try #require(SuiteLoader.load(suites[0].path).suite)
        #expect(Set(pairs.items.map(\.audio.count)) == [1, 2])
        let which = try #require(SuiteLoader.load(suites[1].path).suite)
        #expect(which.manifest.task == .multipleChoice)
        #expect(
            PromptRenderer(manifest: which.manifest).prompts(for: which.items[0]).first?.text.hasSuffix(
                "the first or the second?") == true)
    }
}

@Suite struct ClipManifestTests {
    @Test func theLabelColumnIsFoundByNameOrTheErrorNamesTheHeader() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let labels = try directory.write("clip,labels\na.wav,dog;rain\nb.wav,cat\n", to: "labels.csv")
        #expect(try ClipManifest(path: labels.path).entries.map(\.objects) == [["dog", "rain"], ["cat"]])
        let single = try directory.write(#"{"clip": "a.wav", "label": "dog"}"# + "\n", to: "single.jsonl")
        #expect(try ClipManifest(path: single.path).entries.map(\.objects) == [["dog"]])
        let none = try directory.write("clip,tags\na.wav,dog\n", to: "none.csv")
        #expect {
            try ClipManifest(path: none.path)
        } throws: { error in
            (error as? HarkError)?.message
                == "no label column: expected one of objects, labels, label, found clip, tags"
        }
    }
}
