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
        // All shard journals into one file, then compacted into (suite, key) order.
        try output.create()
        let combined = try LineFileWriter(replacing: output.samples)
        let encoder = Journal.makeEncoder()
        var keys: [(suite: Int, key: String)] = []
        let suiteOrder = Dictionary(uniqueKeysWithValues: first.suites.enumerated().map { ($0.element.id, $0.offset) })
        for run in runs {
            try Journal.forEachRecord(run.samples) { record, _, _ in
                keys.append((suiteOrder[record.suite] ?? 0, record.key))
                try combined.write(try encoder.encode(record))
            }
        }
        try combined.commit()
        let order = keys.sorted { ($0.suite, $0.key) < ($1.suite, $1.key) }.map(\.key)
        let compaction = try Journal.compact(output.samples, planOrder: order)

        var manifest = first
        manifest.run = output.name
        manifest.plan.shard = nil
        manifest.startedAt = manifests.map(\.startedAt).min() ?? first.startedAt
        manifest.finishedAt = manifests.compactMap(\.finishedAt).max()
        manifest.counts = RunManifest.Counts()
        for other in manifests {
            manifest.counts.modelCalls += other.counts.modelCalls
            manifest.counts.retries += other.counts.retries
            manifest.counts.resumed += other.counts.resumed
        }
        let planned = manifests.reduce(0) { $0 + $1.counts.samples }
        manifest.apply(compaction, planned: planned)
        manifest.complete = manifest.complete && manifests.allSatisfy(\.complete)

        try output.write(manifest, to: output.manifest)
        let results = RunSession.results(manifest: manifest, counts: compaction.counts)
        try output.write(results, to: output.results)
        return results
    }
}
