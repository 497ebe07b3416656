import Foundation
public import HarkCore

/// `hark merge`: shard runs of the same suites and model made into one run.
public enum RunMerger {
    /// Merges the runs into `output`; refuses runs of other suites, models or settings.
    @discardableResult
    public static func merge(_ runs: [RunDirectory], into output: RunDirectory) throws -> RunResults {
        guard let firstRun = runs.first else { throw HarkError.badInput("merge needs at least one run") }
        var manifests: [RunManifest] = []
        for run in runs {
            guard let manifest = try run.readManifest() else {
                throw HarkError.badInput("not a run folder (no manifest.json)", at: SourceLocation(file: run.url.path))
            }
            manifests.append(manifest)
        }
        let first = manifests[0]
        for (run, manifest) in zip(runs, manifests).dropFirst() {
            if manifest.suites != first.suites {
                throw HarkError.badInput("its suites differ from those of \(firstRun.url.path)", at: SourceLocation(file: run.manifest.path))
            }
            if manifest.model.identity != first.model.identity || manifest.generation != first.generation
                || manifest.audio != first.audio || manifest.plan.repeats != first.plan.repeats
            {
                throw HarkError.badInput("its model or settings differ from those of \(firstRun.url.path)", at: SourceLocation(file: run.manifest.path))
            }
        }
        var byKey: [String: SampleRecord] = [:]
        for run in runs {
            for record in try Journal.read(run.samples) where byKey[record.key].map({ !$0.isAnswered }) ?? true {
                byKey[record.key] = record
            }
        }
        let suiteOrder = Dictionary(uniqueKeysWithValues: first.suites.enumerated().map { ($0.element.id, $0.offset) })
        let records = byKey.values.sorted {
            (suiteOrder[$0.suite] ?? 0, $0.key) < (suiteOrder[$1.suite] ?? 0, $1.key)
        }

        var manifest = first
        manifest.run = output.name
        manifest.plan.shard = nil
        manifest.startedAt = manifests.map(\.startedAt).min() ?? first.startedAt
        manifest.finishedAt = manifests.compactMap(\.finishedAt).max()
        var counts = RunManifest.Counts()
        for other in manifests {
            counts.samples += other.counts.samples
            counts.modelCalls += other.counts.modelCalls
            counts.retries += other.counts.retries
            counts.resumed += other.counts.resumed
        }
        counts.answered = records.count { $0.isAnswered }
        counts.errors = records.count { !$0.isAnswered }
        counts.cacheHits = records.count(where: \.cached)
        counts.emptyAnswers = records.count { $0.isAnswered && ($0.response ?? "").isEmpty }
        manifest.counts = counts
        manifest.complete = manifests.allSatisfy(\.complete) && records.count == counts.samples

        try output.create()
        try Journal.write(records, to: output.samples)
        try output.write(manifest, to: output.manifest)
        let results = RunSession.results(manifest: manifest, records: records)
        try output.write(results, to: output.results)
        return results
    }
}
