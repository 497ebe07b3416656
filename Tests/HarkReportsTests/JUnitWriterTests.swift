import Foundation
import HarkCore
import HarkReports
import HarkTestSupport
import Testing

@Suite struct JUnitWriterTests {
    static let schema = HarkCLI.packageRoot.appendingPathComponent("Tests/Fixtures/schemas/junit-10.xsd")

    /// Model text as hostile as it gets: XML-forbidden characters, markup, CDATA terminators.
    static let hostile: String = {
        let loneSurrogate = (try? JSONDecoder().decode(String.self, from: Data(#""a\ud800b""#.utf8))) ?? "a\u{FFFD}b"
        return
            "bell \u{07} nonchar \u{FFFE}\u{FFFF} ]]> <script>alert(1)</script> & \"quotes\" 'apos' \u{0B}\u{0C} \(loneSurrogate) 🎵"
    }()

    func report() -> JUnitReport {
        JUnitReport(suites: [
            JUnitReport.TestSuite(
                name: "fixture-yes-no × qwen2-audio", timestamp: "2026-11-27T10:00:00", time: 12.5,
                properties: [("fingerprint", "sha256:abc"), ("model", Self.hostile)],
                cases: [
                    .init(name: "f1 >= 0.60", classname: "fixture-yes-no.qwen2-audio", time: 0),
                    .init(
                        name: "accuracy max_drop 0.02", classname: "fixture-yes-no.qwen2-audio",
                        outcome: .failed(message: "accuracy 0.71 < 0.75 (drop 0.04, p = 0.003)", details: Self.hostile)),
                    .init(
                        name: "item \(Self.hostile)", classname: "fixture-yes-no.items",
                        outcome: .error(message: Self.hostile), output: Self.hostile),
                    .init(
                        name: "item \(Self.hostile)", classname: "fixture-yes-no.items",
                        outcome: .skipped(message: "not scored")),
                ])
        ])
    }

    @Test func reportWithHostileModelTextValidatesAgainstJenkinsSchema() throws {
        let xml = try JUnitWriter.xml(report())
        #expect(try XMLSchemaValidator.problems(in: xml, schema: Self.schema) == [])
        #expect(!xml.contains("\u{07}") && !xml.contains("\u{FFFE}") && !xml.contains("\u{0B}"))
        #expect(xml.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!xml.contains("<script>"))
    }

    @Test func countsAndUniqueNames() throws {
        let xml = try JUnitWriter.xml(report())
        #expect(xml.contains(#"tests="4" failures="1" errors="1" skipped="1""#))
        let names = xml.components(separatedBy: "<testcase name=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(Set(names).count == names.count)
        #expect(names.last?.hasSuffix("(2)") == true)
    }

    @Test func theValidatorRejectsWhatTheSchemaDoesNot() throws {
        let problems = try XMLSchemaValidator.problems(
            in: #"<testsuites><testsuite name="x"><testcase/></testsuite></testsuites>"#, schema: Self.schema)
        #expect(!problems.isEmpty)
    }

    @Test func sanitizeKeepsWhatXMLAllows() {
        #expect(XMLText.sanitize("a\tb\nc\rd é 🎵") == "a\tb\nc\rd é 🎵")
        #expect(XMLText.sanitize("\u{00}\u{08}\u{1F}\u{FFFE}") == "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}")
    }
}
