public import Foundation
import HarkCore

/// Importers of the public multiple-choice audio benchmarks (MMAU, MMAR, AIR-Bench foundation) into
/// multiple-choice suites. Every categorical field besides the question, choices, answer, audio and
/// id is kept as a tag under its own name, so that the breakdowns are the official ones (`task`,
/// `difficulty`, `sub-category`, `modality`, `category`, `task_name`, …); free-text fields (MMAR's
/// `thinking`, `url`, `timestamp`, `cue`, `rubric`) are kept under `meta`, never sliced.
public enum ChoiceImporters {
    /// The prompts of imported MMAU and MMAR suites: each benchmark's authors' own wording, no
    /// system prompt and no answer-format line (which the official rule would penalise), and the
    /// official token-set rule.
    public static let mmauPrompt = SuiteManifest.Prompt(choices: .mmau)
    public static let mmarPrompt = SuiteManifest.Prompt(choices: .mmar)
    public static let mmauScoring = "{extractor: mmau}"
    /// AIR-Bench foundation answers are matched by its own rule.
    public static let airBenchScoring = "{extractor: airbench}"

    /// AIR-Bench's own instruction line (from its `Inference_Foundation.py`).
    public static let airBenchInstruction =
        "Choose the most suitable answer from options A, B, C, and D to respond the question in next line, you may only choose A or B or C or D."

    /// `mmau-test-mini.json`: `id`, `audio_id` (`./test-mini-audios/<uuid>.wav`), `question`,
    /// `choices` (2 to 8), `answer` (the text of the right choice), and `dataset`, `task`, `split`,
    /// `category` (a string or a list), `sub-category`, `difficulty` as tags.
    public static func mmau(_ records: JSONRecords) throws -> Imported {
        try Imported.each(records.records, file: records.file) {
            try item($0, file: records.file, audioField: "audio_id", warnings: &$1)
        }
    }

    /// `MMAR-meta.jsonl`: `id`, `audio_path`, `question`, `choices`, `answer`, and `modality`,
    /// `category`, `sub-category`, `language`, `source`, … as tags.
    public static func mmar(_ records: JSONRecords) throws -> Imported {
        try Imported.each(records.records, file: records.file) {
            try item($0, file: records.file, audioField: "audio_path", freeText: mmarFreeText, warnings: &$1)
        }
    }

    /// MMAR's fields that describe one item (a link, a time span, the annotator's reasoning, cues,
    /// a rubric) rather than group items.
    static let mmarFreeText: Set<String> = ["url", "timestamp", "thinking", "cue", "rubric"]

    static func item(
        _ record: JSONRecords.Record, file: String, audioField: String, freeText: Set<String> = [],
        warnings: inout [Diagnostic]
    ) throws -> JSONValue {
        let id = try record.string("id", file: file)
        let audio = relativeAudioPath(try record.string(audioField, file: file))
        let question = try record.string("question", file: file)
        let choices = try choiceList(record, file: file, warnings: &warnings)
        let answer = try record.string("answer", file: file)
        guard
            let matched = choices.first(where: { $0 == answer })
                ?? choices.first(where: { trimmed($0) == trimmed(answer) })
        else {
            throw HarkError.badInput("\"\(answer)\" is not one of the choices", at: record.location(file, "answer"))
        }
        let core: Set<String> = ["id", audioField, "question", "choices", "answer"]
        let tags = try tags(record, file: file, except: core.union(freeText))
        var object: [String: JSONValue] = [
            "id": .string(id), "audio": .string(audio), "question": .string(question),
            "choices": .array(choices.map(JSONValue.string)), "answer": .string(matched), "tags": .object(tags),
        ]
        let meta = record.fields.filter { !core.contains($0.key) && tags[$0.key] == nil && $0.value != .null }
        if !meta.isEmpty { object["meta"] = .object(meta) }
        return .object(object)
    }

    /// AIR-Bench foundation (`Foundation_meta.json`): `path`, `question`, `choice_a` … `choice_d`
    /// (c and d may be absent), `answer_gt` (the right choice's text), `task_name`, `dataset_name`,
    /// `uniq_id`. The clip is `<task_name>_<dataset_name>/<path>` under the audio root (its `.flac`
    /// twin when only that exists, as the official script does). The question is the official
    /// prompt, written out in full: the instruction line, the question, then `A. …` to `D. …`,
    /// absent choices printed as `None` as the official script prints them.
    public static func airBench(_ records: JSONRecords, audioRoot: URL) throws -> Imported {
        try Imported.each(records.records, file: records.file) { record, _ in
            let file = records.file
            let taskName = try record.string("task_name", file: file)
            let datasetName = try record.string("dataset_name", file: file)
            var audio = "\(taskName)_\(datasetName)/" + relativeAudioPath(try record.string("path", file: file))
            let flac = (audio as NSString).deletingPathExtension + ".flac"
            if !FileManager.default.fileExists(atPath: audioRoot.appendingPathComponent(audio).path),
                FileManager.default.fileExists(atPath: audioRoot.appendingPathComponent(flac).path)
            {
                audio = flac
            }
            let letters = ["a", "b", "c", "d"]
            let shown = try letters.map { letter -> String? in
                guard let value = record.fields["choice_\(letter)"], value != .null else { return nil }
                return try record.string("choice_\(letter)", file: file)
            }
            let choices = shown.compactMap { $0 }
            guard shown[0] != nil, shown[1] != nil else {
                throw HarkError.badInput(
                    "missing", at: record.location(file, shown[0] == nil ? "choice_a" : "choice_b"))
            }
            // Letters name choices by position: a gap (choice_d without choice_c) would shift them.
            if shown[2] == nil, shown[3] != nil {
                throw HarkError.badInput("choice_d is given but choice_c is not", at: record.location(file, "choice_c"))
            }
            let answer = try record.string("answer_gt", file: file)
            let matched: String
            if let text = choices.first(where: { trimmed($0) == trimmed(answer) }) {
                matched = text
            } else if let index = letters.firstIndex(of: trimmed(answer).lowercased()), let text = shown[index] {
                matched = text
            } else {
                throw HarkError.badInput(
                    "\"\(answer)\" is not one of the choices", at: record.location(file, "answer_gt"))
            }
            let question = try record.string("question", file: file)
            let lines = zip(letters, shown).map { letter, choice in "\(letter.uppercased()). \(choice ?? "None")" }
            let prompt = ([airBenchInstruction, question] + lines).joined(separator: "\n")
            let id =
                (record.fields["uniq_id"] ?? .null) == .null
                ? "\(taskName)_\(datasetName)-\(record.line)" : try record.string("uniq_id", file: file)
            let tags = try tags(
                record, file: file,
                except: ["path", "question", "choice_a", "choice_b", "choice_c", "choice_d", "answer_gt", "uniq_id"])
            return .object([
                "id": .string(id), "audio": .string(audio), "question": .string(prompt),
                "choices": .array(choices.map(JSONValue.string)), "answer": .string(matched), "tags": .object(tags),
            ])
        }
    }

    /// The choices: a list of strings (numbers are written as text). A choice listed twice (27 items
    /// of MMAU test-mini) is kept as published, with a warning: the official rule scores it as one.
    static func choiceList(_ record: JSONRecords.Record, file: String, warnings: inout [Diagnostic]) throws -> [String]
    {
        guard let array = record.fields["choices"]?.arrayValue else {
            throw HarkError.badInput("missing, or not a list", at: record.location(file, "choices"))
        }
        let choices = try array.enumerated().map { index, value -> String in
            switch value {
            case .string(let text): return text
            case .integer, .number, .bool: return value.canonical
            default:
                throw HarkError.badInput(
                    "expected a string, found \(value.typeDescription)", at: record.location(file, "choices[\(index)]"))
            }
        }
        guard choices.count >= 2 else {
            throw HarkError.badInput(
                "expected at least 2 choices, found \(choices.count)", at: record.location(file, "choices"))
        }
        if Set(choices).count != choices.count {
            warnings.append(.warning(record.location(file, "choices"), ItemParser.repeatedChoiceWarning))
        }
        return choices
    }

    /// Every remaining scalar field as a tag; a list of scalars (MMAU's `category: ["Reasoning"]`)
    /// becomes its elements joined by ", ".
    static func tags(_ record: JSONRecords.Record, file: String, except: Set<String>) throws -> [String: JSONValue] {
        var tags: [String: JSONValue] = [:]
        for (name, value) in record.fields where !except.contains(name) {
            switch value {
            case .null: continue
            case .string(let text): tags[name] = .string(text)
            case .integer, .number, .bool: tags[name] = .string(value.canonical)
            case .array(let elements):
                let texts = elements.compactMap { element -> String? in
                    switch element {
                    case .string(let text): text
                    case .integer, .number, .bool: element.canonical
                    default: nil
                    }
                }
                if texts.count == elements.count { tags[name] = .string(texts.joined(separator: ", ")) }
            case .object: continue
            }
        }
        return tags
    }

    /// A dataset's audio path as a path under the audio root: without a leading `./`.
    static func relativeAudioPath(_ path: String) -> String {
        var path = path
        while path.hasPrefix("./") { path.removeFirst(2) }
        return path
    }

    static func trimmed(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
