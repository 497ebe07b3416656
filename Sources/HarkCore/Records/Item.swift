/// One question of a suite: the clips it is about (none for text-only items, several for
/// multi-audio items), the question, free tags for slicing, and what a right answer is.
public struct Item: Sendable, Hashable, Identifiable {
    public var id: String
    public var audio: [AudioRef]
    /// The question as written; `nil` when the suite's prompt templates supply it.
    public var question: String?
    /// Free key/values used for slices: `sampling`, `template`, `category`, `difficulty`, ...
    public var tags: [String: String]
    /// Tag keys kept on the item but never sliced: those with too many distinct values in the
    /// suite (see `SuiteLoader.maxSliceValues`).
    public var unslicedTags: Set<String> = []
    public var answerKey: AnswerKey
    /// The 1-based line of `items.jsonl` the item was read from.
    public var line: Int
    /// What the clips say, written out (Speech-IFEval's `textual_audio`): asked instead of the
    /// audio in a text-only reference run.
    public var textualAudio: String?
    /// A question the model should refuse (`"refuse": true`: about a sound the clip cannot hold, or
    /// asked of noise): scored by whether the answer refuses, and counted in `refusal_rate`.
    public var refuse = false

    public init(
        id: String, audio: [AudioRef] = [], question: String? = nil, tags: [String: String] = [:],
        answerKey: AnswerKey, line: Int = 0
    ) {
        self.id = id
        self.audio = audio
        self.question = question
        self.tags = tags
        self.answerKey = answerKey
        self.line = line
    }

    public var task: TaskKind { answerKey.task }

    /// The tags results are broken down by.
    public var slices: [String: String] {
        unslicedTags.isEmpty ? tags : tags.filter { !unslicedTags.contains($0.key) }
    }
}

/// What counts as a right answer, by task kind.
public enum AnswerKey: Sendable, Hashable {
    /// Is `object` in the clip? `object` fills the `{object}` of prompt templates.
    case yesNo(object: String?, label: YesNo)
    /// `answer` is the exact text of one of `choices`.
    case multipleChoice(choices: [String], answer: String)
    case instructionFollowing([Instruction])
    /// The sound objects present, against which a caption's mentions are checked.
    case caption(labels: [String])
    /// A reference answer for a judge.
    case openQA(answer: String)

    public var task: TaskKind {
        switch self {
        case .yesNo: .yesNo
        case .multipleChoice: .multipleChoice
        case .instructionFollowing: .instructionFollowing
        case .caption: .caption
        case .openQA: .openQA
        }
    }
}
