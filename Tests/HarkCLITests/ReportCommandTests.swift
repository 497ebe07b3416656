import Foundation
import HarkReports
import HarkTestSupport
import HarkTesting
import Testing

@Suite(.serialized) struct ReportCommandTests {
    func runs(in work: TemporaryDirectory) async throws {
        let suite = HarkCLI.packageRoot.appendingPathComponent("benchmarks/fixture-yes-no").path
        for model in ["oracle", "always-yes"] {
            let output = await CLI.run(["run", "--suite", suite, "--model", model, "--no-cache"], in: work.url)
            #expect(output.status == 0, "\(output.stderr)")
        }
    }

    @Test func tablesAreWrittenUnderReportsByDefault() async throws {
        let work = try TemporaryDirectory()
        defer { work.remove() }
        try await runs(in: work)
        let output = await CLI.run(["report", "oracle", "always-yes"], in: work.url)
        #expect(output.status == 0, "\(output.stderr)")
        for file in ["hallucination.md", "hallucination.tex", "hallucination.csv"] {
            #expect(
                FileManager.default.fileExists(atPath: work.path("reports/oracle+always-yes/\(file)").path), "\(file)")
        }
        #expect(output.stdout.contains("| fixture-yes-no | oracle | 100.00 |"))  // baselines are never bold
    }

    /// Markers from the paired comparison `hark compare` makes, and a LaTeX document on its own.
    @Test func aReferenceRunMarksSignificantChanges() async throws {
        let work = try TemporaryDirectory()
        defer { work.remove() }
        try await runs(in: work)
        let output = await CLI.run(
            [
                "report", "oracle", "always-yes", "--reference", "always-yes", "--markdown", "--latex",
                "--latex-standalone", "--out", "paper",
            ], in: work.url)
        #expect(output.status == 0, "\(output.stderr)")
        let markdown = try String(contentsOf: work.path("paper/hallucination.md"), encoding: .utf8)
        // Oracle against always-yes: every answer to an absent sound flips, so accuracy's change is significant.
        #expect(markdown.contains("| fixture-yes-no | oracle | 100.00† |"), "\(markdown)")
        #expect(markdown.contains("†: the paired change against always-yes is significant (p < 0.05, holm-adjusted)."))
        let latex = try String(contentsOf: work.path("paper/hallucination.tex"), encoding: .utf8)
        #expect(latex.hasPrefix("\\documentclass{article}\n\\usepackage{booktabs}\n"))
        #expect(latex.contains("100.00\\textsuperscript{\\dag{}}"))
        let missing = await CLI.run(["report", "oracle", "--reference", "base", "--markdown"], in: work.url)
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("no run named \"base\" among oracle"))
    }

    @Test func junitWithThresholdsAndItemsValidates() async throws {
        let work = try TemporaryDirectory()
        defer { work.remove() }
        try await runs(in: work)
        let output = await CLI.run(
            [
                "report", "oracle", "results/always-yes", "--junit", "junit.xml", "--threshold", "fixture-*:f1>=0.5",
                "--junit-items", "100",
            ],
            in: work.url)
        // always-yes fails f1 >= 0.5: the JUnit report is written, and the command exits 1.
        #expect(output.status == 1, "\(output.stderr)")
        #expect(output.stderr.contains("threshold failed: always-yes fixture-yes-no: fixture-*:f1>=0.5"))
        let xml = try String(contentsOf: work.path("reports/oracle+always-yes/junit.xml"), encoding: .utf8)
        let schema = HarkCLI.packageRoot.appendingPathComponent("Tests/Fixtures/schemas/junit-10.xsd")
        #expect(try XMLSchemaValidator.problems(in: xml, schema: schema) == [])
        #expect(xml.contains(#"<testsuite name="fixture-yes-no × always-yes" tests="21" failures="11""#))
    }

    @Test func aRunWrittenByAnotherSchemaIsRefused() async throws {
        let work = try TemporaryDirectory()
        defer { work.remove() }
        try work.write(#"{"schema": "hark.results/0", "suites": []}"#, to: "results/old/results.json")
        try work.write("", to: "results/old/samples.jsonl")
        let output = await CLI.run(["report", "old"], in: work.url)
        #expect(output.status == 2)
        #expect(output.stderr.contains("written by schema hark.results/0; this hark reads hark.results/1"))
    }

    @Test func thresholdsParse() throws {
        let threshold = try Threshold("audiocaps-*:yes_ratio <= 0.7")
        #expect(threshold.applies(to: "audiocaps-random") && !threshold.applies(to: "clotho"))
        #expect(threshold.holds(0.7) && !threshold.holds(0.71))
        #expect(throws: (any Error).self) { try Threshold("f1 at least 0.6") }
    }
}
