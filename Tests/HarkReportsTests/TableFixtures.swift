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

extension TableFixtures {
    /// A run of one suite of `task` whose accuracy is `overall` and, per tag, per value, the given
    /// accuracy (the slices the published layouts read); `adapter` makes it a baseline or not.
    static func slicedRun(
        _ name: String, task: TaskKind = .multipleChoice, suite id: String, overall: Double,
        metrics extra: [MetricName: Double] = [:], slices: [String: [String: Double]],
        sliceKey: MetricName = "accuracy",
        adapter: String = "openai"
    ) -> ResultsTableRun {
        var counts = RunResults.SuiteCounts()
        counts.samples = 400
        counts.answered = 400
        var metrics: [MetricName: MetricValue] = [
            "accuracy": MetricValue(overall, ci: [overall - 0.04, overall + 0.04], n: 400)
        ]
        for (key, value) in extra { metrics[key] = MetricValue(value, ci: [value - 0.05, value + 0.05], n: 200) }
        let suite = RunResults.SuiteResults(
            id: id, task: task, fingerprint: "sha256:0", counts: counts,
            scoring: .object(["extractor": .string("mmau"), "policy": .string("hark")]), metrics: metrics,
            slices: slices.mapValues { values in
                values.mapValues { [sliceKey: MetricValue($0, ci: [$0 - 0.06, $0 + 0.06], n: 100)] }
            })
        let manifest = RunManifest(
            run: name, suites: [], model: .init(name: name, adapter: adapter, identity: name, settings: .object([:])),
            generation: GenerationSettings(), audio: .object([:]), plan: .init(), seeds: [:],
            startedAt: "2026-11-27T00:00:00Z")
        return (name, RunResults(manifest: manifest, suites: [suite]))
    }

    /// Runs for each published layout: two checkpoints and a built-in baseline.
    static func published(_ layout: String) -> [ResultsTableRun] {
        func three(_ make: (String, Double, String) -> ResultsTableRun) -> [ResultsTableRun] {
            [make("qwen2-audio", 0.0, "openai"), make("balsa", 0.05, "openai"), make("random", -0.2, "random")]
        }
        switch layout {
        case "mmau":
            return three { name, shift, adapter in
                slicedRun(
                    name, suite: "mmau-test-mini", overall: 0.55 + shift,
                    slices: [
                        "task": ["sound": 0.6 + shift, "music": 0.5 + shift, "speech": 0.45 + shift],
                        "difficulty": ["easy": 0.7 + shift, "medium": 0.5 + shift, "hard": 0.4 + shift],
                    ], adapter: adapter)
            }
        case "mmar":
            return three { name, shift, adapter in
                slicedRun(
                    name, suite: "mmar", overall: 0.5 + shift,
                    slices: [
                        "modality": [
                            "sound": 0.5 + shift, "music": 0.4 + shift, "speech": 0.6 + shift,
                            "mix-sound-music": 0.3 + shift, "mix-sound-speech": 0.55 + shift,
                            "mix-music-speech": 0.45 + shift, "mix-sound-music-speech": 0.35 + shift,
                        ],
                        "category": [
                            "Signal Layer": 0.35 + shift, "Perception Layer": 0.5 + shift,
                            "Semantic Layer": 0.55 + shift, "Cultural Layer": 0.45 + shift,
                        ],
                    ], adapter: adapter)
            }
        case "sakura":
            return three { name, shift, adapter in
                let tracks = ["gender", "language", "emotion", "animal"]
                var sets: [String: Double] = [:]
                for (index, track) in tracks.enumerated() {
                    sets["\(track) single"] = 0.7 - 0.05 * Double(index) + shift
                    sets["\(track) multi"] = 0.5 - 0.05 * Double(index) + shift
                }
                return slicedRun(
                    name, suite: "sakura", overall: 0.6 + shift, slices: ["set": sets],
                    sliceKey: MetricName.accuracy.judged,
                    adapter: adapter)
            }
        case "speech-ifeval":
            return three { name, shift, adapter in
                slicedRun(
                    name, task: .instructionFollowing, suite: "speech-ifeval", overall: 0,
                    metrics: [
                        "closed_ended_rate": 0.6 + shift, "creative_writing_rate": 0.5 + shift, "cot_rate": 0.4 + shift,
                        "if_rate": 0.5 + shift,
                    ], slices: [:], adapter: adapter)
            }
        case "ahabench":
            return three { name, shift, adapter in
                slicedRun(
                    name, task: .yesNo, suite: "aha-bench", overall: 0.6 + shift,
                    metrics: ["bias": 0.2 - shift, "clip_all_right": 0.3 + shift, "clip_all_wrong": 0.2 - shift],
                    slices: [
                        "task_type": [
                            "duration": 0.55 + shift, "inferred sound": 0.6 + shift, "homophone": 0.5 + shift,
                            "knowledge": 0.7 + shift,
                        ]
                    ], adapter: adapter)
            }
        case "cmm":
            return three { name, shift, adapter in
                var run = slicedRun(
                    name, task: .yesNo, suite: "cmm-audio", overall: 0.6 + shift,
                    metrics: ["perception_accuracy": 0.8 + shift, "hallucination_resistance": 0.4 + shift],
                    slices: [:], adapter: adapter)
                run.results.suites[0].slices["sub_category"] = [
                    "audio-language": [
                        "perception_accuracy": MetricValue(0.85 + shift, n: 200),
                        "hallucination_resistance": MetricValue(0.35 + shift, n: 200),
                    ],
                    "audio_dominance": [
                        "perception_accuracy": MetricValue(0.75 + shift, n: 200),
                        "hallucination_resistance": MetricValue(0.45 + shift, n: 200),
                    ],
                ]
                return run
            }
        case "halluaudio":
            return three { name, shift, adapter in
                slicedRun(
                    name, task: .openQA, suite: "halluaudio-open", overall: 0.3 + shift,
                    metrics: ["refusal_rate": 0.4 + shift, "false_refusal_rate": 0.2 - shift], slices: [:],
                    adapter: adapter)
            }
        default:  // kuan2024, icassp2025: the hallucination runs, pair shares added
            return runs.map { run in
                var results = run.results
                for index in results.suites.indices {
                    let offset = run.name.hasPrefix("balsa") ? 0.1 : 0
                    for (key, value) in [
                        "pair_c_c": 0.4 + offset, "pair_ic_ic": 0.2 - offset, "pair_c_ic": 0.3, "pair_ic_c": 0.1,
                    ] {
                        results.suites[index].metrics[MetricName(rawValue: key)] = MetricValue(value, n: 300)
                    }
                }
                return (run.name, results)
            } + [slicedRunAlwaysYes()]
        }
    }

    /// The always-yes baseline on the hallucination suites: recall 1, never best.
    static func slicedRunAlwaysYes() -> ResultsTableRun {
        var baseline = run(
            "always-yes", ["random", "popular", "adversarial"].map { suite($0, metrics(0.5, 0.5, 1, 0.667, 1, 0)) })
        baseline.results.manifest.model.adapter = "always-yes"
        return baseline
    }
}
