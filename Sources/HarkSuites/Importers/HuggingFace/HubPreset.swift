public import HarkCore

/// The hub copies whose layout is fixed, imported with the mapping hark's importer of the same
/// benchmark's JSON release uses, so that both give the same items (ids, questions, choices,
/// answers, tags) and clips of the same bytes.
public enum HubPreset: String, CaseIterable, Sendable {
    /// lmms-lab-audio/mmau: MMAU's release fields, `choices` as a JSON string, the clip embedded.
    case mmau
    /// ngqtrung/mmar (lmms-eval's MMAR): MMAR's fields; choices lettered `A. …`, the answer a letter.
    case mmar
    /// hlt-lab/voicebench `mmsu` and `openbookqa`: a spoken question and its four spoken options;
    /// `reference` is the right letter.
    case voicebenchMMSU = "voicebench-mmsu"
    case voicebenchOpenBookQA = "voicebench-openbookqa"
    /// hlt-lab/voicebench `sd-qa` and `bbh`: a spoken question, `reference` its answer.
    case voicebenchSDQA = "voicebench-sd-qa"
    case voicebenchBBH = "voicebench-bbh"
    /// hlt-lab/voicebench `ifeval`: IFEval's `key`, `instruction_id_list` and `kwargs`, the prompt spoken.
    case voicebenchIFEval = "voicebench-ifeval"
    /// AHa-Bench (`audio, question_id, type, question, answer, answer_details, text, label`): the
    /// yes/no rows, ids and sample groups numbered as the official `process_parquet.py` numbers them.
    case ahabench
    /// AHa-Bench's ASR rows (types `asr_en`, `asr_zh`), the transcript the answer, scored by WER.
    case ahabenchASR = "ahabench-asr"
    /// HalluAudio (`audio, prompt, reference, subset`): the binary rows (reference yes or no), and
    /// the others — counting, comparison and invalid questions — as open questions scored by its rules.
    case halluaudio
    case halluaudioOpen = "halluaudio-open"

    public var task: TaskKind {
        switch self {
        case .ahabench, .halluaudio: .yesNo
        case .halluaudioOpen, .ahabenchASR: .openQA
        case .mmau, .mmar, .voicebenchMMSU, .voicebenchOpenBookQA: .multipleChoice
        case .voicebenchSDQA, .voicebenchBBH: .openQA
        case .voicebenchIFEval: .instructionFollowing
        }
    }

    var mapping: [String: String] { [:] }

    /// The suite's id, description, prompt and scoring: the JSON importers' own for MMAU and MMAR.
    public var suite: (id: String, description: String, prompt: SuiteManifest.Prompt, scoring: String?) {
        switch self {
        case .mmau: ("mmau-test-mini", "MMAU", ChoiceImporters.mmauPrompt, ChoiceImporters.mmauScoring)
        case .mmar: ("mmar", "MMAR", ChoiceImporters.mmarPrompt, ChoiceImporters.mmauScoring)
        case .voicebenchMMSU, .voicebenchOpenBookQA:
            (
                rawValue, "VoiceBench \(rawValue.dropFirst(11)): spoken multiple choice",
                SuiteManifest.Prompt(choices: .none), nil
            )
        case .voicebenchSDQA, .voicebenchBBH:
            (rawValue, "VoiceBench \(rawValue.dropFirst(11)): spoken questions", .init(), nil)
        case .voicebenchIFEval:
            (rawValue, "VoiceBench ifeval: spoken instructions", .init(), InstructionImporters.ifevalScoring)
        case .ahabench: ("aha-bench", "AHa-Bench yes/no", .init(), BenchmarkRows.ahaBenchScoring)
        case .ahabenchASR: ("aha-bench-asr", "AHa-Bench ASR", .init(), BenchmarkRows.ahaBenchASRScoring)
        case .halluaudio: ("halluaudio-binary", "HalluAudio binary", .init(), BenchmarkRows.halluAudioScoring)
        case .halluaudioOpen: ("halluaudio-open", "HalluAudio open", .init(), BenchmarkRows.halluAudioScoring)
        }
    }

    /// The item of one row (its columns as JSON, the clip already written), or why the row is left
    /// out; `numbering` carries what one row's item depends on of the rows before it.
    func item(
        _ fields: [String: JSONValue], clip: String?, index: Int, location: SourceLocation,
        warnings: inout [Diagnostic], numbering: inout BenchmarkRows.AHaBenchNumbering
    ) throws -> BenchmarkRows.Outcome {
        let record = JSONRecords.Record(line: location.line ?? 0, fields: fields)
        switch self {
        case .ahabench, .ahabenchASR:
            return try BenchmarkRows.ahaBench(
                record, clip: clip, file: location.file, numbering: &numbering, asr: self == .ahabenchASR)
        case .halluaudio, .halluaudioOpen:
            return try BenchmarkRows.halluAudio(
                record, clip: clip, index: index, file: location.file, binary: self == .halluaudio)
        default:
            return .item(try item(fields, clip: clip, index: index, location: location, warnings: &warnings))
        }
    }

    private func item(
        _ fields: [String: JSONValue], clip: String?, index: Int, location: SourceLocation,
        warnings: inout [Diagnostic]
    ) throws -> [String: JSONValue] {
        let record = JSONRecords.Record(line: location.line ?? 0, fields: fields)
        let file = location.file
        switch self {
        case .ahabench, .ahabenchASR, .halluaudio, .halluaudioOpen: return [:]
        case .mmau, .mmar:
            var fields = fields
            let audioField = self == .mmau ? "audio_id" : "audio_path"
            fields[audioField] = clip.map(JSONValue.string) ?? .null
            if let choices = fields["choices"] { fields["choices"] = try HubValues.choices(choices, at: location) }
            if let answer = fields["answer"] { fields["answer"] = HubValues.answer(answer, choices: fields["choices"]) }
            let item = try ChoiceImporters.item(
                JSONRecords.Record(line: record.line, fields: fields), file: file, audioField: audioField,
                freeText: self == .mmar ? ChoiceImporters.mmarFreeText : [], warnings: &warnings)
            return item.objectValue ?? [:]
        case .voicebenchMMSU, .voicebenchOpenBookQA:
            let reference = try record.string("reference", file: file).trimmingCharacters(in: .whitespaces)
            let letters = ["A", "B", "C", "D"]
            guard letters.contains(reference.uppercased()) else {
                throw HarkError.badInput(
                    "expected a letter A to D, found \"\(reference)\"", at: record.location(file, "reference"))
            }
            return try spoken(fields, clip: clip, index: index, record: record, file: file).merging([
                "choices": .array(letters.map(JSONValue.string)), "answer": .string(reference.uppercased()),
            ]) { $1 }
        case .voicebenchSDQA, .voicebenchBBH:
            let answer = try record.string("reference", file: file)
            return try spoken(fields, clip: clip, index: index, record: record, file: file).merging([
                "answer": .string(answer)
            ]) { $1 }
        case .voicebenchIFEval:
            var item = try spoken(fields, clip: clip, index: index, record: record, file: file)
            item["id"] = .string(try record.string("key", file: file))
            item["instructions"] = try InstructionImporters.instructions(record, file: file)
            return item
        }
    }

    /// A VoiceBench item: the clip is the question (asked with no text, as VoiceBench asks it), its
    /// transcript `prompt` kept as `textual_audio`; the other scalar columns become tags.
    private func spoken(
        _ fields: [String: JSONValue], clip: String?, index: Int, record: JSONRecords.Record, file: String
    ) throws -> [String: JSONValue] {
        var item: [String: JSONValue] = [
            "id": .string("\(rawValue.dropFirst(11))-\(index)"), "question": .string(""),
            "textual_audio": .string(try record.string("prompt", file: file)),
        ]
        if let clip { item["audio"] = .string(clip) }
        let core: Set<String> = ["prompt", "reference", "key", "instruction_id_list", "kwargs"]
        let tags = try ChoiceImporters.tags(record, file: file, except: core)
        if !tags.isEmpty { item["tags"] = .object(tags) }
        return item
    }
}
