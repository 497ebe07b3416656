import Foundation
import HarkCore

/// Importers of the public audio-hallucination sets into yes-no suites.
public enum HallucinationImporters {
    /// The scoring of imported yes/no probes: the official rule, "no" as the positive class, and
    /// the counting policy of the paper the items come from.
    public static func scoring(policy: String) -> String {
        "{extractor: kuan2024, positive_class: \"no\", policy: \(policy)}"
    }

    /// Kuan et al. 2024 rows (`entry_id, audio_index, prompt_text, object, attribute, label,
    /// sampling`): the audio is `<audio_index>.wav` under the audio root; the question is
    /// `prompt_text` as given; sampling, attribute and the recognised template (1–5, or `other`)
    /// become tags.
    public static func kuan2024(rows: TabularRows, file: String) throws -> Imported {
        try Imported.each(rows.rows, file: file) { row, _ in
            let location = SourceLocation(file: file, line: row.line)
            let fields = row.fields
            let id = try required(fields, "entry_id", location)
            let audio = try required(fields, "audio_index", location)
            let prompt = try required(fields, "prompt_text", location)
            let object = try required(fields, "object", location)
            let label = try yesNo(try required(fields, "label", location), location.field("label"))
            var tags: [String: JSONValue] = ["template": .string(template(of: prompt, object: object))]
            if let sampling = fields["sampling"] { tags["sampling"] = .string(sampling.lowercased()) }
            if let attribute = fields["attribute"] { tags["attribute"] = .string(attribute) }
            return .object([
                "id": .string(id), "audio": .string(audio.hasSuffix(".wav") ? audio : audio + ".wav"),
                "question": .string(prompt),
                "object": .string(object), "label": .string(label.rawValue), "tags": .object(tags),
            ])
        }
    }

    /// ICASSP 2025 tasks (`entry_id, audio, query, object, attribute, ground_truth`). Rows come in
    /// pairs — the clip with the sound, then the clip without it — kept as the tag `pair` for pair
    /// analysis.
    public static func icassp2025(rows: TabularRows, file: String) throws -> Imported {
        try Imported.each(Array(rows.rows.enumerated()), file: file) { numbered, _ in
            let (index, row) = numbered
            let location = SourceLocation(file: file, line: row.line)
            let fields = row.fields
            let label = try yesNo(try required(fields, "ground_truth", location), location.field("ground_truth"))
            var tags: [String: JSONValue] = [
                "pair": .string("p\(index / 2)"), "pair_role": .string(index % 2 == 0 ? "first" : "second"),
            ]
            if let attribute = fields["attribute"] { tags["attribute"] = .string(attribute) }
            return .object([
                "id": .string(try required(fields, "entry_id", location)),
                "audio": .string(try required(fields, "audio", location)),
                "question": .string(try required(fields, "query", location)),
                "object": .string(try required(fields, "object", location)),
                "label": .string(label.rawValue), "tags": .object(tags),
            ])
        }
    }

    /// Which of the five Kuan 2024 templates a question uses (1–5), with or without the trailing
    /// " in the audio"; `other` when none.
    static func template(of prompt: String, object: String) -> String {
        let question = prompt.trimmingCharacters(in: .whitespacesAndNewlines)
        for (index, template) in ProbeGenerator.kuan2024Templates.enumerated() {
            let rendered = template.replacingOccurrences(of: "{object}", with: object)
            let short = rendered.replacingOccurrences(of: " in the audio?", with: "?")
            let long = rendered.hasSuffix(" in the audio?") ? rendered : String(rendered.dropLast()) + " in the audio?"
            if [rendered, short, long].contains(question) { return String(index + 1) }
        }
        return "other"
    }

    static func required(_ fields: [String: String], _ name: String, _ location: SourceLocation) throws -> String {
        guard let value = fields[name], !value.isEmpty else {
            throw HarkError.badInput("missing", at: location.field(name))
        }
        return value
    }

    static func yesNo(_ text: String, _ location: SourceLocation) throws -> YesNo {
        guard let label = YesNo(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw HarkError.badInput("expected Yes or No, found \"\(text)\"", at: location)
        }
        return label
    }
}
