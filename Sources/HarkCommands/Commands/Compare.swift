import ArgumentParser
import Foundation
import HarkApp
import HarkCore
import HarkGate
import HarkRecords
import HarkRun
import HarkScoring

/// `hark compare BASELINE CANDIDATE [MORE...]`: paired statistics between runs.
struct Compare: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract:
            "Compare runs of the same suites item by item: changes with paired intervals and p-values, flipped items.")

    @Argument(help: "The baseline run, then one or more candidates (names under --results, or folders).")
    var runs: [String]

    @OptionGroup var folders: RunFolders

    @Flag(help: "Compare runs of suites that differ, on the samples both have.")
    var allowMismatch = false

    @Option(help: "Paired bootstrap resamples.")
    var resamples = 10_000

    @Option(help: "Seed of the bootstrap.")
    var seed: UInt64 = 0

    @Option(help: "How p-values are adjusted for the number of changes: holm, bh or none.")
    var adjust = "holm"

    @Option(help: "Also write the comparison as Markdown to this file.")
    var markdown: String?

    @Option(help: "Also write the comparison as JSON to this file.")
    var json: String?

    func run() async throws {
        guard runs.count >= 2 else { throw ValidationError("name a baseline and at least one candidate") }
        guard let adjustment = Multiplicity(rawValue: adjust) else {
            throw ValidationError("--adjust takes holm, bh or none, not \(adjust)")
        }
        let baseline = try LoadedRun(folders.locate(runs[0]))
        var comparisons: [RunComparison] = []
        for candidate in runs.dropFirst() {
            comparisons.append(
                try ComparisonReports.compare(
                    baseline: baseline,
                    candidate: LoadedRun(folders.locate(candidate)),
                    allowMismatch: allowMismatch,
                    resamples: resamples, seed: seed, adjustment: adjustment))
        }
        for warning in comparisons.compactMap(\.fingerprintWarning) { Terminal.error("warning: " + warning) }
        let text = comparisons.map { ComparisonReports.markdown($0) }.joined(separator: "\n")
        Terminal.output(text)
        if let markdown { try text.write(to: WorkingDirectory.url(markdown), atomically: true, encoding: .utf8) }
        if let json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(comparisons).write(to: WorkingDirectory.url(json))
        }
    }
}
