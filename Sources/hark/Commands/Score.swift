import ArgumentParser
import Foundation
import HarkCore
import HarkRun

/// `hark score RUN`: re-score a run's journal without asking the model again.
struct Score: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score a run again (another extractor or policy) without asking the model.",
        discussion: "Rewrites results/<run>/results.json and scores.jsonl.")

    @Argument(help: "A run folder, or a run name under --results.")
    var run: String

    @Option(help: "Where runs are found.")
    var results = "results"

    @Option(name: .customLong("suite"), help: "The run's suites, when they are no longer where the run found them.")
    var suites: [String] = []

    @Option(help: "The yes/no extractor: default, strict or kuan2024.")
    var extractor: String?

    @Option(help: "The scoring policy: hark, kuan2024-interspeech or kuan2025-icassp.")
    var policy: String?

    @Option(help: "Bootstrap resamples for the intervals of precision, recall and F1.")
    var resamples: Int?

    @Option(help: "Seed of the bootstrap.")
    var seed: UInt64?

    @Flag(help: "Score a journal that holds fewer samples than the run planned, marking the results incomplete.")
    var allowIncomplete = false

    func run() async throws {
        let directory = RunDirectory.locate(run, resultsRoot: URL(fileURLWithPath: results))
        // Locked before anything is read: another writer may be finishing this folder.
        let lock = try RunLock(directory, creating: false)
        defer { withExtendedLifetime(lock) {} }
        var current = try directory.readResults()
        // The journal is checked against the plan, never trusted: counts come from it, and a cut
        // journal is refused rather than scored as if whole.
        guard FileManager.default.fileExists(atPath: directory.samples.path) else {
            throw HarkError.badInput("the run has no journal (samples.jsonl); nothing to score, results.json left as it is", at: SourceLocation(file: directory.samples.path))
        }
        var counts: [String: RunResults.Counts] = [:]
        var seen: Set<String> = []
        for record in try Journal.read(directory.samples) where seen.insert(record.key).inserted { counts[record.suite, default: RunResults.Counts()].add(record) }
        let planned = current.manifest.counts.samples
        if seen.count < planned {
            guard allowIncomplete else {
                throw HarkError(
                    .incomplete, "the journal holds \(seen.count) of the \(planned) samples the run planned; resume the run, or score with --allow-incomplete",
                    at: SourceLocation(file: directory.samples.path))
            }
            current.manifest.complete = false
        }
        for index in current.suites.indices { current.suites[index].counts = counts[current.suites[index].id] ?? RunResults.Counts() }
        current.manifest.counts.answered = counts.values.reduce(0) { $0 + $1.answered }
        current.manifest.counts.errors = counts.values.reduce(0) { $0 + $1.errors }
        let suiteList = try RunSuites.load(for: current.manifest, paths: suites)
        let scored = try RunScoring.score(
            current, suites: suiteList, directory: directory,
            overrides: RunScoring.Overrides(extractor: extractor, policy: policy, resamples: resamples, seed: seed))
        print(ResultsSummary.text(scored))
        print("results: \(directory.results.path)")
    }
}
