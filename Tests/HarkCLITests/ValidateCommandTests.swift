import Foundation
import HarkTestSupport
import HarkTesting
import Testing

@Suite struct ValidateCommandTests {
    static let golden = HarkCLI.packageRoot.appendingPathComponent("Tests/HarkCLITests/Golden")

    @Test func fixtureSuitePrintsItsSummary() async throws {
        let output = await CLI.run(["validate", "benchmarks/fixture-yes-no"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stderr.isEmpty)
        let expected = try String(
            contentsOf: Self.golden.appendingPathComponent("validate-fixture.txt"), encoding: .utf8)
        #expect(output.stdout == expected)
    }

    @Test func invalidSuiteExitsTwoAndNamesEveryProblem() async throws {
        let fixture = try SuiteFixture(items: [
            #"{"id": "a", "audio": "a.wav", "object": "dog", "label": "maybe"}"#,
            #"{"id": "b", "audio": "../escape.wav", "object": "dog", "label": "no"}"#,
        ])
        defer { fixture.remove() }
        let output = await CLI.run(["validate", "."], in: fixture.directory.url)
        #expect(output.status == 2)
        #expect(
            output.stderr == """
                items.jsonl:1: error: label: expected "yes" or "no", found "maybe"
                items.jsonl:2: error: audio: "../escape.wav" escapes audio_root (audio/)

                """)
        #expect(output.stdout == "suite .: invalid, 2 errors, 0 warnings\n")
    }

    /// Scoring keys that cannot apply are refused with their field: caption keys on a yes-no
    /// suite, a cluster tag no item has.
    @Test func scoringKeysThatCannotApplyAreRefused() async throws {
        for (scoring, message) in [
            ("{caption_extractor: judge}", "scoring.caption_extractor: caption_extractor applies to caption suites"),
            ("{cluster: speaker}", "scoring.cluster: cluster \"speaker\" is no tag of any item"),
        ] {
            let fixture = try SuiteFixture(
                manifest: SuiteFixture.yesNoManifest + "\nscoring: \(scoring)\n",
                items: [#"{"id": "a", "audio": "a.wav", "object": "dog", "label": "yes"}"#])
            defer { fixture.remove() }
            let output = await CLI.run(["validate", "."], in: fixture.directory.url)
            #expect(output.status == 2)
            #expect(output.stderr.contains(message), "\(output.stderr)")
        }
    }

    @Test func oneBadSuiteAmongGoodOnesStillFails() async throws {
        let output = await CLI.run(["validate", "benchmarks/fixture-yes-no", "benchmarks/no-such-suite"])
        #expect(output.status == 2)
        #expect(output.stderr.contains("benchmarks/no-such-suite: error: no such suite manifest"))
        #expect(output.stdout.contains("suite fixture-yes-no"))
    }

    @Test func jsonSummary() async throws {
        let output = await CLI.run(["validate", "--json", "benchmarks/fixture-yes-no"])
        #expect(output.status == 0)
        let summaries = try #require(
            try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
        #expect(summaries.count == 1)
        #expect(summaries.first?["items"] as? Int == 10)
        #expect((summaries.first?["fingerprint"] as? String)?.hasPrefix("sha256:") == true)
    }

    @Test func versionNamesTheRevision() async throws {
        let output = await CLI.run(["--version"])
        #expect(output.status == 0)
        #expect(
            output.stdout.range(
                of: #"^\d+\.\d+\.\d+ \(([0-9a-f]{40}(-dirty)?|unknown)\)\n$"#, options: .regularExpression) != nil,
            "\(output.stdout)")
    }
}
