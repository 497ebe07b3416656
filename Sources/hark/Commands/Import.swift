import ArgumentParser
import Foundation
import HarkCore
import HarkSuites

/// `hark import`: public benchmark files and labelled folders into hark's formats.
struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import public benchmark files into suites, or a labelled folder into a clip manifest.",
        subcommands: [Kuan2024.self, ICASSP2025.self, Folder.self])

    /// Writes imported yes-no items as a suite scored by the official rule and the given policy.
    static func writeYesNoSuite(
        items: [JSONValue], id: String, description: String, policy: String, file: String, audioRoot: String, out: String
    ) throws {
        let directory = URL(fileURLWithPath: out)
        try SuiteWriter.write(
            id: id, task: .yesNo, description: "\(description), imported from \((file as NSString).lastPathComponent)",
            audioRoot: URL(fileURLWithPath: audioRoot).path(relativeTo: directory),
            scoring: "{extractor: kuan2024, positive_class: \"no\", policy: \(policy)}", items: items, to: directory)
        print("\(out): \(items.count) items")
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
                items: HallucinationImporters.kuan2024(rows: TabularRows(path: file), file: file), id: id,
                description: "Kuan et al. 2024 discriminative probes", policy: "kuan2024-interspeech", file: file,
                audioRoot: audioRoot, out: out)
        }
    }

    struct ICASSP2025: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "icassp2025", abstract: "Kuan & Lee ICASSP 2025 rows (entry_id, audio, query, object, attribute, ground_truth).")

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
                items: HallucinationImporters.icassp2025(rows: TabularRows(path: file), file: file), id: id,
                description: "Kuan & Lee ICASSP 2025 task", policy: "kuan2025-icassp", file: file, audioRoot: audioRoot, out: out)
        }
    }

    struct Folder: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
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
            let manifest = try FolderImporter.manifest(folder: URL(fileURLWithPath: folder), labels: source, sidecar: labels)
            try Data(manifest.jsonLines.utf8).write(to: URL(fileURLWithPath: out))
            print("\(out): \(manifest.entries.count) clips")
        }
    }
}
