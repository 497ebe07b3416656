import HarkCore
import HarkRecords
public import HarkRun
public import HarkSuites

extension RunSession {
    /// The run and its scoring: the suites' scoring settings are checked before the model is
    /// asked, and the finished journal is scored as it is rewritten, so it is decoded once.
    public func executeAndScore(
        clips: ClipCatalog = ClipCatalog(), warn: @Sendable (String) -> Void = { _ in },
        progress: @Sendable (RunProgress) -> Void = { _ in }
    ) async throws -> Finished {
        try RunScoring.check(suites.map(\.suite))
        let pass = try RunScoring.Pass(suites: suites.map(\.suite), directory: directory, repeats: planner.repeats)
        var outcome = try await execute(clips: clips, warn: warn, progress: progress, visit: pass.add)
        outcome.results = try pass.finish(outcome.results)
        return outcome
    }
}
