public import HarkCore
public import HarkModels
public import HarkSuites

/// The check `hark run` makes when the model config names its training data: which of the suites'
/// clips are in it, recorded in the run's manifest and warned about.
public enum TrainingDataCheck {
    /// Compares every suite's clips with the training sets; file hashes come from `clips`, which
    /// has them already from the suites' fingerprints.
    public static func check(
        _ data: TrainingData, suites: [Suite], clips: ClipCatalog
    ) throws -> RunManifest.TrainingOverlap {
        let sets = try data.sets.map { try ClipSet.read($0, audioRoot: data.audioRoot) }
        let training = ClipSet(name: "training data", clips: sets.flatMap(\.clips))
        let evaluation = suites.map { ClipSet(name: $0.id, clips: $0.clips.map($0.url(of:))) }
        let report = ClipOverlap.check(
            training: training, evaluation: evaluation, methods: Set(data.methods), fileHash: clips.sha256)
        return RunManifest.TrainingOverlap(
            sets: data.sets, methods: report.methods, trainingClips: training.clips.count,
            clipsChecked: evaluation.map(\.clips.count).reduce(0, +),
            shared: report.findings.map {
                RunManifest.TrainingOverlap.Shared(
                    suite: $0.set, clip: $0.clip, trainingClip: $0.trainingClip, method: $0.method)
            },
            unreadable: report.unreadable.count)
    }

    /// One warning per suite with shared clips, naming the first few.
    public static func warnings(_ check: RunManifest.TrainingOverlap) -> [String] {
        let bySuite = Dictionary(grouping: check.shared, by: \.suite)
        return bySuite.keys.sorted().map { suite in
            let shared = bySuite[suite] ?? []
            let named = shared.prefix(3).map { "\($0.clip) (\($0.method.rawValue))" }.joined(separator: ", ")
            let more = shared.count > 3 ? ", and \(shared.count - 3) more" : ""
            return "training data: \(shared.count) clip(s) of suite \(suite) are in the model's training data: "
                + named + more
        }
    }
}
