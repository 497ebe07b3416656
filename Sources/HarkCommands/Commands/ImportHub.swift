import ArgumentParser
import Foundation
import HarkCore
import HarkSuites

extension Import {
    /// `hark import hf`: a Hugging Face dataset downloaded as Parquet (embedded audio and all).
    struct HuggingFace: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "hf",
            abstract: "A Hugging Face dataset in Parquet (files or the downloaded folder) into a suite.",
            discussion: """
                Clips are written once as audio/<sha256>.<ext> from their original bytes. Columns map to
                item keys by name, or by --map KEY=COLUMN,… (or a YAML file of KEY: COLUMN); the other
                scalar columns become tags; the tag source_file and meta.source_row name each row.
                Presets: \(HubPreset.allCases.map(\.rawValue).joined(separator: ", ")).
                """)

        @Argument(help: "Parquet files, or folders holding them (shards are read in path order).")
        var paths: [String]
        @Option(help: "The task: yes-no, multiple-choice, instruction-following, caption or open-qa.")
        var task: String?
        @Option(help: "A benchmark whose layout is fixed (its mapping, prompt and scoring).")
        var preset: String?
        @Option(help: "KEY=COLUMN pairs separated by commas, or a YAML file of them.")
        var map: String?
        @Option(help: "Only the files of this split (test-00000-of-00004.parquet, or test/…).")
        var split: String?
        @Option(help: "Import at most this many rows.")
        var limit: Int?
        @Option(help: "The suite folder to write.")
        var out: String
        @Option(help: "The suite id (default: the preset's, or the output folder's name).")
        var id: String?

        func run() async throws {
            let preset = try self.preset.map { name in
                guard let preset = HubPreset(rawValue: name) else {
                    throw ValidationError(
                        "unknown preset \"\(name)\" (\(HubPreset.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                return preset
            }
            guard let task = try preset?.task ?? task.map(Self.task) else {
                throw ValidationError("give --task or --preset")
            }
            if let preset, let given = self.task, given != preset.task.rawValue {
                throw ValidationError("--preset \(preset.rawValue) is a \(preset.task.rawValue) suite, not \(given)")
            }
            if let limit, limit < 1 { throw ValidationError("--limit must be at least 1, not \(limit)") }
            let inputs = paths.map { WorkingDirectory.url($0) }
            let files = try HubFiles.list(inputs, split: split)
            let directory = WorkingDirectory.url(out)
            let importer = HubImporter(task: task, mapping: try mapping(), preset: preset, limit: limit)
            let root = inputs.count == 1 && files.count > 1 ? inputs[0] : nil
            let imported = try importer.run(files: files, suite: directory, relativeTo: root)
            let source = inputs.map(\.lastPathComponent).joined(separator: ", ")
            let suite = preset?.suite
            try SuiteWriter.write(
                id: id ?? suite?.id ?? directory.lastPathComponent, task: task,
                description: "\(suite?.description ?? "Hugging Face dataset"), imported from \(source)",
                audioRoot: "audio", prompt: suite?.prompt ?? .init(), scoring: suite?.scoring,
                items: imported.items, to: directory)
            Import.report(imported, out: out)
        }

        static func task(_ name: String) throws -> TaskKind {
            guard let task = TaskKind(rawValue: name) else {
                throw ValidationError(
                    "unknown task \"\(name)\" (\(TaskKind.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return task
        }

        /// `--map`: `KEY=COLUMN,…`, or a YAML file of `KEY: COLUMN`.
        func mapping() throws -> [String: String] {
            guard let map else { return [:] }
            guard map.hasSuffix(".yaml") || map.hasSuffix(".yml") else { return try HubImporter.mapping(map) }
            let path = WorkingDirectory.path(map)
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw HarkError.badInput("cannot be read", at: SourceLocation(file: path))
            }
            return try HubImporter.mapping(yaml: text, file: path)
        }
    }
}
