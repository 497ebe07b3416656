import HarkCore
import HarkSuites
import Testing

@Suite struct ManifestTests {
    func messages(_ yaml: String) -> [String] {
        ManifestParser.parse(yaml, file: "suite.yaml").1.map(\.description)
    }

    @Test func fullManifestParses() throws {
        let yaml = """
            id: audiocaps-adversarial
            version: 2
            task: yes-no
            description: Kuan et al. 2024 probes
            source: {name: AudioCaps, url: "https://example.org", license: CC-BY-4.0}
            audio_root: clips/
            items: probes.jsonl
            prompt:
              system: null
              prefix: Focus on the given audio and answer the following question.
              templates: ["Is there a sound of {object} in the audio?", "Can you hear the sound of {object}?"]
            scoring: {extractor: kuan2024, positive_class: "no", policy: kuan2024-interspeech, synonyms: {barking: dog}}
            """
        let (parsed, diagnostics) = ManifestParser.parse(yaml, file: "suite.yaml")
        #expect(diagnostics.isEmpty)
        let manifest = try #require(parsed)
        #expect(manifest.id == "audiocaps-adversarial")
        #expect(manifest.version == 2)
        #expect(manifest.task == .yesNo)
        #expect(manifest.audioRoot == "clips/")
        #expect(manifest.items == "probes.jsonl")
        #expect(manifest.prompt.prefix == "Focus on the given audio and answer the following question.")
        #expect(manifest.prompt.templates.count == 2)
        #expect(
            manifest.scoring
                == SuiteManifest.Scoring(
                    extractor: "kuan2024", positiveClass: .no, policy: "kuan2024-interspeech",
                    synonyms: ["barking": "dog"]))
        #expect(manifest.source?.license == "CC-BY-4.0")
    }

    @Test func defaults() throws {
        let manifest = try #require(ManifestParser.parse("id: s\nversion: 1\ntask: caption\n", file: "suite.yaml").0)
        #expect(manifest.audioRoot == ".")
        #expect(manifest.items == "items.jsonl")
        #expect(manifest.scoring.positiveClass == .no)
        #expect(manifest.prompt.templates.isEmpty)
    }

    @Test func missingKeysAreReportedTogether() {
        #expect(
            messages("description: nothing else\n") == [
                "suite.yaml:1: error: id: missing", "suite.yaml:1: error: version: missing",
                "suite.yaml:1: error: task: missing",
            ])
    }

    @Test func wrongTypesAndValuesNameTheirLines() {
        let yaml = """
            id: "bad id!"
            version: "1"
            task: yes-or-no
            scoring:
              positive_class: maybe
            prompt:
              templates: ["Is there {thing}?"]
            extra: 1
            """
        #expect(
            messages(yaml) == [
                #"suite.yaml:1: error: id: must be letters, digits, '.', '_' or '-', found "bad id!""#,
                #"suite.yaml:2: error: version: expected an integer, found the string "1""#,
                #"suite.yaml:3: error: task: unknown task "yes-or-no"; expected one of yes-no, multiple-choice, instruction-following, caption, open-qa"#,
                #"suite.yaml:5: error: scoring.positive_class: expected "yes" or "no", found "maybe""#,
                #"suite.yaml:7: error: prompt.templates[0]: unknown placeholder {thing}; known: {object}"#,
                "suite.yaml:8: warning: extra: unknown key, ignored (known: audio_root, description, id, items, prompt, scoring, source, task, version)",
            ])
    }

    @Test func malformedYAMLGivesItsLine() {
        let found = messages("id: a\nversion: 1\ntask: [yes-no\n")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("suite.yaml:4:1: error: malformed YAML") == true, "\(found)")
    }

    @Test func aManifestThatIsNotAMappingIsRefused() {
        #expect(
            messages("- a\n- b\n") == [
                "suite.yaml:1: error: (top level): expected a mapping of keys such as id, version, task"
            ])
    }
}
