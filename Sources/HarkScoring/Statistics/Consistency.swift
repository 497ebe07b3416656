public import HarkCore

/// Right and wrong per question and per cluster: how consistent a model is across repeated
/// samples of one question (`--repeats k`, temperature > 0) and across the questions of one clip
/// (AHa-Bench's per-clip consistency).
///
/// Over the questions asked more than once:
/// - `repeat_consistency`: the share whose answers were all right or all wrong;
///   `majority_accuracy`: the share whose answers were right more often than not;
/// - `mean_item_variance`: the mean of p(1 − p), p a question's share of right answers; and
///   `within_item_variance_share`: that within-question variance over the total variance of their
///   outcomes — near 1, repeats disagree as much as questions do; near 0, each question has its
///   answer.
///
/// Over the clusters (clips) with more than one question: `clip_all_right`, `clip_all_wrong`, the
/// share whose samples were all right, or all wrong — with Wilson intervals, the clusters being
/// the independent units.
public struct Consistency: Sendable {
    private struct Tally: Sendable { var right = 0, total = 0 }
    /// Questions and clusters in the order first seen, so that sums are the same on every run.
    private var questionOrder = FirstSeen()
    private var questions: [Tally] = []
    private var clusterOrder = FirstSeen()
    /// Each cluster's tally, its first question, and whether it has another.
    private var clusters: [(tally: Tally, first: String, several: Bool)] = []
    /// Whether questions are tallied: a run without repeats asks each once, and its tally of every
    /// question would be all the memory a long run's scoring grows by.
    private let questionsRepeat: Bool

    public init(questionsRepeat: Bool = true) {
        self.questionsRepeat = questionsRepeat
    }

    /// `question`: the item and template, without the repeat.
    public mutating func add(question: String, cluster: String, correct: Bool) {
        if questionsRepeat {
            let (position, isNewQuestion) = questionOrder.position(of: question)
            if isNewQuestion { questions.append(Tally()) }
            questions[position].total += 1
            if correct { questions[position].right += 1 }
        }
        let (group, isNewCluster) = clusterOrder.position(of: cluster)
        if isNewCluster { clusters.append((Tally(), question, false)) }
        clusters[group].tally.total += 1
        if question != clusters[group].first { clusters[group].several = true }
        if correct { clusters[group].tally.right += 1 }
    }

    public var metrics: [MetricName: MetricValue] {
        var metrics: [MetricName: MetricValue] = [:]
        let repeated = questions.filter { $0.total > 1 }
        if !repeated.isEmpty {
            let count = Double(repeated.count)
            let agreeing = repeated.count { $0.right == 0 || $0.right == $0.total }
            metrics[.repeatConsistency] = MetricValue(Double(agreeing) / count, n: repeated.count)
            let majority = repeated.count { 2 * $0.right > $0.total }
            metrics[.majorityAccuracy] = MetricValue(Double(majority) / count, n: repeated.count)
            var samples = 0
            var right = 0
            var within = 0.0
            var meanVariance = 0.0
            for question in repeated {
                let share = Double(question.right) / Double(question.total)
                samples += question.total
                right += question.right
                within += Double(question.total) * share * (1 - share)
                meanVariance += share * (1 - share)
            }
            let overall = Double(right) / Double(samples)
            let total = Double(samples) * overall * (1 - overall)
            metrics[.meanItemVariance] = MetricValue(meanVariance / count, n: repeated.count)
            metrics[.withinItemVarianceShare] = MetricValue(total == 0 ? 0 : within / total, n: samples)
        }
        let grouped = clusters.filter(\.several).map(\.tally)
        if !grouped.isEmpty {
            let allRight = grouped.count { $0.right == $0.total }
            let allWrong = grouped.count { $0.right == 0 }
            metrics[.clipAllRight] = .share(allRight, of: grouped.count)
            metrics[.clipAllWrong] = .share(allWrong, of: grouped.count)
        }
        return metrics
    }
}

extension MetricValue {
    /// `successes` of `n` independent units, with its Wilson interval.
    static func share(_ successes: Int, of n: Int) -> MetricValue {
        var value = MetricValue(
            n == 0 ? 0 : Double(successes) / Double(n), ci: Wilson.interval(successes: successes, n: n), n: n)
        value.method = "wilson"
        return value
    }
}
