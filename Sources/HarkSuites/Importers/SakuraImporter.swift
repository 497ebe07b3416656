import Foundation
import HarkCore

/// SAKURA (Yang et al. 2025): each track folder (`Animal`, `Emotion`, `Gender`, `Language`) holds
/// `metadata.csv` (`file, attribute_label, single_instruction, single_answer, multi_instruction,
/// multi_answer`) and `audio/`. Each row becomes two items, the single-hop and the multi-hop
/// question, both about the clip `<Track>/audio/<file>` under the dataset root.
///
/// The instruction is asked verbatim, as the benchmark does: it already lists its choices as
/// `(a) … (b) …`. The choices are read from it for scoring, and the answer (`(b) fear`) is matched
/// to them by its letter, or by its text. Tags: `track`, `hop` (single / multi), `set` (track and
/// hop: the cells of the published table), `attribute_label`.
public enum SakuraImporter {
    /// The prompt (choices already in the question) and scoring of imported suites: the choice
    /// extractor, and the `correctness` judge that the benchmark's own scoring uses.
    public static let prompt = SuiteManifest.Prompt(choices: .none)
    public static let scoring = "{extractor: default, judge: correctness}"

    /// Items from one track's `metadata.csv`; the track is the name of its folder.
    public static func items(rows: TabularRows, file: String) throws -> Imported {
        let trackFolder = URL(fileURLWithPath: file).deletingLastPathComponent().lastPathComponent
        let track = trackFolder.lowercased()
        let questions = rows.rows.flatMap { row in ["single", "multi"].map { (row, $0) } }
        return try Imported.each(questions, file: file) { question, _ in
            let (row, hop) = question
            let location = SourceLocation(file: file, line: row.line)
            let clip = try HallucinationImporters.required(row.fields, "file", location)
            let stem = (clip as NSString).deletingPathExtension
            let instruction = try HallucinationImporters.required(row.fields, "\(hop)_instruction", location)
            let answerText = try HallucinationImporters.required(row.fields, "\(hop)_answer", location)
            let choices = lettered(instruction)
            guard choices.count >= 2 else {
                throw HarkError.badInput(
                    "expected choices written (a) … (b) …, found \(choices.count)",
                    at: location.field("\(hop)_instruction"))
            }
            guard let answer = match(answerText, choices: choices) else {
                throw HarkError.badInput(
                    "\"\(answerText)\" names none of the choices", at: location.field("\(hop)_answer"))
            }
            // `set`: one of SAKURA's eight published cells (track × hop), e.g. "animal single".
            var tags: [String: JSONValue] = [
                "track": .string(track), "hop": .string(hop), "set": .string("\(track) \(hop)"),
            ]
            if let label = row.fields["attribute_label"], !label.isEmpty { tags["attribute_label"] = .string(label) }
            return .object([
                "id": .string("\(track)-\(stem)-\(hop)"), "audio": .string("\(trackFolder)/audio/\(clip)"),
                "question": .string(instruction), "choices": .array(choices.map(JSONValue.string)),
                "answer": .string(answer),
                "tags": .object(tags),
            ])
        }
    }

    /// The choices an instruction lists as `(a) text (b) text …`: markers in letter order from `(a)`,
    /// each choice running to the next marker (or the end), trimmed.
    static func lettered(_ instruction: String) -> [String] {
        var markers: [Range<String.Index>] = []
        var searchFrom = instruction.startIndex
        var letter: Character = "a"
        while let range = instruction.range(
            of: "(\(letter))", options: .caseInsensitive, range: searchFrom..<instruction.endIndex)
        {
            markers.append(range)
            searchFrom = range.upperBound
            letter = Character(UnicodeScalar(letter.asciiValue! + 1))
        }
        return markers.indices.map { index in
            let end = index + 1 < markers.count ? markers[index + 1].lowerBound : instruction.endIndex
            return instruction[markers[index].upperBound..<end].trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    /// The choice an answer names: `(b) fear` or `(b)` by its letter, else `fear` by its text.
    static func match(_ answer: String, choices: [String]) -> String? {
        let text = answer.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.count >= 3, text.first == "(", let letter = text.dropFirst().first?.lowercased().first,
            text.dropFirst(2).first == ")",
            let ascii = letter.asciiValue, ascii >= 97, Int(ascii - 97) < choices.count
        {
            return choices[Int(ascii - 97)]
        }
        return choices.first { $0.caseInsensitiveCompare(text) == .orderedSame }
    }
}
