import Foundation
import HarkCore
import HarkRecords
import HarkScoring

/// The verdicts of a judged run, read from `judgements.jsonl` with the templates its manifest
/// names: sample key → verdict, and for captions the objects the judge listed. Empty for a run
/// never judged.
struct JudgeVerdicts {
    private(set) var verdicts: [String: JudgeVerdict] = [:]
    private(set) var listed: [String: [String]] = [:]
    private var templates: [String: JudgeTemplate] = [:]

    init(judge: RunManifest.Judge?, directory: RunDirectory) throws {
        guard let judge, FileManager.default.fileExists(atPath: directory.judgements.path) else { return }
        for (suite, name) in judge.templates {
            guard let template = JudgeTemplate.named(name) else {
                throw HarkError.badInput(
                    "unknown judge template \"\(name)\"",
                    at: SourceLocation(file: directory.manifest.path, field: "judge.templates"))
            }
            templates[suite] = template
        }
        try Journal.forEachRecord(directory.judgements) { record, _ in
            guard record.isAnswered, let template = templates[record.suite] else { return }
            if template.name == JudgeTemplate.captionObjects.name {
                listed[record.key] = JudgeTemplate.listedObjects(record.response ?? "")
            } else {
                verdicts[record.key] = template.verdict(record.response ?? "")
            }
        }
    }

    /// Whether the suite's answers were judged.
    func judges(_ suite: String) -> Bool { templates[suite] != nil }
}
