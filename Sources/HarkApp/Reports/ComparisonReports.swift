import Foundation
import HarkCore
public import HarkGate
public import HarkRecords
public import HarkReports
public import HarkScoring

/// Comparisons and gates read from run folders.
public enum ComparisonReports {
    public static func side(_ run: LoadedRun) throws -> RunComparison.Side {
        RunComparison.Side(name: run.name, results: run.results, scores: try run.scoreRecords())
    }

    /// Compares loaded runs; the flips carry their questions, full answers and clips.
    public static func compare(
        baseline: LoadedRun, candidate: LoadedRun, allowMismatch: Bool = false, resamples: Int = 10_000,
        seed: UInt64 = 0, adjustment: Multiplicity = .holm
    ) throws -> RunComparison {
        var comparison = try RunComparison(
            baseline: side(baseline), candidate: side(candidate), allowMismatch: allowMismatch, resamples: resamples,
            seed: seed, adjustment: adjustment)
        comparison.describeFlips(baseline: try baseline.samplesByKey(), candidate: try candidate.samplesByKey())
        return comparison
    }

    /// Marks the cells of `table` whose paired change against the run named `reference` is
    /// significant at `level` after the multiplicity correction, each run compared as `hark compare`
    /// compares it; the caption says what the marker means.
    public static func markSignificance(
        _ table: inout ResultsTable, runs: [LoadedRun], reference: String, adjustment: Multiplicity = .holm,
        level: Double = 0.05, resamples: Int = 10_000
    ) throws {
        guard let base = runs.first(where: { $0.name == reference }) else {
            throw HarkError.badInput(
                "no run named \"\(reference)\" among \(runs.map(\.name).joined(separator: ", "))",
                at: SourceLocation(file: "--reference"))
        }
        var significant: Set<String> = []
        let baseline = try side(base)
        for run in runs where run.name != base.name {
            // Compared as `hark compare --allow-mismatch` would: the samples both runs have. A run
            // that shares no suite with the reference has nothing to mark.
            guard
                let comparison = try? RunComparison(
                    baseline: baseline, candidate: side(run), allowMismatch: true, resamples: resamples,
                    adjustment: adjustment)
            else { continue }
            for suite in comparison.suites {
                for change in suite.changes where change.decidingPValue < level {
                    significant.insert("\(run.name)\t\(suite.suite)\t\(change.metric.rawValue)")
                }
            }
        }
        let adjusted = adjustment == .unadjusted ? "unadjusted" : "\(adjustment.rawValue)-adjusted"
        table.markSignificant(
            explained:
                "\(table.layout.marker): the paired change against \(base.name) is significant (p < \(level), \(adjusted))."
        ) { significant.contains("\($0)\t\($1)\t\($2.rawValue)") }
    }

    /// The comparison as Markdown: per suite a table of changes, then the flipped items.
    public static func markdown(_ comparison: RunComparison, flips: Int = 20) -> String {
        var lines = ["## \(comparison.candidate) against \(comparison.baseline)", ""]
        var leftOut =
            "Left out: \(comparison.baselineLeftOut) samples of \(comparison.baseline), \(comparison.candidateLeftOut) of \(comparison.candidate)"
        if !comparison.baselineOnlySuites.isEmpty {
            leftOut +=
                "; suites only in \(comparison.baseline): " + comparison.baselineOnlySuites.joined(separator: ", ")
        }
        if !comparison.candidateOnlySuites.isEmpty {
            leftOut +=
                "; suites only in \(comparison.candidate): " + comparison.candidateOnlySuites.joined(separator: ", ")
        }
        lines += [leftOut + ".", ""]
        for suite in comparison.suites {
            lines.append("### \(suite.suite)")
            lines.append("")
            var note =
                "\(suite.sharedSamples) samples compared; left out \(suite.baselineOnly) of \(comparison.baseline), \(suite.candidateOnly) of \(comparison.candidate)"
            if suite.fingerprintsDiffer { note += " (the suites differ)" }
            if let why = suite.note { note += "; " + why }
            lines += [
                note, "",
                "| metric | \(comparison.baseline) | \(comparison.candidate) | change | 95% CI | p | p \(comparison.adjustment.rawValue) | detectable | test |",
                "|---|---:|---:|---:|---|---:|---:|---:|---|",
            ]
            for change in suite.changes {
                let test = change.clusters.map { "\(change.test), \($0) clusters" } ?? change.test
                lines.append(
                    String(
                        format: "| %@ | %.2f | %.2f | %+.2f | [%+.2f, %+.2f] | %.4g | %.4g | ±%.2f | %@ |",
                        change.metric.rawValue, change.baseline * 100,
                        change.candidate * 100, change.difference * 100, change.ci[0] * 100, change.ci[1] * 100,
                        change.pValue, change.decidingPValue, (change.minimumDetectableEffect ?? 0) * 100, test))
            }
            if let rates = suite.ifRate, let forgetting = suite.forgettingRate {
                lines += [
                    "",
                    String(
                        format: "IFrate %.2f → %.2f: forgetting rate Δ %+.2f%%", rates[0] * 100, rates[1] * 100,
                        forgetting),
                ]
            }
            if let effect = suite.listening { lines += [""] + listeningLines(effect) }
            let shown = suite.flips.prefix(flips)
            if !shown.isEmpty {
                lines += [
                    "", "Flipped (right → wrong first): \(suite.flips.count)", "",
                    "| | sample | question | clip | expected | \(comparison.baseline) | \(comparison.candidate) |",
                    "|---|---|---|---|---|---|---|",
                ]
                func cell(_ text: String?) -> String {
                    (text ?? "").replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
                }
                for flip in shown {
                    let before = flip.baselineResponse.map { "\(flip.baseline): \($0)" } ?? flip.baseline
                    let after = flip.candidateResponse.map { "\(flip.candidate): \($0)" } ?? flip.candidate
                    lines.append(
                        "| \(flip.direction) | \(flip.key) | \(cell(flip.prompt)) | \(cell(flip.audio?.joined(separator: ", "))) | \(flip.expected) | \(cell(before)) | \(cell(after)) |"
                    )
                }
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// A listening control's effect on one suite, as Markdown.
    static func listeningLines(_ effect: ListeningEffect) -> [String] {
        func share(_ estimate: ProportionEstimate) -> String {
            String(
                format: "%.2f [%.2f, %.2f] (n = %d)", estimate.value * 100, estimate.ci[0] * 100,
                estimate.ci[1] * 100, estimate.n)
        }
        var lines = [
            "Listening control (\(effect.control.rawValue), run \(effect.controlRun)), \(effect.samples) samples:", "",
            "| measure | value |", "|---|---|",
            String(
                format: "| accuracy: real → control | %.2f → %.2f (drop %+.2f) |", effect.realAccuracy * 100,
                effect.controlAccuracy * 100, effect.accuracyDrop * 100),
            "| audio-insensitivity (answer unchanged) | \(share(effect.audioInsensitivity)) |",
        ]
        if let yes = effect.controlYesRatio { lines.append("| yes-ratio on the control | \(share(yes)) |") }
        if let yes = effect.yesOnSilence { lines.append("| yes on silence | \(share(yes)) |") }
        return lines
    }

    /// The gate's verdicts as JUnit: one test case per rule × suite.
    public static func junit(_ verdicts: [Gate.Verdict], candidate: String) -> JUnitReport {
        let cases = verdicts.map { verdict in
            JUnitReport.TestCase(
                name: "\(verdict.metric): \(verdict.rule)", classname: "gate.\(verdict.suite)",
                outcome: verdict.passed ? .passed : .failed(message: verdict.message, details: verdict.message))
        }
        return JUnitReport(suites: [JUnitReport.TestSuite(name: "gate × \(candidate)", cases: cases)])
    }
}
