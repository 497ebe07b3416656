import Foundation
import HarkAudio
import HarkCore
import HarkSuites

/// The demo's training pool: scenes of its own, each of two seeded sources (noises, a click train)
/// so that none repeats an evaluation scene, and three evaluation scenes planted in it as a careless pipeline might copy
/// them — the file itself, re-encoded through FLAC and MP3, and trimmed and made quieter. The
/// recipe asks for positive, negative and multi-audio samples.
enum DemoTraining {
    static let scenes = 8
    static let seed: UInt64 = 4_242
    /// The share of answers the simulated text model writes wrongly.
    static let errorRate = 0.25

    /// The planted copies: the evaluation scene, and how it was copied.
    static let planted = [("scene-01.wav", "exact"), ("scene-02.wav", "re-encoded"), ("scene-03.wav", "trimmed")]

    static let recipe = """
        id: demo-balsa
        seed: 7
        system: You write the answers an audio assistant gives, from what a clip is known to hold.
        positive:
          prompts: ["Describe the sounds in the audio.", "What can you hear?"]
          template: "The clip holds {labels}. Answer as the assistant, naming only those sounds: {prompt}"
        negative:
          sampling: adversarial
          template: "The clip holds {labels}, and no {object}. Answer as the assistant, denying the {object} and naming what is heard: {question}"
        multi_audio:
          differences: "What are the differences between the two clips?"
          joint_caption: "Write one caption for both clips."
          template: "Clip 1 holds {first_labels}; clip 2 holds {second_labels}. Answer as the assistant: {prompt}"

        """

    /// Writes the pool, its manifest and the recipe under `directory`; returns the manifest and
    /// the recipe files.
    static func write(to directory: URL, evaluationAudio: URL) throws -> (clips: URL, recipe: URL) {
        let audio = directory.appendingPathComponent("audio")
        try FileManager.default.createDirectory(at: audio, withIntermediateDirectories: true)
        var generator = SplitMix64(seed: seed)
        let noises: [SoundSource] = [.whiteNoise, .pinkNoise, .brownNoise, .clickTrain]
        var entries: [ClipManifest.Entry] = []
        for index in 0..<scenes {
            // Two seeded sources: the tones and sweeps are the same in every clip that holds them.
            let sources = generator.permutation(of: noises.count).prefix(2).map { noises[$0] }.sorted {
                $0.rawValue < $1.rawValue
            }
            let clip = String(format: "train-%02d.wav", index)
            try AudioFile.write(
                SceneSynthesis.mix(sources, seed: seed &+ UInt64(index)), to: audio.appendingPathComponent(clip),
                format: .wav16)
            entries.append(ClipManifest.Entry(clip: clip, objects: sources.map(\.rawValue)))
        }
        let evaluation = try ClipManifest(
            path: evaluationAudio.deletingLastPathComponent().appendingPathComponent("demo-clips.jsonl").path)
        for (scene, copy) in planted {
            let source = evaluationAudio.appendingPathComponent(scene)
            let clip = "copied-\(copy)-\(scene)"
            let target = audio.appendingPathComponent(clip)
            switch copy {
            case "exact":
                try FileManager.default.copyItem(at: source, to: target)
            case "re-encoded":
                let flac = audio.appendingPathComponent("step.flac")
                let mp3 = audio.appendingPathComponent("step.mp3")
                try AudioFile.write(try AudioFile.read(source), to: flac, format: .flac)
                try AudioFile.write(try AudioFile.read(flac), to: mp3, format: .mp3)
                try AudioFile.write(try AudioFile.read(mp3), to: target, format: .wav16)
                try FileManager.default.removeItem(at: flac)
                try FileManager.default.removeItem(at: mp3)
            default:
                var buffer = try AudioFile.read(source)
                let cut = buffer.frames / 12
                buffer.samples = buffer.samples[(cut * buffer.channels)...].map { $0 * 0.5 }
                try AudioFile.write(buffer, to: target, format: .wav16)
            }
            let labels = evaluation.entries.first { $0.clip == scene }?.objects ?? []
            entries.append(ClipManifest.Entry(clip: clip, objects: labels))
        }
        let clips = directory.appendingPathComponent("train-clips.jsonl")
        try Data(ClipManifest(entries: entries).jsonLines.utf8).write(to: clips)
        let recipeFile = directory.appendingPathComponent("recipe.yaml")
        try Data(recipe.utf8).write(to: recipeFile)
        return (clips, recipeFile)
    }

    /// The demo's summary of both: samples by kind, and each evaluation clip found in the pool.
    static func markdown(_ synthesis: SynthesisManifest, _ overlap: ClipOverlap.Report, root: URL) -> String {
        var lines = [
            "### Training samples (hark synthesize)", "",
            "_Recipe \(synthesis.recipe); text model \(synthesis.model.name), simulated: wrong on purpose in \(Int(errorRate * 100))% of answers._",
            "", "| Kind | Requested | Kept | Rejected (reason) | Unanswered |", "| --- | ---: | ---: | --- | ---: |",
        ]
        for (kind, counts) in synthesis.counts.sorted(by: { $0.key < $1.key }) {
            let reasons = counts.rejected.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
            lines.append(
                "| \(kind) | \(counts.requested) | \(counts.kept) | \(reasons.isEmpty ? "0" : reasons.joined(separator: ", ")) | \(counts.failed) |"
            )
        }
        lines += [
            "", "### Evaluation clips in the training pool (hark overlap)", "",
            "_\(overlap.trainingClips) training clips; planted: \(planted.map { "\($0.0) (\($0.1))" }.joined(separator: ", "))._",
            "",
            "| Suites | Clip | Found as | Training clip | Bit error rate |", "| --- | --- | --- | --- | ---: |",
        ]
        func name(_ path: String) -> String { URL(fileURLWithPath: path).lastPathComponent }
        // A clip asked in several suites is one row.
        let byClip = Dictionary(grouping: overlap.findings, by: \.clip)
        for (clip, findings) in byClip.sorted(by: { $0.key < $1.key }) {
            guard let finding = findings.first else { continue }
            let rate = finding.bitErrorRate.map { String(format: "%.3f", $0) } ?? "–"
            let sets = findings.map(\.set).joined(separator: ", ")
            lines.append(
                "| \(sets) | \(name(clip)) | \(finding.method.rawValue) | \(name(finding.trainingClip)) | \(rate) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
