public import HarkCore

/// Whether an answer refuses: declines to answer, or says it cannot hear or has no audio.
public enum RefusalReader: String, Sendable, CaseIterable {
    /// HalluAudio's `refuse_to_answer.py`: its patterns searched case-insensitively (`re.search`
    /// with IGNORECASE); an empty answer is a refusal.
    case halluaudio
    /// hark's own: HalluAudio's patterns and the "cannot hear" phrases of its `accuracy_else.py`,
    /// and the apologies audio models give when they hear nothing; an empty answer is not a refusal
    /// (it is no answer at all).
    case hark

    /// The patterns of `refuse_to_answer.py`, in its order.
    static let halluAudioPatterns = [
        #"i (can|cannot|can't) (not )?(access|listen|hear|process).*audio"#,
        #"unable to (access|listen|hear|process).*audio"#,
        #"as a .*?(language model|text-based).*cannot.*audio"#,
        #"i (can|cannot|can't).*determine.*audio"#,
        #"audio.*not.*available"#,
        #"no audio.*provided"#,
        #"i'm not able to"#,
        #"i am not able to"#,
        #"unable to answer"#,
        #"cannot answer"#,
        #"can't answer"#,
        #"i do not have access"#,
        #"i don't have access"#,
        #"i (can|cannot|can't).*analyze audio"#,
    ]

    /// The "cannot hear" phrases of `accuracy_else.py` (searched in the lowercased answer).
    public static let cannotHearPhrases = [
        "sorry", "don't have access", "do not have access", "no recording", "didn't provide", "did not provide",
        "cannot access", "i'm not capable", "i am not capable", "cannot listen", "cannot hear", "no audio",
        "no recording provided",
    ]

    /// What hark adds: apologies and refusals of the audio models hark is run against.
    static let harkPhrases = [
        "can't hear", "unable to hear", "not able to hear", "i can't help", "i cannot help", "i won't", "i will not",
        "not possible to determine", "impossible to determine", "there is no audio", "no sound was provided",
        "i apologize", "i'm unable", "i am unable", "cannot be determined", "can't be determined",
    ]

    private static let halluAudio: PythonPattern? = try? PythonPattern(
        halluAudioPatterns.joined(separator: "|"), ignoreCase: true)

    public func refuses(_ answer: String) -> Bool {
        let text = PythonText.strip(answer)
        switch self {
        case .halluaudio:
            return text.isEmpty || Self.halluAudio?.firstMatch(in: text) == true
        case .hark:
            guard !text.isEmpty else { return false }
            if Self.halluAudio?.firstMatch(in: text) == true { return true }
            let lowered = PythonText.lower(text).replacingOccurrences(of: "\u{2019}", with: "'")
            return (Self.cannotHearPhrases + Self.harkPhrases).contains { PythonText.contains(lowered, $0) }
        }
    }
}

/// Refusals counted over a suite's answers: `refusal_rate` over the items marked `refuse` (the
/// share refused: the right thing to do) and `false_refusal_rate` over the others (the share
/// refused that should have been answered), with Wilson intervals. Kept only when the suite marks
/// some item `refuse`.
public struct RefusalTally: Sendable {
    let reader: RefusalReader
    private var shouldRefuse = (refused: 0, total: 0)
    private var shouldAnswer = (refused: 0, total: 0)

    public init(reader: RefusalReader) {
        self.reader = reader
    }

    public mutating func add(_ record: SampleRecord, item: Item) {
        guard record.isAnswered else { return }
        let refused = reader.refuses(record.response ?? "")
        if item.refuse {
            shouldRefuse.total += 1
            if refused { shouldRefuse.refused += 1 }
        } else {
            shouldAnswer.total += 1
            if refused { shouldAnswer.refused += 1 }
        }
    }

    public var metrics: [MetricName: MetricValue] {
        guard shouldRefuse.total > 0 else { return [:] }
        var metrics: [MetricName: MetricValue] = [.refusalRate: .share(shouldRefuse.refused, of: shouldRefuse.total)]
        if shouldAnswer.total > 0 {
            metrics[.falseRefusalRate] = .share(shouldAnswer.refused, of: shouldAnswer.total)
        }
        return metrics
    }
}
