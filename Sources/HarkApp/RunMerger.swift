import Foundation
public import HarkCore
public import HarkRecords
import HarkRun

/// `hark merge`: shard runs of the same suites and model made into one run.
public enum RunMerger {
    /// Refuses shards that would merge into a run that is not whole: a shard not finished, the same
    /// shard twice, shards missing from the plan (`i/N` for every i), or a fingerprint that differs.
    static func checkShards(_ runs: [RunDirectory], _ manifests: [RunManifest]) throws {
        var seen: [String: String] = [:]
        var shards: [Shard] = []
        for (run, manifest) in zip(runs, manifests) {
            guard manifest.complete else {
                throw HarkError(
                    .incomplete, "shard \(manifest.plan.shard ?? run.name) is not finished: resume it before merging",
                    at: SourceLocation(file: run.manifest.path))
            }
            let parsed = try manifest.plan.shard.map(Shard.init)
            if let parsed { shards.append(parsed) }
            let shard = parsed?.description ?? "whole"
            if let other = seen[shard] {
                throw HarkError.badInput(
                    "shard \(shard) is given twice (\(other) and \(run.url.path))",
                    at: SourceLocation(file: run.manifest.path))
            }
            seen[shard] = run.url.path
            if manifest.model.fingerprint != manifests[0].model.fingerprint {
                throw HarkError.badInput(
                    "its model's fingerprint differs from that of \(runs[0].url.path)",
                    at: SourceLocation(file: run.manifest.path))
            }
        }
        guard let total = shards.first?.count else { return }
        guard shards.count == manifests.count else {
            throw HarkError.badInput(
                "a whole run cannot be merged with shards (\(shards.map(\.description).joined(separator: ", ")))")
        }
        guard shards.allSatisfy({ $0.count == total }) else {
            throw HarkError.badInput(
                "shards of different splits cannot be merged: \(shards.map(\.description).joined(separator: ", "))")
        }
        let missing = (0..<total).filter { index in !shards.contains { $0.index == index && $0.count == total } }
        guard missing.isEmpty else {
            throw HarkError(
                .incomplete,
                "shards missing from the merge: " + missing.map { "\($0)/\(total)" }.joined(separator: ", "))
        }
    }

    /// Merges the runs into `output`; refuses runs of other suites, models or settings, and
    /// shards that are unfinished, repeated or incomplete (`checkShards`).
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
                throw HarkError.badInput(
                    "its suites differ from those of \(firstRun.url.path)", at: SourceLocation(file: run.manifest.path))
            }
            if manifest.model.identity != first.model.identity || manifest.generation != first.generation
                || manifest.audio != first.audio || manifest.plan.repeats != first.plan.repeats
            {
                throw HarkError.badInput(
                    "its model or settings differ from those of \(firstRun.url.path)",
                    at: SourceLocation(file: run.manifest.path))
            }
        }
        try checkShards(runs, manifests)
        // All shard journals into one file, indexed as it is written, then rewritten in (suite, key)
        // order: each shard record is decoded once here and once by the rewrite, which counts it.
        try output.create()
        let combined = try LineFileWriter(replacing: output.samples)
        var keys: [(suite: Int, key: String)] = []
        var index = JournalIndex()
        let suiteOrder = Dictionary(uniqueKeysWithValues: first.suites.enumerated().map { ($0.element.id, $0.offset) })
        for run in runs {
            try Journal.forEachRecord(run.samples) { record, _ in
                keys.append((suiteOrder[record.suite] ?? 0, record.key))
                let line = record.jsonLine
                index.append(key: record.key, length: line.count)
                try combined.write(line)
            }
        }
        try combined.commit()
        let order = keys.sorted { ($0.suite, $0.key) < ($1.suite, $1.key) }.map(\.key)
        let rewrite = try Journal.rewrite(output.samples, index: index, planOrder: order) { _ in }

        var manifest = first
        manifest.run = output.name
        manifest.plan.shard = nil
        let perSuite = manifests.compactMap(\.plan.suiteSamples)
        manifest.plan.suiteSamples =
            perSuite.count == manifests.count ? perSuite.reduce(into: [:]) { $0.merge($1, uniquingKeysWith: +) } : nil
        manifest.startedAt = manifests.map(\.startedAt).min() ?? first.startedAt
        manifest.finishedAt = manifests.compactMap(\.finishedAt).max()
        manifest.counts = RunManifest.Counts()
        for other in manifests {
            manifest.counts.modelCalls += other.counts.modelCalls
            manifest.counts.retries += other.counts.retries
            manifest.counts.resumed += other.counts.resumed
        }
        let planned = manifests.reduce(0) { $0 + $1.counts.samples }
        manifest.apply(rewrite.counts, records: rewrite.records, planned: planned)
        manifest.complete = manifest.complete && manifests.allSatisfy(\.complete)

        try output.write(manifest, to: output.manifest)
        let results = RunSession.results(manifest: manifest, counts: rewrite.counts)
        try output.write(results, to: output.results)
        return results
    }
}
