public import Foundation
import HarkCore
import HarkGate
public import HarkRecords
public import HarkReports
import HarkScoring
import HarkSuites

/// Reports made from run folders: the HTML report (journal, scores and clips joined) and JUnit.
public enum RunReport {
    /// Where a report of these runs goes unless told: `reports/<run>+<run>…`.
    public static func defaultFolder(for runs: [LoadedRun]) -> String {
        "reports/" + runs.map(\.name).joined(separator: "+")
    }

    /// Writes the HTML report of the runs to `file`. Clips are linked relative to the report, or
    /// embedded (data URLs) up to `embedBytes` in all; suites that cannot be found get no players.
    public static func writeHTML(_ runs: [LoadedRun], to file: URL, embedBytes: Int? = nil, resamples: Int = 2_000)
        throws
    {
        let loaded = runs.map { (name: $0.name, results: $0.results) }
        var items: [ExplorerItem] = []
        for run in runs {
            items += ExplorerItem.join(run: run.name, samples: try run.sampleRecords(), scores: try run.scoreRecords())
        }
        // The clips are only linked: the suites are found, not fingerprinted.
        var suites: [String: Suite] = [:]
        for suite in RunSuites.locate(for: runs.map(\.manifest)) { suites[suite.id] = suite }
        let reportDirectory = file.deletingLastPathComponent()
        var budget = embedBytes ?? 0
        var sources: [String: String] = [:]
        var report = HTMLReport(
            title: "hark report: " + loaded.map(\.name).joined(separator: ", "), runs: loaded, items: items,
            comparisons: try comparisons(runs, resamples: resamples)
        ) {
            suiteID, path in
            guard let suite = suites[suiteID] else { return nil }
            let clip = suite.url(of: AudioRef(path: path))
            if let known = sources[clip.path] { return known }
            var source = clip.path(relativeTo: reportDirectory)
            if embedBytes != nil, let data = FileManager.default.contents(atPath: clip.path), data.count <= budget {
                budget -= data.count
                let type = clip.pathExtension.lowercased() == "mp3" ? "mpeg" : clip.pathExtension.lowercased()
                source = "data:audio/\(type);base64," + data.base64EncodedString()
            }
            sources[clip.path] = source
            return source
        }
        report.listening = try listening(runs, resamples: resamples)
        try FileManager.default.createDirectory(at: reportDirectory, withIntermediateDirectories: true)
        try report.render().write(to: file, atomically: true, encoding: .utf8)
    }

    /// Each later run against the first, where their suites match.
    static func comparisons(_ runs: [LoadedRun], resamples: Int) throws -> [HTMLReport.ComparisonSection] {
        guard let first = runs.first, runs.count > 1 else { return [] }
        let baseline = try ComparisonReports.side(first)
        let before = try? first.samplesByKey()
        return runs.dropFirst().compactMap { run in
            guard
                var comparison = try? RunComparison(
                    baseline: baseline, candidate: ComparisonReports.side(run), resamples: resamples)
            else {
                return nil
            }
            // What the flipped samples asked and answered, with their clips.
            if let before, let after = try? run.samplesByKey() {
                comparison.describeFlips(baseline: before, candidate: after)
            }
            return HTMLReport.ComparisonSection(
                baseline: comparison.baseline, candidate: comparison.candidate,
                rows: comparison.suites.flatMap { suite in
                    suite.changes.map {
                        HTMLReport.ComparisonSection.Row(
                            suite: suite.suite, metric: $0.metric, baseline: $0.baseline, candidate: $0.candidate,
                            difference: $0.difference,
                            ci: $0.ci, pValue: $0.pValue, test: $0.test, adjustedPValue: $0.adjustedPValue)
                    }
                },
                flips: comparison.suites.flatMap { suite in
                    suite.flips.map {
                        HTMLReport.ComparisonSection.Flip(
                            direction: $0.direction, suite: suite.suite, key: $0.key, expected: $0.expected,
                            baseline: $0.baseline, candidate: $0.candidate, prompt: $0.prompt ?? "",
                            baselineResponse: $0.baselineResponse ?? "", candidateResponse: $0.candidateResponse ?? "",
                            audio: $0.audio ?? [])
                    }
                })
        }
    }

    /// Each listening control among the runs beside its real run: the first run without a control
    /// of the same model, else the first without a control, that shares a suite with it.
    static func listening(_ runs: [LoadedRun], resamples: Int) throws -> [HTMLReport.ListeningRow] {
        let real = runs.filter { $0.manifest.plan.control == nil }
        var rows: [HTMLReport.ListeningRow] = []
        for control in runs where control.manifest.plan.control != nil {
            let sameModel = real.filter { $0.manifest.model.name == control.manifest.model.name }
            for candidate in sameModel + real {
                guard
                    let comparison = try? RunComparison(
                        baseline: ComparisonReports.side(candidate), candidate: ComparisonReports.side(control),
                        resamples: resamples)
                else { continue }
                for suite in comparison.suites {
                    guard let effect = suite.listening else { continue }
                    rows.append(
                        HTMLReport.ListeningRow(
                            suite: suite.suite, real: candidate.name, control: control.name,
                            kind: effect.control.rawValue, realAccuracy: effect.realAccuracy,
                            controlAccuracy: effect.controlAccuracy,
                            audioInsensitivity: (effect.audioInsensitivity.value, effect.audioInsensitivity.ci),
                            controlYesRatio: effect.controlYesRatio.map { ($0.value, $0.ci) },
                            yesOnSilence: effect.yesOnSilence.map { ($0.value, $0.ci) }))
                }
                break
            }
        }
        return rows
    }

    /// The JUnit report of the runs, with per-item cases up to `itemCap`.
    public static func junit(_ runs: [LoadedRun], thresholds: [Threshold], itemCap: Int) throws -> String {
        let loaded = runs.map { (name: $0.name, results: $0.results) }
        var items: [String: [ResultsJUnit.ItemOutcome]] = [:]
        if itemCap > 0 {
            for run in runs {
                items[run.name] = try run.scoreRecords().prefix(itemCap).map(ResultsJUnit.ItemOutcome.init)
            }
        }
        return try JUnitWriter.xml(
            ResultsJUnit.report(runs: loaded, thresholds: thresholds, items: items, itemCap: itemCap))
    }
}
