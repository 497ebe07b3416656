public import HarkCore
import HarkScoring

/// One answered (or failed) sample as the HTML explorer shows it: the question, the model's answer,
/// the expected and extracted answers, the clips, the tags.
public struct ExplorerItem: Sendable, Hashable {
    public var run: String
    public var suite: String
    public var key: String
    public var prompt: String
    public var response: String
    public var expected: String
    public var extracted: String
    public var correct: Bool?
    public var error: String?
    public var audio: [String]
    public var tags: [String: String]

    public init(
        run: String, suite: String, key: String, prompt: String, response: String, expected: String, extracted: String,
        correct: Bool?, error: String?, audio: [String], tags: [String: String]
    ) {
        self.run = run
        self.suite = suite
        self.key = key
        self.prompt = prompt
        self.response = response
        self.expected = expected
        self.extracted = extracted
        self.correct = correct
        self.error = error
        self.audio = audio
        self.tags = tags
    }

    /// What happened, for filtering; hallucinations first.
    public var outcome: String {
        if error != nil { return "error" }
        if expected == "no" && extracted == "yes" { return "hallucinated" }
        if expected == "yes" && extracted == "no" { return "missed" }
        if extracted.hasPrefix("unparsed") { return "unparsed" }
        if correct == true { return "correct" }
        if correct == false { return "wrong" }
        return "scored"
    }

    /// Joins a run's journal with its scores by sample key.
    public static func join(run: String, samples: [SampleRecord], scores: [ScoreRecord]) -> [ExplorerItem] {
        let byKey = Dictionary(scores.map { ($0.key, $0) }, uniquingKeysWith: { _, last in last })
        return samples.map { sample in
            let score = byKey[sample.key]
            return ExplorerItem(
                run: run, suite: sample.suite, key: sample.key, prompt: sample.prompt, response: sample.response ?? "",
                // "unparsed: refusal": the reader says why.
                expected: score?.expected ?? "",
                extracted: (score?.extracted ?? "") + (score?.reason.map { ": " + $0.rawValue } ?? ""),
                correct: score?.correct,
                error: sample.error.map { $0.description }, audio: sample.audio.map(\.path), tags: score?.tags ?? [:])
        }
    }
}
