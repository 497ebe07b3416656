public import Foundation
import HarkAudio
import HarkCore
import HarkRecords
import HarkSuites

/// The demo's suites, made from synthetic scenes with no download: each clip mixes one to three
/// sources made in code, the labels are exactly what was mixed in, and two control clips (silence,
/// noise only) stand beside them. From the labels: random, popular and adversarial yes/no probes,
/// multi-audio probes on clip pairs, a multiple-choice suite, a caption suite and an
/// instruction-following suite — every task kind.
public enum DemoSuites {
    public static let scenes = 24
    static let seed: UInt64 = 2_026

    /// Writes the clips and the suites under `directory`; returns the suite folders.
    public static func write(to directory: URL) throws -> [URL] {
        let audio = directory.appendingPathComponent("demo-audio")
        try FileManager.default.createDirectory(at: audio, withIntermediateDirectories: true)
        var generator = SplitMix64(seed: seed)
        var entries: [ClipManifest.Entry] = []
        for index in 0..<scenes {
            let count = 1 + Int(generator.next() % 3)
            let sources = Array(generator.permutation(of: SoundSource.allCases.count).prefix(count)).sorted().map {
                SoundSource.allCases[$0]
            }
            let clip = String(format: "scene-%02d.wav", index)
            try AudioFile.write(
                SceneSynthesis.mix(sources, seed: seed &+ UInt64(index)), to: audio.appendingPathComponent(clip),
                format: .wav16)
            entries.append(ClipManifest.Entry(clip: clip, objects: sources.map(\.rawValue)))
        }
        try AudioFile.write(
            SceneSynthesis.mix([], seed: seed), to: audio.appendingPathComponent("control-silence.wav"), format: .wav16)
        try AudioFile.write(
            SceneSynthesis.mix([.whiteNoise], seed: seed), to: audio.appendingPathComponent("control-noise.wav"),
            format: .wav16)
        entries.append(ClipManifest.Entry(clip: "control-noise.wav", objects: [SoundSource.whiteNoise.rawValue]))
        let manifest = ClipManifest(entries: entries)
        try Data(manifest.jsonLines.utf8).write(to: directory.appendingPathComponent("demo-clips.jsonl"))

        var suites: [URL] = []
        let templates = Array(ProbeGenerator.kuan2024Templates.prefix(2))
        let generatorOfProbes = ProbeGenerator(k: 1, seed: seed)
        for sampling in NegativeSampling.allCases {
            let folder = directory.appendingPathComponent("demo-\(sampling.rawValue)")
            try ProbeGenerator.writeSuite(
                generatorOfProbes.generate(manifest, sampling: sampling), id: "demo-\(sampling.rawValue)",
                sampling: sampling,
                templates: templates, prefix: nil, audioRoot: audio.path(relativeTo: folder), to: folder)
            suites.append(folder)
        }
        suites += try PairProbeGenerator.writeSuites(
            PairProbeGenerator(seed: seed).generate(manifest), id: "demo", audioRoot: audio.path, to: directory)
        suites.append(try choiceSuite(entries, audio: audio, to: directory.appendingPathComponent("demo-which-sound")))
        suites.append(try captionSuite(entries, audio: audio, to: directory.appendingPathComponent("demo-captions")))
        suites.append(
            try instructionSuite(entries, audio: audio, to: directory.appendingPathComponent("demo-instructions")))
        return suites
    }

    /// "Which of these sounds is in the clip?" — one source mixed in, three that are not.
    static func choiceSuite(_ entries: [ClipManifest.Entry], audio: URL, to folder: URL) throws -> URL {
        var generator = SplitMix64(seed: seed &+ 1)
        let items = entries.enumerated().map { index, entry -> JSONValue in
            let present = entry.objects[Int(generator.next() % UInt64(entry.objects.count))]
            let absent = SoundSource.allCases.map(\.rawValue).filter { !entry.objects.contains($0) }
            let distractors = generator.permutation(of: absent.count).prefix(3).map { absent[$0] }
            return .object([
                "id": .string("which-\(index)"), "audio": .string(entry.clip),
                "question": .string("Which of these sounds is in the clip?"),
                "choices": .array(([present] + distractors).sorted().map(JSONValue.string)), "answer": .string(present),
                "tags": .object(["sources": .string(String(entry.objects.count))]),
            ])
        }
        try SuiteWriter.write(
            id: "demo-which-sound", task: .multipleChoice,
            description: "Which synthetic source is in the scene (hark demo)",
            audioRoot: audio.path(relativeTo: folder),
            prompt: SuiteManifest.Prompt(choices: .lettered, shuffleChoices: seed),
            scoring: "{extractor: default}", items: items, to: folder)
        return folder
    }

    /// "Describe the sounds in the clip." — scored against what was mixed in (ECHO).
    static func captionSuite(_ entries: [ClipManifest.Entry], audio: URL, to folder: URL) throws -> URL {
        var items = entries.enumerated().map { index, entry -> JSONValue in
            .object([
                "id": .string("caption-\(index)"), "audio": .string(entry.clip),
                "labels": .array(entry.objects.map(JSONValue.string)),
            ])
        }
        items.append(
            .object(["id": .string("caption-silence"), "audio": .string("control-silence.wav"), "labels": .array([])]))
        try SuiteWriter.write(
            id: "demo-captions", task: .caption, description: "Captions of synthetic scenes (hark demo)",
            audioRoot: audio.path(relativeTo: folder),
            prompt: SuiteManifest.Prompt(templates: ["Describe the sounds in the clip."]), items: items, to: folder)
        return folder
    }

    /// Verifiable instructions asked about the clips: does the model still follow them?
    static func instructionSuite(_ entries: [ClipManifest.Entry], audio: URL, to folder: URL) throws -> URL {
        let instructions: [(String, JSONValue)] = [
            ("Answer in lowercase letters only.", .object(["id": .string("change_case:english_lowercase")])),
            ("Do not use any commas.", .object(["id": .string("punctuation:no_comma")])),
            ("Wrap your entire answer in double quotation marks.", .object(["id": .string("startend:quotation")])),
            (
                "Give your answer a title in double angular brackets, like <<title>>.",
                .object(["id": .string("detectable_format:title")])
            ),
            (
                "End your answer with the exact phrase \"Any other questions?\"",
                .object([
                    "id": .string("startend:end_checker"),
                    "kwargs": .object(["end_phrase": .string("Any other questions?")]),
                ])
            ),
            ("Answer in JSON.", .object(["id": .string("detectable_format:json_format")])),
        ]
        let items = entries.enumerated().map { index, entry -> JSONValue in
            let (sentence, instruction) = instructions[index % instructions.count]
            return .object([
                "id": .string("follow-\(index)"), "audio": .string(entry.clip),
                "question": .string("What do you hear? " + sentence),
                "instructions": .array([instruction]),
            ])
        }
        try SuiteWriter.write(
            id: "demo-instructions", task: .instructionFollowing,
            description: "Instructions asked with synthetic scenes (hark demo)",
            audioRoot: audio.path(relativeTo: folder), scoring: "{profile: ifeval}", items: items, to: folder)
        return folder
    }
}
