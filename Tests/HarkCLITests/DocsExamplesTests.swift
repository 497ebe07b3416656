import Foundation
import HarkTestSupport
import HarkTesting
import Testing
import Yams

/// The CI and scale-out recipes in docs/examples are well-formed YAML and use only commands hark has.
@Suite struct DocsExamplesTests {
    static let examples = HarkCLI.packageRoot.appendingPathComponent("docs/examples")

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? []).filter {
            $0.hasSuffix(".yml") || $0.hasSuffix(".yaml")
        }.sorted()
    }

    static let subcommands: Set<String> = {
        let help = (try? HarkCLI.run(["--help"]).stdout) ?? ""
        let section = help.components(separatedBy: "SUBCOMMANDS:").last ?? ""
        // Subcommand lines read "  name   abstract"; wrapped abstract lines are indented further.
        return Set(
            section.split(separator: "\n").compactMap { line -> String? in
                guard line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first else {
                    return nil
                }
                return String(name)
            })
    }()

    @Test func thereAreRecipes() {
        #expect(
            Set(Self.files).isSuperset(of: ["github-actions.yml", "gitlab-ci.yml", "k8s-indexed-job.yaml", "gate.yaml"])
        )
        #expect(Self.subcommands.isSuperset(of: ["run", "merge", "gate", "report", "compare"]))
    }

    @Test(arguments: files)
    func recipeIsWellFormedAndUsesRealCommands(file: String) throws {
        let text = try String(contentsOf: Self.examples.appendingPathComponent(file), encoding: .utf8)
        #expect(try Yams.load(yaml: text) != nil)
        var commands = 0
        for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).hasPrefix("#") {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\"" || $0 == "[" || $0 == "," })
            for (index, word) in words.enumerated()
            where (word == "hark" || word.hasSuffix("/hark")) && index + 1 < words.count {
                commands += 1
                #expect(Self.subcommands.contains(String(words[index + 1])), "\(file): hark \(words[index + 1])")
            }
        }
        if file != "gate.yaml" { #expect(commands > 0, "\(file) runs no hark command") }
    }

    @Test func exampleGatePolicyParses() async throws {
        let work = try TemporaryDirectory()
        defer { work.remove() }
        let output = await CLI.run(
            ["gate", "--policy", Self.examples.appendingPathComponent("gate.yaml").path, "--candidate", "missing-run"],
            in: work.url)
        // The policy is read first and is fine; what fails is the missing run (exit 3, not 2).
        #expect(output.status == 3, "\(output.stderr)")
        #expect(output.stderr.contains("missing-run/results.json"))
        #expect(!output.stderr.contains("gate.yaml"))
    }
}
