import HarkCore
import HarkScoring
import HarkScoringData
import Testing

@Suite struct CaptionReaderTests {
    func reader(
        labels: Set<String>, source: SoundVocabulary.Source = .audioset, compounds: Bool = false,
        synonyms: [String: String] = [:]
    ) -> CaptionReader {
        CaptionReader(
            vocabulary: SoundVocabulary(source: source, labels: labels, synonyms: synonyms), compounds: compounds)
    }

    /// The generated vocabulary: the AudioSet classes that name sources, each line whole, every
    /// parent one of them.
    @Test func theVocabularyHoldsTheOntologysSourceClasses() throws {
        let lines = SoundVocabularyData.classes.split(separator: "\n").map {
            $0.split(separator: "\t", omittingEmptySubsequences: false)
        }
        #expect(lines.count > 400 && lines.count <= 527)
        #expect(lines.allSatisfy { $0.count == 5 })
        #expect(lines.filter { $0[3].isEmpty }.count < 10)
        let ids = Set(lines.map { String($0[0]) })
        #expect(ids.count == lines.count)
        #expect(lines.allSatisfy { line in line[2].split(separator: ",").allSatisfy { ids.contains(String($0)) } })
        let names = Set(lines.map { String($0[1]) })
        #expect(names.isSuperset(of: ["dog", "piano", "siren", "speech", "rain", "vehicle horn"]))
        #expect(names.isDisjoint(with: ["bang", "echo", "noise", "silence", "inside"]))
    }

    /// A hallucinated object outside the suite's labels is caught, and named by its class.
    @Test func objectsOutsideTheLabelsAreFound() {
        let reading = reader(labels: ["car", "speech"]).read("Cars pass while a piano plays.", labels: ["car"])
        #expect(reading.objects == ["car", "piano"])
        let labelsOnly = reader(labels: ["car", "speech"], source: .labels)
        #expect(labelsOnly.read("Cars pass while a piano plays.", labels: ["car"]).objects == ["car"])
    }

    /// What each mention is, and what is set aside, with the words and where they start.
    @Test func mentionsAreAuditable() {
        let reading = reader(labels: ["horn"]).read("Not a siren but a dog-like horn.", labels: ["horn"])
        #expect(reading.objects == ["horn"])
        #expect(
            reading.mentions == [
                CaptionMention(object: nil, text: "siren", at: 6, ignored: "negated"),
                CaptionMention(object: nil, text: "dog", at: 18, ignored: "compound"),
                CaptionMention(object: "horn", text: "horn", at: 27),
            ])
        let compounds = reader(labels: ["horn"], compounds: true)
        #expect(compounds.read("A dog-like horn.", labels: ["horn"]).objects == ["dog", "horn"])
    }

    /// "barking" is part of "dog"; a sound alone is named by the label it belongs to; a suite's
    /// synonym comes before the ontology.
    @Test func soundsArePartOfWhatMakesThem() {
        let dogs = reader(labels: ["dog"])
        #expect(dogs.read("A dog barks and barks.", labels: ["dog"]).objects == ["dog"])
        #expect(dogs.read("Barking nearby.", labels: ["dog"]).objects == ["dog"])
        #expect(dogs.read("A cat meows.", labels: ["dog"]).objects == ["cat"])
        let synonyms = reader(labels: ["engine"], synonyms: ["purring": "engine"])
        #expect(synonyms.read("A purring sound.", labels: ["engine"]).objects == ["engine"])
    }

    /// A broader word neither hides a hallucinated kind nor covers a label: "music with a guitar"
    /// against a labelled piano is a hallucinated guitar (music, broader than the piano, is set
    /// aside); against a labelled drum, both; "animals" against a labelled dog is set aside.
    @Test func broaderWordsNeitherHideNorCover() {
        let piano = reader(labels: ["piano"]).read("Music with a guitar.", labels: ["piano"])
        #expect(piano.objects == ["guitar"])
        let speech = reader(labels: ["speech"]).read("Music with a guitar.", labels: ["speech"])
        #expect(speech.objects == ["guitar", "music"])
        let dogs = reader(labels: ["dog"]).read("Animals are heard.", labels: ["dog"])
        #expect(dogs.objects.isEmpty)
        #expect(dogs.mentions.map(\.ignored) == ["broader than a label"])
        #expect(reader(labels: ["dog"]).read("A dog barks.", labels: ["dog"]).objects == ["dog"])
    }

    @Test func aJudgesListIsReadLineByLine() {
        #expect(
            JudgeTemplate.listedObjects("Objects mentioned:\n1. Dog\n2) car horn.\n- 18-wheeler") == [
                "dog", "car horn", "18-wheeler",
            ])
        #expect(JudgeTemplate.listedObjects("None.") == [])
        #expect(JudgeTemplate.listedObjects("  \n") == nil)
    }
}
