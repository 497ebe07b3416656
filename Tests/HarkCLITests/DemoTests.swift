import Foundation
import HarkApp
import HarkCore
import HarkRecords
import HarkRun
import HarkTestSupport
import HarkTesting
import Testing

/// `hark demo` end to end: every artefact, the better checkpoint ahead, the gate saying so, and
/// the same tables twice.
@Suite struct DemoTests {
    @Test func demoWritesEveryArtefactRanksTheCheckpointsAndRepeatsItself() async throws {
        let first = try TemporaryDirectory()
        defer { first.remove() }
        let output = await CLI.run(["demo", "--root", first.url.path], in: first.url)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("### Object hallucination"))
        #expect(output.stdout.contains("gate: passed"))
        #expect(output.stdout.contains("simulated"))

        let reports = first.path("reports/demo")
        for name in [
            "hallucination.md", "hallucination.tex", "choice.md", "instruction.md", "report.html", "junit.xml",
            "comparison.md", "gate.txt", "gate.xml", "listening.md",
        ] {
            #expect(FileManager.default.fileExists(atPath: reports.appendingPathComponent(name).path), "\(name)")
        }
        // The listening control: checkpoint-a on silence says "yes" to questions it cannot hear
        // (the server draws once per distinct request, and the demo asks the same question of many
        // clips of one length, so the share is near the server's rate, not within a sampling interval).
        let control = try RunDirectory(first.path("results/demo/checkpoint-a-silence")).readResults()
        #expect(control.manifest.plan.control?.kind == .silence)
        #expect(Set(control.suites.map(\.task)) == [.yesNo])
        let listening = try ComparisonReports.compare(
            baseline: LoadedRun(RunDirectory(first.path("results/demo/checkpoint-a"))),
            candidate: LoadedRun(RunDirectory(first.path("results/demo/checkpoint-a-silence"))), resamples: 200)
        for suite in listening.suites {
            let effect = try #require(suite.listening, "\(suite.suite)")
            let yes = try #require(effect.yesOnSilence)
            #expect(yes.value > 0.2 && yes.value < 0.6, "\(suite.suite): \(yes)")
            #expect(effect.accuracyDrop > 0.1 && effect.audioInsensitivity.value < 0.8)
        }
        for run in ["checkpoint-a", "checkpoint-b", "always-yes"] {
            let results = try RunDirectory(first.path("results/demo/\(run)")).readResults()
            #expect(results.manifest.complete)
            #expect(Set(results.suites.map(\.task)) == Set(TaskKind.allCases.filter { $0 != .openQA }), "\(run)")
        }
        let a = try RunDirectory(first.path("results/demo/checkpoint-a")).readResults()
        let b = try RunDirectory(first.path("results/demo/checkpoint-b")).readResults()
        for suite in ["demo-random", "demo-popular", "demo-adversarial"] {
            let f1a = try #require(a.suites.first { $0.id == suite }?.metrics["f1"]?.value)
            let f1b = try #require(b.suites.first { $0.id == suite }?.metrics["f1"]?.value)
            #expect(f1b > f1a, "\(suite): \(f1b) vs \(f1a)")
        }
        // The rows the README shows are the demo's own.
        let readme = try String(contentsOf: HarkCLI.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let table = try String(contentsOf: reports.appendingPathComponent("hallucination.md"), encoding: .utf8)
        let lines = readme.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex { $0.hasPrefix("| random | ") })
        let shown = lines[start..<start + 3]  // the setting's name on its first row only
        #expect(shown.dropFirst().allSatisfy { $0.hasPrefix("|  | ") })
        for row in shown { #expect(table.contains(row), "README row not in the demo's table: \(row)") }
        let gate = try String(contentsOf: reports.appendingPathComponent("gate.txt"), encoding: .utf8)
        #expect(gate.hasSuffix("gate: passed (5 checks)\n"))
        #expect(!gate.contains("FAIL"))

        let second = try TemporaryDirectory()
        defer { second.remove() }
        #expect(await CLI.run(["demo", "--root", second.url.path], in: second.url).status == 0)
        for name in [
            "hallucination.md", "hallucination.tex", "choice.md", "instruction.md", "comparison.md", "gate.txt",
            "listening.md",
        ] {
            let one = try String(contentsOf: reports.appendingPathComponent(name), encoding: .utf8)
            let two = try String(contentsOf: second.path("reports/demo/\(name)"), encoding: .utf8)
            #expect(one == two, "\(name) differs between two demos")
        }
    }
}
