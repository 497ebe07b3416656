public import HarkCore

/// Scores multiple-choice suites: accuracy and the unparsed rate, overall with intervals by the
/// suite's clusters and per tag with Wilson intervals; an unparsed answer counts as wrong and is
/// never replaced by a guess.
public struct ChoiceScorer: Sendable {
    public let settings: ScoringSettings
    let extractor: ChoiceExtractor
    private var overall = Tally()
    private var bySlice: [String: [String: Tally]] = [:]
    private var clusters = ClusterTables()
    private var consistency: Consistency
    private let unit: ClusterUnit

    struct Tally: Sendable {
        var total = 0, correct = 0, unparsed = 0

        mutating func add(correct isCorrect: Bool, unparsed isUnparsed: Bool) {
            total += 1
            if isCorrect { correct += 1 }
            if isUnparsed { unparsed += 1 }
        }

        func metrics(intervals: Bool) -> [MetricName: MetricValue] {
            let accuracy = total == 0 ? 0 : Double(correct) / Double(total)
            let unparsedRate = total == 0 ? 0 : Double(unparsed) / Double(total)
            return [
                .accuracy: MetricValue(
                    accuracy, ci: intervals ? Wilson.interval(successes: correct, n: total) : nil, n: total),
                .unparsedRate: MetricValue(
                    unparsedRate, ci: intervals ? Wilson.interval(successes: unparsed, n: total) : nil, n: total),
            ]
        }
    }

    /// `questionsRepeat`: whether the run asks a question more than once (`--repeats`).
    public init(settings: ScoringSettings, questionsRepeat: Bool = true) throws {
        guard let extractor = ChoiceExtractor(rawValue: settings.extractor) else {
            let known = ChoiceExtractor.allCases.map(\.rawValue).joined(separator: ", ")
            throw HarkError.badInput("unknown choice extractor \"\(settings.extractor)\"; known: \(known)")
        }
        self.settings = settings
        self.extractor = extractor
        unit = ClusterUnit(settings.cluster ?? "clip")
        consistency = Consistency(questionsRepeat: questionsRepeat)
    }

    /// Scores one answer against the choices as the model saw them (shuffled when the suite
    /// shuffles). Besides the item's tags, each answer is sliced by `answer_position`, the letter
    /// at which the right answer was shown, which makes position bias visible.
    public mutating func add(_ record: SampleRecord, item: Item) -> ScoreRecord? {
        guard record.isAnswered, case .multipleChoice(let choices, let answer) = item.answerKey else { return nil }
        let shown =
            record.choiceOrder.flatMap { order in
                order.count == choices.count && order.allSatisfy(choices.indices.contains)
                    ? order.map { choices[$0] } : nil
            } ?? choices
        let response = record.response ?? ""
        let extracted: String
        let correct: Bool
        if extractor == .mmau {
            correct = MMAUMatcher.isCorrect(prediction: response, answer: answer, choices: shown)
            extracted = correct ? answer : "no match"
        } else if let index = extractor.choice(in: response, choices: shown) {
            extracted = shown[index]
            correct = extracted == answer
        } else {
            extracted = "unparsed"
            correct = false
        }
        let unparsed = extracted == "unparsed"
        var tags = item.slices
        if let position = shown.firstIndex(of: answer) { tags["answer_position"] = ChoiceLetters.letter(position) }
        overall.add(correct: correct, unparsed: unparsed)
        let cluster = unit.key(of: item)
        clusters.add(cluster: cluster, label: .yes, prediction: unparsed ? nil : correct ? .yes : .no)
        consistency.add(question: record.item + "#" + record.template, cluster: cluster, correct: correct)
        for (key, value) in tags {
            bySlice[key, default: [:]][value, default: Tally()].add(correct: correct, unparsed: unparsed)
        }
        return ScoreRecord(
            key: record.key, suite: record.suite, item: record.item, template: record.template, extracted: extracted,
            expected: answer,
            correct: correct, tags: tags)
    }

    /// No metrics at all when nothing was answered: "no data", never a zero.
    public func finish() -> SuiteScore {
        guard overall.total > 0 else { return SuiteScore(scoring: settings) }
        var metrics = overall.metrics(intervals: true)
        let clustered = settings.intervals != .independent && clusters.isClustered
        metrics[.accuracy]?.setProportionInterval(clusters, clustered: clustered) { $0.yesYes }
        metrics[.unparsedRate]?.setProportionInterval(clusters, clustered: clustered) { $0.yesUnparsed }
        metrics.merge(consistency.metrics) { $1 }
        return SuiteScore(
            scoring: settings, metrics: metrics,
            slices: bySlice.mapValues { $0.mapValues { $0.metrics(intervals: true) } }, unparsed: overall.unparsed)
    }
}
