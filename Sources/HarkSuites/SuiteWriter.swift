public import Foundation
public import HarkCore

/// Writes a suite folder (`suite.yaml` and `items.jsonl`), the output of the generator and the
/// importers.
public enum SuiteWriter {
    public static func write(
        id: String, task: TaskKind, description: String, audioRoot: String, prompt: SuiteManifest.Prompt = .init(),
        scoring: String? = nil, items: [JSONValue], to directory: URL
    ) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        func quoted(_ text: String) -> String { JSONValue.string(text).canonical }
        var manifest = """
            id: \(id)
            version: 1
            task: \(task.rawValue)
            description: \(quoted(description))
            audio_root: \(quoted(audioRoot))
            items: items.jsonl

            """
        if prompt != SuiteManifest.Prompt() {
            manifest += "prompt:\n"
            if let system = prompt.system { manifest += "  system: \(quoted(system))\n" }
            if let prefix = prompt.prefix { manifest += "  prefix: \(quoted(prefix))\n" }
            if !prompt.templates.isEmpty {
                manifest += "  templates:\n" + prompt.templates.map { "    - \(quoted($0))\n" }.joined()
            }
            if prompt.choices != .quoted { manifest += "  choices: \(prompt.choices.rawValue)\n" }
            if let answerFormat = prompt.answerFormat { manifest += "  answer_format: \(quoted(answerFormat))\n" }
            if let seed = prompt.shuffleChoices { manifest += "  shuffle_choices: \(seed)\n" }
        }
        if let scoring { manifest += "scoring: \(scoring)\n" }
        let lines = items.map(\.canonical).joined(separator: "\n") + "\n"
        // Each file replaced whole, the items before the manifest that names them: a killed import leaves
        // the earlier suite or the new one, never a file cut short.
        try Data(lines.utf8).write(to: directory.appendingPathComponent("items.jsonl"), options: .atomic)
        try Data(manifest.utf8).write(to: directory.appendingPathComponent("suite.yaml"), options: .atomic)
    }
}
