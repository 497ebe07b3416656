/// What a suite asks of a model, which decides the keys its items carry and how answers are scored.
public enum TaskKind: String, Sendable, Hashable, CaseIterable, Codable {
    case yesNo = "yes-no"
    case multipleChoice = "multiple-choice"
    case instructionFollowing = "instruction-following"
    case caption
    case openQA = "open-qa"
}
