import HarkCore

/// Results of two made-up checkpoints on three hallucination suites, with names that need escaping.
enum TableFixtures {
    static func metrics(
        _ accuracy: Double, _ precision: Double, _ recall: Double, _ f1: Double, _ yes: Double, _ std: Double
    )
        -> [MetricName: MetricValue]
    {
        [
            "accuracy": MetricValue(accuracy, ci: [accuracy - 0.02, accuracy + 0.02], n: 600),
            "precision": MetricValue(precision, ci: [precision - 0.03, precision + 0.01], n: 300),
            "recall": MetricValue(recall, ci: [recall - 0.04, recall + 0.04], n: 300),
            "f1": MetricValue(f1, ci: [f1 - 0.03, f1 + 0.03], n: 600),
            "yes_ratio": MetricValue(yes, ci: [yes - 0.02, yes + 0.02], n: 600),
            "f1_std": MetricValue(std, n: 5),
            "unparsed_rate": MetricValue(0.01, n: 600),
        ]
    }

    static func suite(_ sampling: String, _ values: [MetricName: MetricValue]) -> RunResults.SuiteResults {
        var counts = RunResults.SuiteCounts()
        counts.samples = 600
        counts.answered = 600
        return RunResults.SuiteResults(
            id: "audiocaps-\(sampling)", task: .yesNo, fingerprint: "sha256:0", counts: counts, metrics: values,
            slices: ["sampling": [sampling: values]])
    }

    static func run(_ name: String, _ suites: [RunResults.SuiteResults]) -> ResultsTableRun {
        let manifest = RunManifest(
            run: name, suites: [], model: .init(name: name, adapter: "openai", identity: name, settings: .object([:])),
            generation: GenerationSettings(), audio: .object([:]), plan: .init(), seeds: [:],
            startedAt: "2026-11-27T00:00:00Z")
        return (name, RunResults(manifest: manifest, suites: suites))
    }

    typealias ResultsTableRun = (name: String, results: RunResults)

    static let runs: [ResultsTableRun] = [
        run(
            "qwen2_audio 7B & co",
            [
                suite("random", metrics(0.65, 0.97, 0.305, 0.464, 0.843, 0.031)),
                suite("popular", metrics(0.61, 0.93, 0.25, 0.394, 0.87, 0.028)),
                suite("adversarial", metrics(0.58, 0.90, 0.20, 0.327, 0.89, 0.040)),
            ]),
        run(
            "balsa 100% #3",
            [
                suite("random", metrics(0.798, 0.719, 0.976, 0.828, 0.321, 0.012)),
                suite("popular", metrics(0.77, 0.70, 0.95, 0.806, 0.34, 0.015)),
                suite("adversarial", metrics(0.74, 0.68, 0.93, 0.786, 0.37, 0.019)),
            ]),
    ]
}
