import HarkCore

/// How the choices of a multiple-choice item are written after its question.
///
/// - `quoted`: `{question} Choose from the following options: "a", "b", "c" or "d"` (the MMAU and
///   DeSTA2.5 style);
/// - `lettered`: the question, then one line per choice, `A. a`, `B. b`, … (the AIR-Bench style);
/// - `none`: the question alone, for questions that already list their choices (SAKURA);
/// - `mmau`: the MMAU authors' prompt (Sakshi113/MMAU issue 3), `\n{question}  Select one option
///   from the provided choices.\n{choices}.`, the choices one per line;
/// - `mmar`: the MMAR authors' prompt (ddlBoJack/MMAR issue 3), `{question}\nSelect one option from
///   the provided choices:\n{choices}`, one per line.
///
/// The last two write no letters: the official token-set rule reads the choice's words.
public enum ChoiceFormat: String, Sendable, Hashable, CaseIterable {
    case quoted, lettered, none, mmau, mmar

    /// The question followed by the choices, in the order given.
    public func render(question: String, choices: [String]) -> String {
        switch self {
        case .none:
            return question
        case .lettered:
            let lines = choices.enumerated().map { index, choice in "\(ChoiceLetters.letter(index)). \(choice)" }
            return ([question] + lines).joined(separator: "\n")
        case .mmau:
            return "\n\(question)  Select one option from the provided choices.\n" + choices.joined(separator: "\n")
                + "."
        case .mmar:
            return question + "\nSelect one option from the provided choices:\n" + choices.joined(separator: "\n")
        case .quoted:
            let quoted = choices.map { "\"\($0)\"" }
            let list =
                quoted.count > 1
                ? quoted.dropLast().joined(separator: ", ") + " or " + quoted[quoted.count - 1] : quoted.joined()
            return "\(question) Choose from the following options: \(list)"
        }
    }

    /// What joins the answer-format instruction to the rendered question.
    var separator: String { self == .quoted || self == .none ? " " : "\n" }
}
