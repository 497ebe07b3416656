public import HarkCore

/// Importers of instruction-following sets: IFEval's `input_data.jsonl` and Speech-IFEval's three
/// files. Instructions keep the reference's arguments, nulls left out.
public enum InstructionImporters {
    /// The scoring of imported IFEval suites: Google's checkers.
    public static let ifevalScoring = "{profile: ifeval}"
    /// The scoring of imported Speech-IFEval suites: its checkers, and the reasoning judge for the
    /// chain-of-thought items.
    public static let speechIFEvalScoring = "{profile: speech-ifeval, judge: reasoning}"

    /// IFEval (`key, prompt, instruction_id_list, kwargs`): text-only items, or — with `clip` —
    /// each asked with that clip present, so that the same instructions are asked with audio.
    public static func ifeval(_ records: JSONRecords, clip: String? = nil) throws -> Imported {
        try Imported.each(records.records, file: records.file) { record, _ in
            var item: [String: JSONValue] = [
                "id": .string(try record.string("key", file: records.file)),
                "question": .string(try record.string("prompt", file: records.file)),
                "instructions": try instructions(record, file: records.file),
            ]
            if let clip { item["audio"] = .string(clip) }
            return .object(item)
        }
    }

    /// Speech-IFEval items (`id, audio_filepath, textual_audio, instruction, dataset, metric,
    /// instruction_id_list, kwargs, label`) of one category: the instruction asked with the clip,
    /// `textual_audio` kept for text-only reference runs, `category`, `dataset` and `metric` as
    /// tags. Chain-of-thought items carry no rules: the `reasoning` judge decides them. The published
    /// chain-of-thought file has no `id`: such an item is named `<category>-<line>`.
    public static func speechIFEval(_ records: JSONRecords, category: SpeechIFEvalCategory) throws -> Imported {
        try Imported.each(records.records, file: records.file) { record, _ in
            let file = records.file
            var tags: [String: JSONValue] = ["category": .string(category.rawValue)]
            for name in ["dataset", "metric"] {
                if let value = record.fields[name], value != .null {
                    tags[name] = .string(try record.string(name, file: file))
                }
            }
            let id =
                record.fields["id"] == nil ? "\(category.rawValue)-\(record.line)" : try record.string("id", file: file)
            var item: [String: JSONValue] = [
                "id": .string(id),
                "question": .string(try record.string("instruction", file: file)),
                "instructions": category == .chainOfThought ? .array([]) : try instructions(record, file: file),
                "tags": .object(tags),
            ]
            if let audio = record.fields["audio_filepath"], audio != .null {
                item["audio"] = .string(
                    ChoiceImporters.relativeAudioPath(try record.string("audio_filepath", file: file)))
            }
            if let text = record.fields["textual_audio"], text != .null {
                item["textual_audio"] = .string(try record.string("textual_audio", file: file))
            }
            return .object(item)
        }
    }

    /// `instruction_id_list` zipped with `kwargs`, null arguments dropped.
    static func instructions(_ record: JSONRecords.Record, file: String) throws -> JSONValue {
        guard let ids = record.fields["instruction_id_list"]?.arrayValue else {
            throw HarkError.badInput("missing, or not a list", at: record.location(file, "instruction_id_list"))
        }
        let kwargs = record.fields["kwargs"]?.arrayValue ?? []
        guard kwargs.isEmpty || kwargs.count == ids.count else {
            throw HarkError.badInput(
                "has \(kwargs.count) entries for \(ids.count) instructions", at: record.location(file, "kwargs"))
        }
        return .array(
            try ids.enumerated().map { index, id in
                guard let name = id.stringValue else {
                    throw HarkError.badInput(
                        "expected a string", at: record.location(file, "instruction_id_list[\(index)]"))
                }
                let arguments =
                    (index < kwargs.count ? kwargs[index].objectValue : nil)?.filter { $0.value != .null } ?? [:]
                return .object(["id": .string(name), "kwargs": .object(arguments)])
            })
    }
}
