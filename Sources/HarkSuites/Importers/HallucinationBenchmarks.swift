import Foundation
public import HarkCore

/// The audio-hallucination benchmarks of 2025–26 as yes/no suites, each scored by its official
/// rule (`ahabench`, `halluaudio`, `cmm`): AHa-Bench and HalluAudio from their Hugging Face Parquet
/// (`hark import hf --preset`), CMM's audio part from its JSON files (`hark import cmm`).
public enum BenchmarkRows {
    /// What a row becomes: an item, or left out with the reason (counted in the import's warnings).
    public enum Outcome: Sendable {
        case item([String: JSONValue])
        case leftOut(String)
    }

    public static let ahaBenchScoring = "{extractor: ahabench, policy: ahabench, cluster: sample}"
    public static let ahaBenchASRScoring = "{extractor: ahabench-wer, cluster: sample}"
    public static let halluAudioScoring = "{extractor: halluaudio}"
    public static let cmmScoring = "{extractor: cmm}"

    /// `process_parquet.py`'s number of each AHa-Bench type.
    static let ahaBenchTypes: [String: Int] = [
        "source_number": 0, "distance": 10, "duration": 20, "repetition": 30, "inferred sound": 40,
        "temporal sequence": 50, "existence": 60, "Authenticity": 70, "homophone_en-en": 80, "homophone_zh-en": 90,
        "homophone_zh-zh": 100, "inferredsound_en": 110, "inferredsound_zh": 120, "knowledge_en": 130,
        "knowledge_zh": 140, "overreliance_en": 150, "overreliance_zh": 160, "polysemy_en": 170, "polysemy_zh": 180,
        "prosodic_en": 190, "prosodic_zh": 200, "asr_zh": 210, "asr_en": 220,
    ]

    /// The two indexes `eval_metric.py` skips.
    static let ahaBenchSkipped: Set<String> = ["40_10_3", "40_10_4"]

    /// `process_parquet.py`'s numbering: within each type, clips numbered from 0 in the order first
    /// seen (by their bytes), and each clip's questions from 1.
    public struct AHaBenchNumbering: Sendable {
        private var clips: [String: [String: (clip: Int, questions: Int)]] = [:]

        public init() {}

        mutating func index(type: String, typeNumber: Int, clip: String) -> (index: String, sample: String) {
            var known = clips[type, default: [:]]
            var entry = known[clip] ?? (known.count, 0)
            entry.questions += 1
            known[clip] = entry
            clips[type] = known
            let sample = "\(typeNumber)_\(entry.clip)"
            return ("\(sample)_\(entry.questions)", sample)
        }
    }

    /// An AHa-Bench row: the id is the official index (`<type number>_<clip>_<question>`), the tag
    /// `sample` its first two parts (the group consistency is counted over), `task_type` the type
    /// before its first `_`. The yes/no rows, or with `asr` the ASR rows (the transcript their
    /// answer, scored by WER), each leaving the others out; and the two indexes the official scorer
    /// skips.
    static func ahaBench(
        _ record: JSONRecords.Record, clip: String?, file: String, numbering: inout AHaBenchNumbering, asr: Bool
    ) throws -> Outcome {
        let type = try record.string("type", file: file)
        guard let number = ahaBenchTypes[type] else {
            throw HarkError.badInput(
                "\"\(type)\" is not one of AHa-Bench's types (\(ahaBenchTypes.keys.sorted().joined(separator: ", ")))",
                at: record.location(file, "type"))
        }
        // process_parquet.py tells clips apart by their bytes: the content hash, not the extension.
        let bytes = clip.map { ($0 as NSString).deletingPathExtension } ?? ""
        let (index, sample) = numbering.index(type: type, typeNumber: number, clip: bytes)
        if type.hasPrefix("asr") != asr {
            return .leftOut(
                asr ? "yes/no rows: the ahabench preset's" : "ASR (types asr_en, asr_zh): the ahabench-asr preset's")
        }
        if ahaBenchSkipped.contains(index) {
            return .leftOut("indexes 40_10_3 and 40_10_4, which the official eval_metric.py skips")
        }
        let answer = try record.string("answer", file: file)
        let key: (name: String, value: JSONValue)
        if asr {
            guard answer.contains(where: { !$0.isWhitespace }) else {
                throw HarkError.badInput("an empty transcript (jiwer refuses it)", at: record.location(file, "answer"))
            }
            key = ("answer", .string(answer))
        } else {
            guard let label = ahaBenchLabel(answer) else {
                throw HarkError.badInput(
                    "expected a yes or no answer, found \"\(answer)\"", at: record.location(file, "answer"))
            }
            key = ("label", .string(label.rawValue))
        }
        var tags: [String: JSONValue] = [
            "type": .string(type), "task_type": .string(String(type.prefix { $0 != "_" })), "sample": .string(sample),
        ]
        if let id = record.fields["question_id"], id != .null { tags["question_id"] = id }
        var item: [String: JSONValue] = [
            "id": .string(index), "question": .string(try record.string("question", file: file)),
            key.name: key.value, "tags": .object(tags),
            "meta": .object(record.fields.filter { ["answer", "answer_details", "text", "label"].contains($0.key) }),
        ]
        if let clip { item["audio"] = .string(clip) }
        return .item(item)
    }

    /// `normalize` of `eval_metric.py` on the reference answer.
    static func ahaBenchLabel(_ answer: String) -> YesNo? {
        let text = answer.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if text.contains("yes") || text.contains("是") { return .yes }
        if text.contains("no") || text.contains("否") { return .no }
        return nil
    }

    /// A HalluAudio row. `binary`: the rows whose reference is "yes" or "no" (as
    /// `accuracy_classify.py` compares it: stripped, lowercased) become yes/no items, the others are
    /// left out, counted by subset; else the others become open questions (the reference the answer,
    /// `refuse: true` for the invalid subsets) and the binary ones are left out.
    static func halluAudio(_ record: JSONRecords.Record, clip: String?, index: Int, file: String, binary: Bool) throws
        -> Outcome
    {
        // accuracy_else.py strips the subset before it compares it.
        let subset = try record.string("subset", file: file).trimmingCharacters(in: .whitespacesAndNewlines)
        let reference = try record.string("reference", file: file)
        let label = YesNo(rawValue: reference.trimmingCharacters(in: .whitespacesAndNewlines).lowercased())
        var item: [String: JSONValue] = [
            "id": .string("halluaudio-\(index)"), "question": .string(try record.string("prompt", file: file)),
            "tags": .object(["subset": .string(subset)]),
        ]
        switch (binary, label) {
        case (true, let label?):
            item["label"] = .string(label.rawValue)
            item["meta"] = .object(["reference": .string(reference)])
        case (true, nil): return .leftOut("not binary (reference neither yes nor no), subset \(subset)")
        case (false, nil):
            item["answer"] = .string(reference)
            if subset.contains("invalid") { item["refuse"] = .bool(true) }
        case (false, _?): return .leftOut("binary (reference yes or no): the halluaudio preset's")
        }
        if let clip { item["audio"] = .string(clip) }
        return .item(item)
    }

    /// CMM's audio-only probes ("Did you hear [event] in the audio? Answer with yes or no."), from
    /// its JSON files (a record a line, as `calculate_score.py` reads them, or an array): the rows
    /// whose `modality` is `audio`; the object is the event the question names. Rows of other
    /// modalities are left out, counted. `audio_path` is read against the audio root, without its
    /// leading `./`.
    public static func cmm(_ records: JSONRecords) throws -> Imported {
        let file = records.file
        var leftOut = 0
        var imported = try Imported.each(records.records, file: file) { record, _ in
            guard record.fields["modality"]?.stringValue == "audio" else {
                leftOut += 1
                return .null
            }
            let question = try record.string("question", file: file)
            let answer = try record.string("answer", file: file)
            guard let label = YesNo(rawValue: answer.trimmingCharacters(in: .whitespacesAndNewlines).lowercased())
            else {
                throw HarkError.badInput("expected yes or no, found \"\(answer)\"", at: record.location(file, "answer"))
            }
            var audio = try record.string("audio_path", file: file)
            while audio.hasPrefix("./") { audio.removeFirst(2) }
            var tags: [String: JSONValue] = ["pair": .string(audio)]
            for key in ["category", "sub_category", "modality", "granularity", "correlation_type"] {
                if let value = record.fields[key], value != .null { tags[key] = value }
            }
            var item: [String: JSONValue] = [
                "id": .string("cmm-\(record.line)"), "audio": .string(audio), "question": .string(question),
                "label": .string(label.rawValue), "tags": .object(tags),
            ]
            if let object = heardEvent(question) { item["object"] = .string(object) }
            return .object(item)
        }
        imported.items.removeAll { $0 == .null }
        if leftOut > 0 {
            imported.warnings.append(
                .warning(SourceLocation(file: file), "left out \(leftOut) rows whose modality is not audio"))
        }
        return imported
    }

    /// The event of "Did you hear [event] in the audio?".
    static func heardEvent(_ question: String) -> String? {
        guard let start = question.range(of: "Did you hear "),
            let end = question.range(of: " in the audio", range: start.upperBound..<question.endIndex)
        else { return nil }
        return String(question[start.upperBound..<end.lowerBound])
    }
}
