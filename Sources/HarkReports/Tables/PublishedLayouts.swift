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
        // AHa-Bench's eval_metric.py tables: accuracy by type with the average over all samples,
        // and the bias and consistency averaged over types.
        "ahabench": TableLayout(
            title: "AHa-Bench accuracy by type, bias and consistency", rows: .run, tasks: [.yesNo],
            metrics: slices(
                "task_type",
                [
                    ("source", "Source"), ("distance", "Distance"), ("duration", "Duration"),
                    ("repetition", "Repetition"), ("inferred sound", "Inferred sound"),
                    ("temporal sequence", "Temporal"), ("existence", "Existence"), ("Authenticity", "Authenticity"),
                    ("homophone", "Homophone"), ("inferredsound", "Inferred sound (speech)"),
                    ("knowledge", "Knowledge"), ("overreliance", "Over-reliance"), ("polysemy", "Polysemy"),
                    ("prosodic", "Prosodic"),
                ], group: "Accuracy")
                + [
                    Metric(key: .accuracy, label: "Avg", group: "Accuracy"),
                    Metric(key: .bias, label: "Bias", better: .zero),
                    Metric(key: .clipAllRight, label: "All right", optional: true, group: "Consistency"),
                    Metric(
                        key: .clipAllWrong, label: "All wrong", better: .lower, optional: true, group: "Consistency"),
                ], label: "tab:ahabench"),
        // CMM's audio columns: perception accuracy and hallucination resistance by subcategory.
        "cmm": TableLayout(
            title: "CMM audio: perception accuracy (PA) and hallucination resistance (HR)", rows: .run, tasks: [.yesNo],
            metrics: ["audio-language", "audio_dominance"].flatMap { sub in
                [
                    Metric(
                        key: .perceptionAccuracy, label: "PA", optional: true, slice: "sub_category", value: sub,
                        group: sub),
                    Metric(
                        key: .hallucinationResistance, label: "HR", optional: true, slice: "sub_category", value: sub,
                        group: sub),
                ]
            } + [
                Metric(key: .perceptionAccuracy, label: "PA", group: "Overall"),
                Metric(key: .hallucinationResistance, label: "HR", group: "Overall"),
            ], label: "tab:cmm"),
        // HalluAudio: binary and open accuracy, the yes-prediction ratio and refusals, by suite.
        "halluaudio": TableLayout(
            title: "HalluAudio accuracy, yes-prediction ratio and refusals", rows: .suiteRun, tasks: [.yesNo, .openQA],
            metrics: [
                Metric(key: .accuracy, label: "Acc"),
                Metric(key: .yesRatio, label: "Yes", better: .balanced, optional: true),
                Metric(key: .refusalRate, label: "Refusal", optional: true),
                Metric(key: .falseRefusalRate, label: "FRR", better: .lower, optional: true),
            ], label: "tab:halluaudio"),
    ]

    /// `key` (accuracy) of each value of `tag`, a column each, under one header.
    static func slices(
        _ tag: String, _ values: [(value: String, label: String)], group: String, key: MetricName = .accuracy
    ) -> [Metric] {
        values.map { Metric(key: key, label: $0.label, optional: true, slice: tag, value: $0.value, group: group) }
    }
}
