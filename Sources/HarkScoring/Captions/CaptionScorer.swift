public import HarkCore

/// Who lists a caption's objects (`scoring.caption_extractor`).
public enum CaptionExtractor: String, Sendable, Hashable, Codable, CaseIterable {
    /// `CaptionReader`, deterministic.
    case rules
    /// A judge model, through `hark judge` (the `caption-objects` template); captions it has not
    /// listed are read by the rules.
    case judge
}

/// Scores caption suites for hallucination (ECHO): the sound objects each caption mentions, read by
/// `CaptionReader` against the vocabulary (`scoring.caption_vocabulary`), or listed by a judge
/// (`scoring.caption_extractor: judge`), against the objects labelled present; averaged by
/// `CaptionAverages` under the suite's policy.
public struct CaptionScorer: Sendable {
    public let settings: ScoringSettings
    private let reader: CaptionReader
    private var averages: CaptionAverages
    private var answered = 0, judgeListed = 0

    /// `labels` are every object the suite labels present.
    public init(settings: ScoringSettings, labels: Set<String>) {
        self.settings = settings
        let vocabulary = SoundVocabulary(
            source: settings.captionVocabulary ?? .audioset, labels: labels, synonyms: settings.synonyms)
        reader = CaptionReader(vocabulary: vocabulary, compounds: settings.captionCompounds ?? false)
        averages = CaptionAverages(policy: settings.policy)
    }

    /// `listed`: the objects a judge listed for this caption, used instead of the rules' reading.
    public mutating func add(_ record: SampleRecord, item: Item, listed: [String]? = nil) -> ScoreRecord? {
        guard record.isAnswered, case .caption(let labels) = item.answerKey else { return nil }
        answered += 1
        let present = Set(labels.map { $0.lowercased() })
        let caption = record.response ?? ""
        let reading = listed.map { reader.read(listed: $0, caption: caption, labels: present) }
        if reading != nil { judgeListed += 1 }
        let read = reading ?? reader.read(caption, labels: present)
        averages.add(mentioned: read.objects, present: present)
        var score = ScoreRecord(
            key: record.key, suite: record.suite, item: record.item, template: record.template,
            extracted: read.objects.sorted().joined(separator: ", "),
            expected: present.sorted().joined(separator: ", "), correct: nil, tags: item.tags)
        score.mentions = read.mentions
        return score
    }

    /// No metrics at all when nothing was answered: "no data", never a zero.
    public func finish() -> SuiteScore {
        var score = SuiteScore(scoring: settings, metrics: averages.metrics)
        if judgeListed > 0 {
            score.metrics[.judgeListedShare] = MetricValue(Double(judgeListed) / Double(answered), n: answered)
        }
        return score
    }

    /// Scores a whole list of records at once, the labels taken from the items.
    public static func score(settings: ScoringSettings, items: [String: Item], records: [SampleRecord]) -> (
        SuiteScore, [ScoreRecord]
    ) {
        var labels: Set<String> = []
        for item in items.values { if case .caption(let present) = item.answerKey { labels.formUnion(present) } }
        var scorer = CaptionScorer(settings: settings, labels: labels)
        let outcomes = records.compactMap { record in items[record.item].flatMap { scorer.add(record, item: $0) } }
        return (scorer.finish(), outcomes)
    }
}
