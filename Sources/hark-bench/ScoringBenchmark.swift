import ArgumentParser
import Foundation
import HarkCore
import HarkScoring

/// Extraction and scoring of many yes/no answers, with the bootstrap interval of F1.
struct ScoringBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score", abstract: "Extract and score yes/no answers with a bootstrap CI of F1.")

    @Option(help: "Answers to score.")
    var responses = 1_000_000

    @Option(help: "Bootstrap resamples.")
    var resamples = 1_000

    @Option(help: "Measured repetitions (after one warm-up).")
    var repeats = 3

    @Flag(help: "Read every answer afresh, without the table of answers already read.")
    var noMemo = false

    static let answers = [
        "Yes", "No.", "Yes, there is a sound of a dog barking in the audio.",
        "No, there is no dog barking in the audio.",
        "I don't hear any dog barking.", "The audio contains the sound of a car horn.", "**No**, only speech.",
        "I am not sure.", "There's no siren here.", "Yes, I can hear it clearly at the start of the clip.",
    ]

    func run() throws {
        var generator = SplitMix64(seed: 1)
        let texts = (0..<responses).map { _ in Self.answers[Int(generator.next() % UInt64(Self.answers.count))] }
        let labels = (0..<responses).map { _ in generator.next() % 2 == 0 ? YesNo.yes : YesNo.no }
        let extractor = DefaultYesNoExtractor(remembering: !noMemo)
        var table = YesNoConfusion()
        let extraction = Measurement.of(repeats: repeats) {
            table = YesNoConfusion()
            for (text, label) in zip(texts, labels) { table.add(label: label, prediction: extractor.extract(text)) }
        }
        var interval: [[Double]] = []
        let bootstrap = Measurement.of(repeats: repeats) {
            interval = Bootstrap.yesNoIntervals(table, resamples: resamples, seed: 7) { [YesNoMetrics($0).f1] }
        }
        let whole = extraction.medianWall + bootstrap.medianWall
        print(
            "scoring: \(responses) answers, \(resamples) bootstrap resamples of F1, median of \(repeats)\(noMemo ? ", every answer read afresh" : "")"
        )
        print(
            String(
                format: "  extract + confusion table  %8.1f ms  (%.0f ns per answer)", extraction.medianWall * 1_000,
                extraction.medianWall / Double(responses) * 1e9))
        print(String(format: "  bootstrap interval of F1   %8.1f ms", bootstrap.medianWall * 1_000))
        print(
            String(
                format: "  total                      %8.1f ms  (CPU / wall %.2f)", whole * 1_000,
                (extraction.medianCPU + bootstrap.medianCPU) / whole))
        print("  F1 \(YesNoMetrics(table).f1), 95% CI \(interval.first ?? [])")
    }
}
