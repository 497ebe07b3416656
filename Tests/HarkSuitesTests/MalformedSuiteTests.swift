import Foundation
import HarkCore
import HarkSuites
import HarkTestSupport
import Testing

/// One malformed suite per problem the loader must catch, each with the exact message and line.
@Suite struct MalformedSuiteTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var manifest = SuiteFixture.yesNoManifest
        var items: [String]
        var clips = ["audio/a.wav"]
        var expected: [String]
        var testDescription: String { name }
    }

    static let good = #"{"id": "ok", "audio": "a.wav", "object": "dog", "label": "yes"}"#
    static let multipleChoice = """
        id: mc
        version: 1
        task: multiple-choice
        audio_root: audio/
        """
    static let instructions = """
        id: if
        version: 1
        task: instruction-following
        """

    static let cases: [Case] = [
        Case(
            name: "malformed JSON", items: [good, #"{"id": "x", "label": "yes""#],
            expected: ["items.jsonl:2: error: malformed JSON: "]),
        Case(
            name: "line that is not an object", items: [good, "[1, 2]"],
            expected: ["items.jsonl:2: error: expected a JSON object, found an array"]),
        Case(
            name: "missing id", items: [good, #"{"audio": "a.wav", "object": "dog", "label": "no"}"#],
            expected: ["items.jsonl:2: error: id: missing"]),
        Case(
            name: "missing label", items: [#"{"id": "a", "audio": "a.wav", "object": "dog"}"#],
            expected: ["items.jsonl:1: error: label: missing"]),
        Case(
            name: "wrongly typed key", items: [good, #"{"id": 7, "audio": "a.wav", "object": "dog", "label": "no"}"#],
            expected: ["items.jsonl:2: error: id: expected a string, found an integer 7"]),
        Case(
            name: "wrongly typed tags",
            items: [#"{"id": "a", "audio": "a.wav", "object": "dog", "label": "no", "tags": {"k": [1]}}"#],
            expected: ["items.jsonl:1: error: tags.k: expected a string, number or boolean, found an array"]),
        Case(
            name: "duplicate id",
            items: [good, #"{"id": "b", "audio": "a.wav", "object": "cat", "label": "no"}"#, good],
            expected: [#"items.jsonl:3: error: id: duplicate id "ok", first on line 1"#]),
        Case(
            name: "label outside yes/no", items: [#"{"id": "a", "audio": "a.wav", "object": "dog", "label": "Yes"}"#],
            expected: [#"items.jsonl:1: error: label: expected "yes" or "no", found "Yes""#]),
        Case(
            name: "answer not among the choices", manifest: multipleChoice,
            items: [
                #"{"id": "q", "audio": "a.wav", "question": "Which?", "choices": ["cat", "dog"], "answer": "cow"}"#
            ],
            expected: [#"items.jsonl:1: error: answer: "cow" is not one of the choices"#]),
        Case(
            name: "too few choices", manifest: multipleChoice,
            items: [#"{"id": "q", "audio": "a.wav", "question": "Which?", "choices": ["cat"], "answer": "cat"}"#],
            expected: ["items.jsonl:1: error: choices: expected at least 2 choices, found 1"]),
        Case(
            name: "missing clip", items: [#"{"id": "a", "audio": "gone.wav", "object": "dog", "label": "no"}"#],
            expected: [#"items.jsonl:1: error: audio: no such clip: "gone.wav" under audio_root (audio/)"#]),
        Case(
            name: "clip escaping audio_root",
            items: [good, #"{"id": "b", "audio": "../suite.yaml", "object": "dog", "label": "no"}"#],
            expected: [#"items.jsonl:2: error: audio: "../suite.yaml" escapes audio_root (audio/)"#]),
        Case(
            name: "absolute clip path",
            items: [#"{"id": "a", "audio": "/etc/passwd", "object": "dog", "label": "no"}"#],
            expected: [
                #"items.jsonl:1: error: audio: "/etc/passwd" is absolute; clip paths are relative to audio_root (audio/)"#
            ]),
        Case(
            name: "second clip of a multi-audio item missing",
            items: [#"{"id": "a", "audio": ["a.wav", "b.wav"], "object": "dog", "label": "no"}"#],
            expected: [#"items.jsonl:1: error: audio[1]: no such clip: "b.wav" under audio_root (audio/)"#]),
        Case(
            name: "unknown instruction id", manifest: instructions,
            items: [
                #"{"id": "i", "question": "Write.", "instructions": [{"id": "punctuation:no_comma"}, {"id": "style:haiku", "kwargs": {}}]}"#
            ],
            clips: [],
            expected: [#"items.jsonl:1: error: instructions[1].id: unknown instruction id "style:haiku""#]),
        Case(
            name: "missing instruction argument", manifest: instructions,
            items: [
                #"{"id": "i", "question": "Write.", "instructions": [{"id": "length_constraints:number_words", "kwargs": {"num_words": 50}}]}"#
            ],
            clips: [],
            expected: [
                "items.jsonl:1: error: instructions[0].kwargs.relation: missing, required by length_constraints:number_words"
            ]),
        Case(
            name: "no question and no templates", manifest: multipleChoice,
            items: [#"{"id": "q", "audio": "a.wav", "choices": ["cat", "dog"], "answer": "cat"}"#],
            expected: ["items.jsonl:1: error: question: missing, and the suite has no prompt templates to make one"]),
        Case(
            name: "no object for a template that needs one", items: [#"{"id": "a", "audio": "a.wav", "label": "no"}"#],
            expected: ["items.jsonl:1: error: object: missing, and the prompt templates need {object}"]),
        Case(
            name: "empty items file", items: [],
            expected: ["items.jsonl:1: error: the suite has no items"]),
        Case(
            name: "unknown item key is only a warning",
            items: [#"{"id": "a", "audio": "a.wav", "object": "dog", "label": "no", "colour": "red"}"#],
            expected: ["items.jsonl:1: warning: colour: unknown key for a yes-no item, ignored"]),
    ]

    @Test(arguments: cases)
    func reportsTheProblem(_ testCase: Case) throws {
        let fixture = try SuiteFixture(manifest: testCase.manifest, items: testCase.items, clips: testCase.clips)
        defer { fixture.remove() }
        let result = SuiteLoader.load(fixture.path)
        let messages = result.diagnostics.map { $0.description.replacingOccurrences(of: fixture.path + "/", with: "") }
        #expect(messages.count == testCase.expected.count, "\(messages)")
        for (message, expected) in zip(messages, testCase.expected) {
            #expect(message.hasPrefix(expected), "\(message)")
        }
        let onlyWarnings = testCase.expected.allSatisfy { $0.contains(": warning: ") }
        #expect((result.suite != nil) == onlyWarnings)
    }

    /// The Hugging Face hub cache: `snapshots/<rev>/x.wav → ../../blobs/<sha>`, and a dataset folder
    /// linked from elsewhere. Links are followed wherever they point; only `..` in the path escapes.
    @Test func symbolicLinksUnderTheRootAreFollowedAnywhere() throws {
        let fixture = try SuiteFixture(items: [
            #"{"id": "a", "audio": "snapshots/rev1/x.wav", "object": "dog", "label": "no"}"#,
            #"{"id": "b", "audio": "linked/y.wav", "object": "dog", "label": "no"}"#,
            #"{"id": "c", "audio": "snapshots/../../outside.wav", "object": "dog", "label": "no"}"#,
        ])
        defer { fixture.remove() }
        let files = FileManager.default
        try Signals.writeSine(to: fixture.directory.path("audio/blobs/5d41402abc4b2a76"))
        try files.createDirectory(at: fixture.directory.path("audio/snapshots/rev1"), withIntermediateDirectories: true)
        try files.createSymbolicLink(
            atPath: fixture.directory.path("audio/snapshots/rev1/x.wav").path,
            withDestinationPath: "../../blobs/5d41402abc4b2a76")
        let elsewhere = try TemporaryDirectory()
        defer { elsewhere.remove() }
        try Signals.writeSine(to: elsewhere.path("y.wav"))
        try files.createSymbolicLink(at: fixture.directory.path("audio/linked"), withDestinationURL: elsewhere.url)
        try Signals.writeSine(to: fixture.directory.path("outside.wav"))
        let messages = SuiteLoader.load(fixture.path).diagnostics.map(\.description)
        #expect(messages.count == 1)
        #expect(
            messages.first?.hasSuffix(
                #"items.jsonl:3: error: audio: "snapshots/../../outside.wav" escapes audio_root (audio/)"#) == true)
    }

    @Test func severalProblemsAreAllReported() throws {
        let fixture = try SuiteFixture(items: [
            #"{"id": "a", "audio": "a.wav", "object": "dog", "label": "maybe"}"#,
            "not json",
            #"{"id": "b", "audio": "missing.wav", "object": "dog", "label": "no"}"#,
            #"{"id": "b", "audio": "a.wav", "object": "cat", "label": "yes"}"#,
            #"{"audio": "a.wav", "label": "no", "extra": 1}"#,
        ])
        defer { fixture.remove() }
        let result = SuiteLoader.load(fixture.path)
        let places = result.diagnostics.map {
            "\($0.location.line ?? 0) \($0.severity.rawValue) \($0.location.field ?? "-")"
        }
        #expect(
            places == [
                "1 error label", "2 error -", "3 error audio", "4 error id", "5 warning extra", "5 error id",
                "5 error object",
            ])
        #expect(result.suite == nil)
    }
}
