import ArgumentParser
import Foundation
import HarkRun

/// `hark merge`: shard runs into one run.
struct Merge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merge shard runs (--shard i/N) of the same suites and model into one run.")

    @Argument(help: "Run folders, or run names under --results.")
    var runs: [String]

    @Option(help: "The merged run's name or folder.")
    var output: String

    @Option(help: "Where runs are found and written.")
    var results = "results"

    func run() async throws {
        let root = URL(fileURLWithPath: results)
        let target = RunDirectory.locate(output, resultsRoot: root)
        let merged = try RunMerger.merge(runs.map { RunDirectory.locate($0, resultsRoot: root) }, into: target)
        let scored = try RunScoring.score(merged, suites: RunSuites.load(for: merged.manifest), directory: target)
        print(ResultsSummary.text(scored))
        print("run: \(target.url.path)")
    }
}
