import Foundation
import HarkAudio
import HarkCore
import HarkSuites
import HarkTestSupport
import Testing

@Suite struct SuiteLoadingTests {
    @Test func everyTaskKindLoads() throws {
        let cases: [(String, String, AnswerKey)] = [
            (
                "yes-no", #"{"id": "1", "audio": "a.wav", "object": "dog", "label": "no"}"#,
                .yesNo(object: "dog", label: .no)
            ),
            (
                "multiple-choice",
                #"{"id": "1", "audio": "a.wav", "question": "Which?", "choices": ["a", "b"], "answer": "b"}"#,
                .multipleChoice(choices: ["a", "b"], answer: "b")
            ),
            (
                "instruction-following",
                #"{"id": "1", "question": "Write.", "instructions": [{"id": "detectable_format:number_bullet_lists", "kwargs": {"num_bullets": 3}}]}"#,
                .instructionFollowing([
                    Instruction(id: "detectable_format:number_bullet_lists", kwargs: ["num_bullets": .integer(3)])
                ])
            ),
            (
                "caption", #"{"id": "1", "audio": "a.wav", "labels": ["dog", "rain"]}"#,
                .caption(labels: ["dog", "rain"])
            ),
            (
                "open-qa", #"{"id": "1", "audio": "a.wav", "question": "What?", "answer": "a dog"}"#,
                .openQA(answer: "a dog")
            ),
        ]
        for (task, line, expected) in cases {
            let manifest =
                "id: s\nversion: 1\ntask: \(task)\naudio_root: audio\nprompt: {templates: [\"Describe the audio.\"]}\n"
            let fixture = try SuiteFixture(manifest: manifest, items: [line])
            defer { fixture.remove() }
            let result = SuiteLoader.load(fixture.path)
            #expect(result.diagnostics.isEmpty, "\(task): \(result.diagnostics)")
            #expect(result.suite?.items.first?.answerKey == expected, "\(task)")
        }
    }

    @Test func clipLocationsAreWhatURLStandardizingGives() throws {
        let manifest =
            "id: s\nversion: 1\ntask: yes-no\naudio_root: ./clips/../audio/\nprompt: {templates: [\"Dog?\"]}\n"
        let paths = ["a.wav", "./a.wav", "sub/../a.wav", "sub//b.wav", "sub/./c.wav", "d e%20.wav"]
        let fixture = try SuiteFixture(
            manifest: manifest,
            items: paths.enumerated().map { #"{"id": "\#($0)", "audio": "\#($1)", "object": "dog", "label": "no"}"# },
            clips: ["audio/a.wav", "audio/sub/b.wav", "audio/sub/c.wav", "audio/d e%20.wav"])
        defer { fixture.remove() }
        let suite = try #require(SuiteLoader.load(fixture.path).suite)
        for path in paths {
            let reference = AudioRef(path: path)
            let expected = suite.audioRoot.appendingPathComponent(path).standardizedFileURL
            #expect(suite.url(of: reference) == expected, "\(path)")
            #expect(FileManager.default.fileExists(atPath: suite.url(of: reference).path), "\(path)")
        }
        #expect(suite.audioRoot.path.hasSuffix("/audio"))
    }

    @Test func multiAudioAndTextOnlyItems() throws {
        let fixture = try SuiteFixture(
            items: [
                #"{"id": "two", "audio": ["b.wav", "a.wav"], "question": "Do both clips contain a dog?", "label": "no"}"#,
                #"{"id": "text", "question": "Is a dog a mammal?", "label": "yes", "tags": {"kind": "text", "n": 3}}"#,
                #"{"id": "none", "audio": null, "object": "dog", "label": "no"}"#,
            ],
            clips: ["audio/a.wav", "audio/b.wav"])
        defer { fixture.remove() }
        let suite = try #require(SuiteLoader.load(fixture.path).suite)
        #expect(suite.items.map(\.audio.count) == [2, 0, 0])
        #expect(suite.items[0].audio.map(\.path) == ["b.wav", "a.wav"])
        #expect(suite.items[1].tags == ["kind": "text", "n": "3"])
        #expect(suite.clips.map(\.path) == ["a.wav", "b.wav"])
    }

    @Test func inspectionSumsUpSlicesAndAudio() async throws {
        let fixture = try SuiteFixture(
            items: [
                #"{"id": "1", "audio": "a.wav", "object": "dog", "label": "yes", "tags": {"sampling": "random"}}"#,
                #"{"id": "2", "audio": "a.wav", "object": "cat", "label": "no", "tags": {"sampling": "random"}}"#,
                #"{"id": "3", "audio": "quiet.wav", "object": "cat", "label": "no", "tags": {"sampling": "popular"}}"#,
            ])
        defer { fixture.remove() }
        try AudioFile.write(
            Signals.silence(seconds: 0.2, sampleRate: 8_000, channels: 2),
            to: fixture.directory.path("audio/quiet.wav"), format: .wav16)
        let suite = try #require(SuiteLoader.load(fixture.path).suite)
        let (summary, diagnostics) = await SuiteInspector.inspect(suite)
        #expect(diagnostics.isEmpty)
        #expect(summary.items == 3)
        #expect(summary.labels == ["yes": 1, "no": 2])
        #expect(summary.slices == ["sampling": ["random": 2, "popular": 1]])
        #expect(summary.clips == 2)
        #expect(abs(summary.audioSeconds - 0.3) < 1e-9)
        #expect(summary.sampleRates == [16_000: 1, 8_000: 1])
        #expect(summary.channels == [1: 1, 2: 1])
        #expect(summary.silentClips == ["quiet.wav"])
        #expect(summary.fingerprint == (try SuiteFingerprint.compute(suite)))
    }

    @Test func clipThatIsNotAudioIsAnErrorAtItsFirstItem() async throws {
        let fixture = try SuiteFixture(
            items: [
                #"{"id": "1", "audio": "a.wav", "object": "dog", "label": "yes"}"#,
                #"{"id": "2", "audio": "text.wav", "object": "cat", "label": "no"}"#,
            ])
        defer { fixture.remove() }
        try fixture.directory.write("hello", to: "audio/text.wav")
        let suite = try #require(SuiteLoader.load(fixture.path).suite)
        let (summary, diagnostics) = await SuiteInspector.inspect(suite)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location.line == 2)
        #expect(diagnostics.first?.message.contains("not an audio file") == true)
        #expect(summary.fingerprint == nil)
    }

    @Test func manifestFileCanBeNamedDirectly() throws {
        let fixture = try SuiteFixture(items: [#"{"id": "1", "audio": "a.wav", "object": "dog", "label": "yes"}"#])
        defer { fixture.remove() }
        #expect(SuiteLoader.load(fixture.path + "/suite.yaml").suite != nil)
        #expect(SuiteLoader.load(fixture.path + "/nothing.yaml").diagnostics.first?.message == "no such suite manifest")
    }
}
