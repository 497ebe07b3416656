import ArgumentParser
import Foundation
import HarkApp
import HarkCore
import HarkRecords
import HarkSuites

/// `hark import`: public benchmark files and labelled folders into hark's formats.
struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import public benchmark files into suites, or a labelled folder into a clip manifest.",
        subcommands: [
            Kuan2024.self, ICASSP2025.self, CMM.self, MMAU.self, MMAR.self, AIRBench.self, Sakura.self, IFEval.self,
            SpeechIFEval.self, HuggingFace.self, Folder.self,
        ])

    /// Prints what the import kept of a file's quirks, one warning a line, and a count.
    static func report(_ imported: Imported, out: String) {
        for warning in imported.warnings { Terminal.error(warning.description) }
        let kept = imported.warnings.isEmpty ? "" : ", \(imported.warnings.count) warnings"
        Terminal.output("\(out): \(imported.items.count) items\(kept)")
    }

    /// Writes imported multiple-choice items as a suite.
    static func writeChoiceSuite(
        _ imported: Imported, id: String, description: String, prompt: SuiteManifest.Prompt, scoring: String,
        audioRoot: String, out: String
    ) throws {
        let directory = WorkingDirectory.url(out)
        try SuiteWriter.write(
            id: id, task: .multipleChoice, description: description,
            audioRoot: WorkingDirectory.url(audioRoot).path(relativeTo: directory), prompt: prompt, scoring: scoring,
            items: imported.items,
            to: directory)
        report(imported, out: out)
    }

    /// Writes imported yes-no items as a suite scored by `scoring` (the benchmark's official rule).
    static func writeYesNoSuite(
        _ imported: Imported, id: String, description: String, scoring: String, file: String, audioRoot: String,
        out: String
    ) throws {
        let directory = WorkingDirectory.url(out)
        try SuiteWriter.write(
            id: id, task: .yesNo, description: "\(description), imported from \((file as NSString).lastPathComponent)",
            audioRoot: WorkingDirectory.url(audioRoot).path(relativeTo: directory),
            scoring: scoring, items: imported.items, to: directory)
        report(imported, out: out)
    }

    struct Kuan2024: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "kuan2024",
            abstract: "Kuan et al. 2024 rows (entry_id, audio_index, prompt_text, object, attribute, label, sampling).")

        @Argument(help: "The exported rows: .jsonl, .csv or .json.")
        var file: String
        @Option(help: "The folder holding <audio_index>.wav.")
        var audioRoot: String
        @Option(help: "The suite folder to write.")
        var out: String
        @Option(help: "The suite id.")
        var id = "kuan2024-audiocaps"

        func run() async throws {
            try Import.writeYesNoSuite(
                HallucinationImporters.kuan2024(rows: TabularRows(path: WorkingDirectory.path(file)), file: file),
                id: id,
                description: "Kuan et al. 2024 discriminative probes",
                scoring: HallucinationImporters.scoring(policy: "kuan2024-interspeech"), file: file,
                audioRoot: audioRoot, out: out)
        }
    }

    struct ICASSP2025: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "icassp2025",
            abstract: "Kuan & Lee ICASSP 2025 rows (entry_id, audio, query, object, attribute, ground_truth).")

        @Argument(help: "The exported rows: .jsonl, .csv or .json.")
        var file: String
        @Option(help: "The folder the audio paths are relative to.")
        var audioRoot: String
        @Option(help: "The suite folder to write.")
        var out: String
        @Option(help: "The suite id.")
        var id = "icassp2025-object-existence"

        func run() async throws {
            try Import.writeYesNoSuite(
                HallucinationImporters.icassp2025(rows: TabularRows(path: WorkingDirectory.path(file)), file: file),
                id: id,
                description: "Kuan & Lee ICASSP 2025 task",
                scoring: HallucinationImporters.scoring(policy: "kuan2025-icassp"),
                file: file, audioRoot: audioRoot,
                out: out)
        }
    }

    struct CMM: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cmm",
            abstract: "CMM's audio probes (the JSON files you have; CMM may not be redistributed), scored by its rule.")

        @Argument(help: "A CMM file: JSON records a line (as its scorer reads them) or a JSON array.")
        var file: String
        @Option(help: "The folder the audio_path paths are relative to.")
        var audioRoot: String
        @Option(help: "The suite folder to write.")
        var out: String
        @Option(help: "The suite id.")
        var id = "cmm-audio"

        func run() async throws {
            try Import.writeYesNoSuite(
                BenchmarkRows.cmm(JSONRecords(path: WorkingDirectory.path(file), linesInJSON: true)), id: id,
                description: "CMM audio probes", scoring: BenchmarkRows.cmmScoring, file: file, audioRoot: audioRoot,
                out: out)
        }
    }

    struct MMAU: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mmau",
            abstract: "MMAU (mmau-test-mini.json): multiple choice, scored by the official token-set rule.")

        @Argument(help: "The MMAU file: a JSON array (or JSON Lines) of items.")
        var file: String
        @Option(help: "The folder the audio_id paths are relative to.")
        var audioRoot: String
        @Option(help: "The suite folder to write.")
        var out: String
        @Option(help: "The suite id.")
        var id = "mmau-test-mini"

        func run() async throws {
            try Import.writeChoiceSuite(
                ChoiceImporters.mmau(JSONRecords(path: WorkingDirectory.path(file))), id: id,
                description: "MMAU, imported from \((file as NSString).lastPathComponent)",
                prompt: ChoiceImporters.mmauPrompt,
                scoring: ChoiceImporters.mmauScoring, audioRoot: audioRoot, out: out)
        }
    }

    struct MMAR: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mmar", abstract: "MMAR (MMAR-meta.jsonl): multiple choice, scored by the MMAU token-set rule."
        )

        @Argument(help: "MMAR-meta.jsonl.")
        var file: String
        @Option(help: "The folder the audio_path paths are relative to.")
        var audioRoot: String
        @Option(help: "The suite folder to write.")
        var out: String
        @Option(help: "The suite id.")
        var id = "mmar"

        func run() async throws {
            try Import.writeChoiceSuite(
                ChoiceImporters.mmar(JSONRecords(path: WorkingDirectory.path(file))), id: id,
                description: "MMAR, imported from \((file as NSString).lastPathComponent)",
                prompt: ChoiceImporters.mmarPrompt,
                scoring: ChoiceImporters.mmauScoring, audioRoot: audioRoot, out: out)
        }
    }

    struct AIRBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "airbench",
            abstract: "AIR-Bench foundation (Foundation_meta.json): the official prompt and letter rule.")

        @Argument(help: "Foundation_meta.json.")
        var file: String
        @Option(help: "The Foundation folder holding <task_name>_<dataset_name>/<path>.")
        var audioRoot: String
        @Option(help: "The suite folder to write.")
        var out: String
        @Option(help: "The suite id.")
        var id = "airbench-foundation"

        func run() async throws {
            try Import.writeChoiceSuite(
                ChoiceImporters.airBench(
                    JSONRecords(path: WorkingDirectory.path(file)), audioRoot: WorkingDirectory.url(audioRoot)), id: id,
                description: "AIR-Bench foundation, imported from \((file as NSString).lastPathComponent)",
                prompt: SuiteManifest.Prompt(choices: .none), scoring: ChoiceImporters.airBenchScoring,
                audioRoot: audioRoot,
                out: out)
        }
    }

    struct Sakura: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sakura",
            abstract: "SAKURA tracks (<Track>/metadata.csv): single- and multi-hop questions per clip.")

        @Argument(help: "One or more <Track>/metadata.csv files of one SAKURA folder.")
        var files: [String]
        @Option(help: "The suite folder to write.")
        var out: String
        @Option(help: "The suite id.")
        var id = "sakura"

        func run() async throws {
            let roots = Set(
                files.map {
                    WorkingDirectory.url($0).deletingLastPathComponent().deletingLastPathComponent().standardizedFileURL
                        .path
                })
            guard roots.count == 1, let root = roots.first else {
                throw ValidationError("the metadata files must be track folders of one SAKURA folder")
            }
            let imported = try files.map {
                try SakuraImporter.items(
                    rows: TabularRows(path: WorkingDirectory.path($0)), file: WorkingDirectory.path($0))
            }.reduce(
                Imported(), +)
            try Import.writeChoiceSuite(
                imported, id: id, description: "SAKURA, imported from \(files.count) track(s)",
                prompt: SakuraImporter.prompt,
                scoring: SakuraImporter.scoring, audioRoot: root, out: out)
        }
    }

    struct IFEval: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ifeval",
            abstract: "IFEval (input_data.jsonl): verifiable instructions, text only or with a clip.")

        @Argument(help: "input_data.jsonl.")
        var file: String
        @Option(help: "Ask every prompt with this clip present (a path under --audio-root).")
        var clip: String?
        @Option(help: "The folder --clip is relative to.")
        var audioRoot = "."
        @Option(help: "The suite folder to write.")
        var out: String
        @Option(help: "The suite id.")
        var id = "ifeval"

        func run() async throws {
            let imported = try InstructionImporters.ifeval(JSONRecords(path: WorkingDirectory.path(file)), clip: clip)
            let directory = WorkingDirectory.url(out)
            try SuiteWriter.write(
                id: id, task: .instructionFollowing,
                description: "IFEval, imported from \((file as NSString).lastPathComponent)",
                audioRoot: WorkingDirectory.url(audioRoot).path(relativeTo: directory),
                scoring: InstructionImporters.ifevalScoring,
                items: imported.items,
                to: directory)
            Import.report(imported, out: out)
        }
    }

    struct SpeechIFEval: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "speech-ifeval",
            abstract: "Speech-IFEval (closed-ended, creative-writing and chain-of-thought files) into one suite.")

        @Option(help: "The closed-ended questions file (.jsonl).")
        var closedEnded: String?
        @Option(help: "The creative-writing file (.jsonl).")
        var creativeWriting: String?
        @Option(help: "The chain-of-thought file (.jsonl).")
        var chainOfThought: String?
        @Option(help: "The folder the audio_filepath paths are relative to.")
        var audioRoot: String
        @Option(help: "The suite folder to write.")
        var out: String
        @Option(help: "The suite id.")
        var id = "speech-ifeval"

        func run() async throws {
            let files: [(String?, SpeechIFEvalCategory)] = [
                (closedEnded, .closedEnded), (creativeWriting, .creativeWriting), (chainOfThought, .chainOfThought),
            ]
            var imported = Imported()
            for case (let file?, let category) in files {
                imported =
                    imported
                    + (try InstructionImporters.speechIFEval(
                        JSONRecords(path: WorkingDirectory.path(file)), category: category))
            }
            guard !imported.items.isEmpty else {
                throw ValidationError("give at least one of --closed-ended, --creative-writing, --chain-of-thought")
            }
            let directory = WorkingDirectory.url(out)
            try SuiteWriter.write(
                id: id, task: .instructionFollowing, description: "Speech-IFEval (Lu, Kuan & Lee 2025)",
                audioRoot: WorkingDirectory.url(audioRoot).path(relativeTo: directory),
                scoring: InstructionImporters.speechIFEvalScoring,
                items: imported.items, to: directory)
            Import.report(imported, out: out)
        }
    }

    struct Folder: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "folder",
            abstract: "A folder of clips into a clip manifest for hark probes generate.")

        @Argument(help: "The folder of clips.")
        var folder: String
        @Option(help: "folder (the clip's folder name) or stem (its file name).")
        var labelFrom = "folder"
        @Option(help: "A CSV of clip,objects that labels the clips instead.")
        var labels: String?
        @Option(help: "The manifest to write (.jsonl).")
        var out: String

        func run() async throws {
            guard let source = FolderImporter.LabelSource(rawValue: labelFrom) else {
                throw ValidationError("--label-from takes folder or stem")
            }
            let manifest = try FolderImporter.manifest(
                folder: WorkingDirectory.url(folder), labels: source, sidecar: labels.map(WorkingDirectory.path))
            try Data(manifest.jsonLines.utf8).write(to: WorkingDirectory.url(out))
            Terminal.output("\(out): \(manifest.entries.count) clips")
        }
    }
}
