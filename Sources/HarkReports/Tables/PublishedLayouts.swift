import HarkCore

/// Each benchmark's published table as a layout, so that `hark report --layout mmau` prints the
/// table the paper printed, from hark's results. Slice columns read the tags hark's importers keep
/// (`task`, `difficulty`, `modality`, `category`, `set`); a column no run has is left out.
enum PublishedLayouts {
    typealias Metric = TableLayout.Metric

    static let all: [String: TableLayout] = [
        "kuan2024": TableLayout(
            title: "Object hallucination (Kuan et al. 2024, Table 1)", rows: .suiteRun, tasks: [.yesNo],
            metrics: [
                Metric(key: .accuracy, label: "Acc"), Metric(key: .precision, label: "P"),
                Metric(key: .recall, label: "R"), Metric(key: .f1, label: "F1"),
                Metric(key: .yesRatio, label: "Yes", better: .balanced),
            ], label: "tab:kuan2024"),
        "icassp2025": TableLayout(
            title: "Hallucination tasks and answer pairs (Kuan & Lee, ICASSP 2025)", rows: .suiteRun,
            tasks: [.yesNo],
            metrics: [
                Metric(key: .accuracy, label: "Acc"), Metric(key: .precision, label: "P"),
                Metric(key: .recall, label: "R"), Metric(key: .f1, label: "F1"),
                Metric(key: .yesRatio, label: "Yes", better: .balanced),
                Metric(key: "pair_c_c", label: "C-C", optional: true, group: "Pairs"),
                Metric(key: "pair_ic_ic", label: "IC-IC", better: .lower, optional: true, group: "Pairs"),
                Metric(key: "pair_c_ic", label: "C-IC", better: .none, optional: true, group: "Pairs"),
                Metric(key: "pair_ic_c", label: "IC-C", better: .none, optional: true, group: "Pairs"),
            ], label: "tab:icassp2025"),
        "mmau": TableLayout(
            title: "MMAU test-mini accuracy by task and difficulty", rows: .run, tasks: [.multipleChoice],
            metrics: slices("task", [("sound", "Sound"), ("music", "Music"), ("speech", "Speech")], group: "Task")
                + slices("difficulty", [("easy", "Easy"), ("medium", "Medium"), ("hard", "Hard")], group: "Difficulty")
                + [Metric(key: .accuracy, label: "Avg")], label: "tab:mmau"),
        "mmar": TableLayout(
            title: "MMAR accuracy by modality and reasoning layer", rows: .run, tasks: [.multipleChoice],
            metrics: slices(
                "modality",
                [
                    ("sound", "Sound"), ("music", "Music"), ("speech", "Speech"), ("mix-sound-music", "Sound-Music"),
                    ("mix-sound-speech", "Sound-Speech"), ("mix-music-speech", "Music-Speech"),
                    ("mix-sound-music-speech", "Sound-Music-Speech"),
                ], group: "Modality")
                + slices(
                    "category",
                    [
                        ("Signal Layer", "Signal"), ("Perception Layer", "Perception"),
                        ("Semantic Layer", "Semantic"), ("Cultural Layer", "Cultural"),
                    ], group: "Layer")
                + [Metric(key: .accuracy, label: "Avg")], label: "tab:mmar"),
        // SAKURA's published figures are its LLM judge's: the judged accuracy of each set.
        "sakura": TableLayout(
            title: "SAKURA accuracy (judged) by track, single and multi hop", rows: .run, tasks: [.multipleChoice],
            metrics: ["gender", "language", "emotion", "animal"].flatMap { track in
                slices(
                    "set", [("\(track) single", "Single"), ("\(track) multi", "Multi")], group: track.capitalized,
                    key: MetricName.accuracy.judged)
            }, label: "tab:sakura"),
        "speech-ifeval": TableLayout(
            title: "Speech-IFEval instruction-following rates", rows: .run, tasks: [.instructionFollowing],
            metrics: [
                Metric(key: .closedEndedRate, label: "Closed-ended", optional: true),
                Metric(key: .creativeWritingRate, label: "Creative writing", optional: true),
                Metric(key: .cotRate, label: "CoT", optional: true), Metric(key: .ifRate, label: "IFrate"),
            ], label: "tab:speech-ifeval"),
    ]

    /// `key` (accuracy) of each value of `tag`, a column each, under one header.
    static func slices(
        _ tag: String, _ values: [(value: String, label: String)], group: String, key: MetricName = .accuracy
    ) -> [Metric] {
        values.map { Metric(key: key, label: $0.label, optional: true, slice: tag, value: $0.value, group: group) }
    }
}
