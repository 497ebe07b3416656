import ArgumentParser
import Foundation
import HarkApp
import HarkCore
import HarkRecords
import HarkRun

/// `hark score RUN`: re-score a run's journal without asking the model again.
struct Score: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score a run again (another extractor or policy) without asking the model.",
        discussion: "Rewrites results/<run>/results.json and scores.jsonl.")

    @Argument(help: "A run folder, or a run name under --results.")
    var run: String

    @OptionGroup var folders: RunFolders

    @Option(name: .customLong("suite"), help: "The run's suites, when they are no longer where the run found them.")
    var suites: [String] = []

    @Option(help: "The yes/no extractor: default, strict, kuan2024, ahabench, cmm or halluaudio.")
    var extractor: String?

    @Option(help: "The scoring policy: hark, kuan2024-interspeech, kuan2025-icassp or ahabench.")
    var policy: String?

    @Option(help: "Bootstrap resamples for the intervals of precision, recall and F1.")
    var resamples: Int?

    @Option(help: "Seed of the bootstrap.")
    var seed: UInt64?

    @Flag(help: "Score a journal that holds fewer samples than the run planned, marking the results incomplete.")
    var allowIncomplete = false

    func run() async throws {
        let directory = folders.locate(run)
        // Locked before anything is read: another writer may be finishing this folder.
        let lock = try RunLock(directory, creating: false)
        defer { withExtendedLifetime(lock) {} }
        let scored = try RunScoring.rescore(
            directory, suitePaths: suites.map(WorkingDirectory.path), allowIncomplete: allowIncomplete,
            overrides: RunScoring.Overrides(extractor: extractor, policy: policy, resamples: resamples, seed: seed))
        Terminal.output(ResultsSummary.text(scored))
        Terminal.output("results: \(directory.results.path)")
    }
}
