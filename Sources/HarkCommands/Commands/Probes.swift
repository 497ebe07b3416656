import ArgumentParser
import Foundation
import HarkApp
import HarkCore
import HarkRecords
import HarkSuites

/// `hark probes generate`: yes-no hallucination suites from labelled clips.
struct Probes: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probes",
        abstract: "Make object-hallucination probe suites.", subcommands: [Generate.self, Pairs.self])

    struct Pairs: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pairs",
            abstract:
                "Write multi-audio probe suites on clip pairs: which clip holds a sound, do both, does the second add one.",
            discussion:
                "Writes OUT/<id>-pairs (yes-no) and OUT/<id>-which-clip (multiple choice); the ground truth follows from the labels."
        )

        @Option(help: "The labelled clip manifest (.jsonl or .csv).")
        var clips: String
        @Option(help: "The folder the clip paths are relative to.")
        var audioRoot: String
        @Option(help: "Where the suites are written.")
        var out: String
        @Option(help: "The suites' id prefix.")
        var id = "multi-audio"
        @Option(help: "Seed of the pairing and of the objects asked about.")
        var seed: UInt64 = 0
        @Option(help: "Vocabulary YAML: objects: [...], synonyms: {name: [alias, ...]}.")
        var vocabulary: String?
        @Option(help: "Ontology YAML: {parent: [child, ...]}.")
        var ontology: String?

        func run() async throws {
            let generator = PairProbeGenerator(
                seed: seed,
                vocabulary: try ObjectVocabulary(
                    vocabularyPath: vocabulary.map(WorkingDirectory.path),
                    ontologyPath: ontology.map(WorkingDirectory.path)))
            let output = generator.generate(try ClipManifest(path: WorkingDirectory.path(clips)))
            guard !output.yesNo.isEmpty else {
                throw ValidationError("\(clips): at least two labelled clips are needed")
            }
            let written = try PairProbeGenerator.writeSuites(
                output, id: id, audioRoot: WorkingDirectory.path(audioRoot), to: WorkingDirectory.url(out))
            Terminal.output("\(written[0].path): \(output.yesNo.count) yes-no probes")
            Terminal.output("\(written[1].path): \(output.choice.count) multiple-choice probes")
        }
    }

    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate",
            abstract: "Write yes-no suites (random, popular, adversarial negatives) from a labelled clip manifest.",
            discussion: """
                The manifest is JSON Lines ({"clip": "a.wav", "objects": ["dog barking"]}) or CSV (clip,objects with
                objects separated by ';'); clip paths are relative to --audio-root. One suite is written per sampling,
                as OUT/<id>-<sampling>/.
                """)

        @Option(help: "The labelled clip manifest (.jsonl or .csv).")
        var clips: String

        @Option(help: "The folder the clip paths are relative to.")
        var audioRoot: String

        @Option(help: "Where the suites are written.")
        var out: String

        @Option(help: "The suites' id prefix.")
        var id = "hallucination"

        @Option(help: "random, popular, adversarial or all.")
        var sampling = "all"

        @Option(help: "Objects present and absent asked per clip.")
        var k = 3

        @Option(help: "Seed of random choices.")
        var seed: UInt64 = 0

        @Option(help: "Vocabulary YAML: objects: [...], synonyms: {name: [alias, ...]}.")
        var vocabulary: String?

        @Option(help: "Ontology YAML: {parent: [child, ...]}.")
        var ontology: String?

        @Option(help: "Which Kuan 2024 template (1-5), or all.")
        var template = "all"

        @Option(
            help: "A prefix before every question, e.g. \"Focus on the given audio and answer the following question.\""
        )
        var prefix: String?

        func run() async throws {
            let samplings: [NegativeSampling]
            if sampling == "all" {
                samplings = NegativeSampling.allCases
            } else if let one = NegativeSampling(rawValue: sampling) {
                samplings = [one]
            } else {
                throw ValidationError("--sampling takes random, popular, adversarial or all")
            }
            let templates: [String]
            if template == "all" {
                templates = ProbeGenerator.kuan2024Templates
            } else if let index = Int(template), (1...5).contains(index) {
                templates = [ProbeGenerator.kuan2024Templates[index - 1]]
            } else {
                throw ValidationError("--template takes 1 to 5, or all")
            }
            let manifest = try ClipManifest(path: WorkingDirectory.path(clips))
            let generator = ProbeGenerator(
                k: k, seed: seed,
                vocabulary: try ObjectVocabulary(
                    vocabularyPath: vocabulary.map(WorkingDirectory.path),
                    ontologyPath: ontology.map(WorkingDirectory.path)))
            for sampling in samplings {
                let output = generator.generate(manifest, sampling: sampling)
                let directory = WorkingDirectory.url(out).appendingPathComponent("\(id)-\(sampling.rawValue)")
                let root = WorkingDirectory.url(audioRoot).path(relativeTo: directory)
                for skipped in output.skipped {
                    Terminal.error("\(clips):\(skipped.line): warning: \(skipped.clip) left out: \(skipped.reason)")
                }
                if output.cooccurrence == ProbeGenerator.CooccurrenceSource.none {
                    Terminal.error(
                        "\(clips): warning: no two labels share a clip and no ontology was given: adversarial negatives are the popular ones (tag cooccurrence: none)"
                    )
                }
                try ProbeGenerator.writeSuite(
                    output, id: "\(id)-\(sampling.rawValue)", sampling: sampling, templates: templates, prefix: prefix,
                    audioRoot: root, to: directory)
                let clipCount = manifest.entries.count - output.skipped.count
                let reduced = output.reduced == 0 ? "" : ", \(output.reduced) with fewer than k = \(k) of each label"
                Terminal.output(
                    "\(directory.path): \(output.probes.count) probes from \(clipCount) clips (\(output.skipped.count) left out\(reduced))"
                )
                let counts = output.negativeCounts
                let shown = counts.prefix(8).map { "\($0.object) \($0.count)" }.joined(separator: ", ")
                Terminal.output("  negatives: \(counts.count) objects; most asked: \(shown)")
            }
        }
    }
}
