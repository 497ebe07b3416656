public import HarkCore

/// Right and wrong per question and per cluster: how consistent a model is across repeated
/// samples of one question (`--repeats k`, temperature > 0) and across the questions of one clip
/// (AHa-Bench's per-clip consistency).
///
/// - `repeat_consistency`: the share of questions asked more than once whose answers were all right
///   or all wrong; `majority_accuracy`: the share whose answers were right more often than not.
/// - `mean_item_variance`: the mean over questions of p(1 − p), p its share of right answers; and
///   `within_item_variance_share`: that within-question variance over the total variance of the
///   outcomes — near 1, repeats disagree as much as questions do; near 0, each question has its
///   answer.
/// - `clip_all_right`, `clip_all_wrong`: the share of clusters (clips) with more than one question
///   whose questions were all right, or all wrong.
public struct Consistency: Sendable {
    private var questions: [String: (right: Int, total: Int)] = [:]
    private var clusters: [String: (right: Int, total: Int)] = [:]

    public init() {}

    /// `question`: the item and template, without the repeat.
    public mutating func add(question: String, cluster: String, correct: Bool) {
        questions[question, default: (0, 0)].total += 1
        clusters[cluster, default: (0, 0)].total += 1
        if correct {
            questions[question, default: (0, 0)].right += 1
            clusters[cluster, default: (0, 0)].right += 1
        }
    }

    public var metrics: [MetricName: MetricValue] {
        var metrics: [MetricName: MetricValue] = [:]
        let repeated = questions.values.filter { $0.total > 1 }
        if !repeated.isEmpty {
            let agreeing = repeated.count { $0.right == 0 || $0.right == $0.total }
            metrics[.repeatConsistency] = MetricValue(Double(agreeing) / Double(repeated.count), n: repeated.count)
            let majority = questions.values.count { 2 * $0.right > $0.total }
            metrics[.majorityAccuracy] = MetricValue(Double(majority) / Double(questions.count), n: questions.count)
            let samples = questions.values.reduce(0) { $0 + $1.total }
            let right = questions.values.reduce(0) { $0 + $1.right }
            let within = questions.values.reduce(0.0) { sum, question in
                let share = Double(question.right) / Double(question.total)
                return sum + Double(question.total) * share * (1 - share)
            }
            let overall = Double(right) / Double(samples)
            let total = Double(samples) * overall * (1 - overall)
            let meanVariance =
                questions.values.reduce(0.0) { sum, question in
                    let share = Double(question.right) / Double(question.total)
                    return sum + share * (1 - share)
                } / Double(questions.count)
            metrics[.meanItemVariance] = MetricValue(meanVariance, n: questions.count)
            metrics[.withinItemVarianceShare] = MetricValue(total == 0 ? 0 : within / total, n: samples)
        }
        let grouped = clusters.values.filter { $0.total > 1 }
        if !grouped.isEmpty {
            let allRight = grouped.count { $0.right == $0.total }
            let allWrong = grouped.count { $0.right == 0 }
            metrics[.clipAllRight] = MetricValue(Double(allRight) / Double(grouped.count), n: grouped.count)
            metrics[.clipAllWrong] = MetricValue(Double(allWrong) / Double(grouped.count), n: grouped.count)
        }
        return metrics
    }
}
