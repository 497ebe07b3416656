import Foundation
import HarkSuites
import HarkTestSupport
import Testing

@Suite struct FingerprintTests {
    static let items = [
        #"{"id": "a", "audio": "a.wav", "object": "dog", "label": "yes"}"#,
        #"{"id": "b", "audio": "b.wav", "object": "cat", "label": "no", "tags": {"sampling": "random"}}"#,
    ]

    func fingerprint(_ path: String) throws -> String {
        let suite = try #require(SuiteLoader.load(path).suite)
        return try SuiteFingerprint.compute(suite)
    }

    func makeSuite() throws -> SuiteFixture {
        try SuiteFixture(items: Self.items, clips: ["audio/a.wav", "audio/b.wav"])
    }

    @Test func copiedSuiteHasTheSameFingerprint() throws {
        let original = try makeSuite()
        defer { original.remove() }
        let elsewhere = try TemporaryDirectory(prefix: "copy")
        defer { elsewhere.remove() }
        let copy = elsewhere.path("deeper/suite")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: original.directory.url, to: copy)

        let value = try fingerprint(original.path)
        #expect(value.hasPrefix("sha256:") && value.count == 71)
        #expect(try fingerprint(copy.path) == value)
    }

    @Test func formattingOfTheFilesDoesNotMatter() throws {
        let suite = try makeSuite()
        defer { suite.remove() }
        let before = try fingerprint(suite.path)
        let reformatted = [
            #"{ "label": "yes", "object": "dog", "audio": "a.wav", "id": "a" }"#,
            "",
            #"{"tags":{"sampling":"random"},"label":"no","object":"cat","audio":"b.wav","id":"b"}"#,
        ]
        try suite.directory.write(reformatted.joined(separator: "\n"), to: "items.jsonl")
        try suite.directory.write(
            SuiteFixture.yesNoManifest.replacingOccurrences(of: "version: 1", with: "version:   1  # same"),
            to: "suite.yaml")
        #expect(try fingerprint(suite.path) == before)
    }

    @Test func oneByteOfOneClipChangesIt() throws {
        let suite = try makeSuite()
        defer { suite.remove() }
        let before = try fingerprint(suite.path)
        let clip = suite.directory.path("audio/b.wav")
        var bytes = try Data(contentsOf: clip)
        bytes[bytes.count - 1] ^= 0x01
        try bytes.write(to: clip)
        #expect(try fingerprint(suite.path) != before)
    }

    @Test func oneItemChangesIt() throws {
        let suite = try makeSuite()
        defer { suite.remove() }
        let before = try fingerprint(suite.path)
        try suite.directory.write(
            [Self.items[0], Self.items[1].replacingOccurrences(of: "cat", with: "cow")].joined(separator: "\n"),
            to: "items.jsonl")
        #expect(try fingerprint(suite.path) != before)
    }

    @Test func itemOrderChangesIt() throws {
        let suite = try makeSuite()
        defer { suite.remove() }
        let before = try fingerprint(suite.path)
        try suite.directory.write(Self.items.reversed().joined(separator: "\n"), to: "items.jsonl")
        #expect(try fingerprint(suite.path) != before)
    }

    @Test func manifestChangesIt() throws {
        let suite = try makeSuite()
        defer { suite.remove() }
        let before = try fingerprint(suite.path)
        try suite.directory.write(
            SuiteFixture.yesNoManifest.replacingOccurrences(of: "version: 1", with: "version: 2"), to: "suite.yaml")
        #expect(try fingerprint(suite.path) != before)
    }
}
