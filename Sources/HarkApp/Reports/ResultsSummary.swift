import Foundation
public import HarkCore
import HarkRecords

/// The few lines a command prints about a run's results: per suite, counts and main metrics.
public enum ResultsSummary {
    public static func text(_ results: RunResults) -> String {
        results.suites.map { suite in
            var line =
                "\(suite.id): \(suite.counts.samples) samples, \(suite.counts.answered) answered, \(suite.counts.errors) errors"
            if let unparsed = suite.counts.unparsed { line += ", \(unparsed) unparsed" }
            let shown: [MetricName] = [
                .accuracy, .precision, .recall, .f1, .yesRatio, .bias, .f1Std, .echoI, .echoS, .cover,
            ]
            let metrics = shown.compactMap { name in
                suite.metrics[name].map { String(format: "%@ %.2f", name.rawValue, $0.value * 100) }
            }
            if !metrics.isEmpty { line += "\n  " + metrics.joined(separator: "  ") }
            if let usage = suite.counts.usage {
                line += String(
                    format: "\n  tokens: %d prompt, %d completion (%.1f and %.1f per sample)", usage.promptTokens,
                    usage.completionTokens,
                    usage.meanPromptTokens, usage.meanCompletionTokens)
                if usage.flatWithDuration == true {
                    line +=
                        "\n  warning: prompt tokens do not grow with clip duration: the server may be ignoring the audio"
                }
            }
            return line
        }.joined(separator: "\n")
    }
}
