import ArgumentParser
import Foundation
import HarkApp
import HarkCore
import HarkRecords
import HarkRun
import HarkSuites

/// `hark merge`: shard runs into one run.
struct Merge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge shard runs (--shard i/N) of the same suites and model into one run.")

    @Argument(help: "Run folders, or run names under --results.")
    var runs: [String]

    @Option(help: "The merged run's name or folder.")
    var output: String

    @OptionGroup var folders: RunFolders

    @Option(
        name: .customLong("suite"),
        help: "Local copies of the shards' suites (matched by fingerprint), when they are not where the shards ran.")
    var suites: [String] = []

    func run() async throws {
        let target = folders.locate(output)
        let lock = try RunLock(target)
        defer { withExtendedLifetime(lock) {} }
        let merged = try RunMerger.merge(
            runs.map { folders.locate($0) }, into: target)
        let suiteList: [Suite]
        do {
            suiteList = try RunSuites.load(for: merged.manifest, paths: suites.map(WorkingDirectory.path))
        } catch let error as HarkError where suites.isEmpty {
            // The shards ran elsewhere: the journal is merged; scoring waits for the suites.
            try target.write(merged, to: target.results)
            Terminal.error("hark: merged \(merged.manifest.counts.samples) samples unscored: \(error.message)")
            Terminal.output("run: \(target.url.path)")
            Terminal.output("score it with: hark score \(target.url.path) --suite SUITE...")
            return
        }
        let scored = try RunScoring.score(merged, suites: suiteList, directory: target)
        Terminal.output(ResultsSummary.text(scored))
        Terminal.output("run: \(target.url.path)")
    }
}
