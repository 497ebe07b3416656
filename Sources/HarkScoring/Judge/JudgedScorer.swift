public import HarkCore

/// Scores answers by a judge's verdicts: accuracy (the share judged passing) and the unparsed
/// rate of the judge's replies, overall and per tag, with Wilson intervals. Answers the judge has
/// not judged (the judge failed on them, or never ran) are counted apart and enter no rate.
public struct JudgedScorer: Sendable {
    public let settings: ScoringSettings
    private var overall = Tally()
    private var bySlice: [String: [String: Tally]] = [:]

    struct Tally: Sendable {
        var total = 0, passed = 0, unparsed = 0

        mutating func add(_ verdict: JudgeVerdict) {
            total += 1
            if verdict == .pass { passed += 1 }
            if verdict == .unparsed { unparsed += 1 }
        }

        /// The judge's accuracy and unparsed rate; `judged` names them as read beside other rules
        /// (`judge_accuracy`).
        func metrics(judged: Bool) -> [MetricName: MetricValue] {
            let share = { (count: Int) in total == 0 ? 0 : Double(count) / Double(total) }
            let name = { (metric: MetricName) in judged ? metric.judged : metric }
            return [
                name(.accuracy): MetricValue(share(passed), ci: Wilson.interval(successes: passed, n: total), n: total),
                name(.unparsedRate): MetricValue(
                    share(unparsed), ci: Wilson.interval(successes: unparsed, n: total), n: total),
            ]
        }
    }

    public init(settings: ScoringSettings) {
        self.settings = settings
    }

    /// Adds one answer with its verdict (nil: not judged); returns its line of `scores.jsonl`.
    public mutating func add(_ record: SampleRecord, item: Item, verdict: JudgeVerdict?) -> ScoreRecord? {
        guard record.isAnswered else { return nil }
        guard let verdict else { return nil }
        overall.add(verdict)
        for (key, value) in item.slices { bySlice[key, default: [:]][value, default: Tally()].add(verdict) }
        return ScoreRecord(
            key: record.key, suite: record.suite, item: record.item, template: record.template,
            extracted: verdict.rawValue,
            expected: item.answerKey.reference ?? "", correct: verdict == .pass, tags: item.tags)
    }

    /// The score of a judged suite (open-qa): `accuracy` and `unparsed_rate`; no metrics at all
    /// before a judge has judged (never a zero for "not measured").
    public func finish() -> SuiteScore {
        guard overall.total > 0 else { return SuiteScore(scoring: settings) }
        return SuiteScore(
            scoring: settings, metrics: overall.metrics(judged: false),
            slices: bySlice.mapValues { $0.mapValues { $0.metrics(judged: false) } },
            unparsed: overall.unparsed)
    }

    /// The judge's metrics beside another scorer's: `judge_accuracy` and `judge_unparsed_rate`.
    public func extraMetrics() -> [MetricName: MetricValue] {
        overall.total == 0 ? [:] : overall.metrics(judged: true)
    }

    /// The same per slice (SAKURA's published table is judged accuracy per track and hop).
    public func extraSlices() -> [String: [String: [MetricName: MetricValue]]] {
        bySlice.mapValues { $0.mapValues { $0.metrics(judged: true) } }
    }
}

extension AnswerKey {
    /// The reference answer a judge compares with: the open answer, the right choice, or the
    /// yes/no label.
    public var reference: String? {
        switch self {
        case .openQA(let answer): answer
        case .multipleChoice(_, let answer): answer
        case .yesNo(_, let label): label.rawValue
        case .caption(let labels): labels.joined(separator: ", ")
        case .instructionFollowing: nil
        }
    }
}
