import ArgumentParser
import Foundation
import HarkApp
import HarkCore
import HarkModels
import HarkRecords
import HarkRun
import HarkScoring

/// `hark judge RUN --judge MODEL`: judge a finished run's answers without asking the audio model again.
struct Judge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "judge",
        abstract: "Judge a run's answers with a judge model, then score the run again.",
        discussion: """
            Judges the open-qa suites of the run and the suites whose scoring.judge names a template, writing
            results/<run>/judgements.jsonl. Verdicts are cached and kept: judging again with the same judge asks
            only what has no verdict yet. Templates: \(JudgeTemplate.builtIn.map(\.name).joined(separator: ", ")).
            """)

    @Argument(help: "A run folder, or a run name under --results.")
    var run: String

    @Option(help: "The judge: a model config YAML.")
    var judge: String

    @Option(help: "Judge every suite of the run with this template instead of the suites' own.")
    var template: String?

    @OptionGroup var folders: RunFolders

    @Option(name: .customLong("suite"), help: "The run's suites, when they are no longer where the run found them.")
    var suites: [String] = []

    @Option(help: "The response cache (SQLite). Default: ~/.cache/hark/responses.sqlite.")
    var cache: String?

    @Flag(help: "Judge without the response cache.")
    var noCache = false

    func run() async throws {
        let directory = folders.locate(run)
        // Locked before anything is read: another writer may be finishing this folder.
        let lock = try RunLock(directory, creating: false)
        defer { withExtendedLifetime(lock) {} }
        let current = try directory.readResults()
        let override = try template.map { name in
            guard let template = JudgeTemplate.named(name) else {
                throw ValidationError(
                    "--template takes one of \(JudgeTemplate.builtIn.map(\.name).joined(separator: ", "))")
            }
            return template
        }
        let session = JudgeSession(
            directory: directory,
            suites: try RunSuites.load(for: current.manifest, paths: suites.map(WorkingDirectory.path)),
            judge: try ModelConfig.resolve(judge, relativeTo: WorkingDirectory.url),
            template: override,
            cacheURL: noCache ? nil : cache.map { WorkingDirectory.url($0) } ?? ResponseCache.defaultURL)
        let progress = ProgressLine()
        let outcome = try await session.execute(progress: { progress.show($0) })
        Terminal.output(ResultsSummary.text(outcome.results))
        let counts = outcome.counts
        Terminal.output(
            "judged: \(counts.samples) asked (\(counts.cacheHits) from the cache), \(counts.resumed) kept, \(counts.errors) errors"
        )
        Terminal.output("judgements: \(directory.judgements.path)")
        if counts.errors > 0 { throw ExitCode(3) }
    }
}
