import HarkCore

/// AHa-Bench's figures as `eval_metric.py` computes them, for a suite scored with the `ahabench`
/// policy. By type (the tag `task_type`, the official `type.split('_')[0]`): accuracy, the bias
/// FNR − FPR with unparsed answers in both denominators, and over every sample group (the tag
/// `sample`: type and clip, the official index's first two parts) the share whose answers were all
/// right and all wrong. The official script computes each repeated run on its own and averages the
/// runs; a group here is a sample group within one repeat, which gives the same figures when every
/// repeat asks every item. The suite's bias and consistency are the mean over types, as the
/// official "平均" column is; its accuracy is over all samples. (The official averages of accuracy
/// and consistency also count ASR items, which hark scores in a suite of their own.)
struct AHaBenchSummary: Sendable {
    private struct Group: Sendable { var right = 0, total = 0 }
    private var tables: [String: YesNoConfusion] = [:]
    private var groups: [String: [String: Group]] = [:]

    mutating func add(item: Item, repeatIndex: Int, cluster: String, label: YesNo, prediction: YesNo?) {
        let type = item.tags["task_type"] ?? "all"
        tables[type, default: YesNoConfusion()].add(label: label, prediction: prediction)
        let group = (item.tags["sample"] ?? cluster) + "@" + String(repeatIndex)
        groups[type, default: [:]][group, default: Group()].total += 1
        if prediction == label { groups[type, default: [:]][group, default: Group()].right += 1 }
    }

    /// The figures of each type, and the means over types.
    func metrics(positive: YesNo) -> (byType: [String: [MetricName: MetricValue]], means: [MetricName: MetricValue]) {
        var byType: [String: [MetricName: MetricValue]] = [:]
        for (type, table) in tables {
            let metrics = YesNoMetrics(table, positive: positive, policy: .ahabench)
            let typeGroups = groups[type, default: [:]].values
            let count = Double(typeGroups.count)
            byType[type] = [
                .accuracy: MetricValue(metrics.accuracy, n: table.total),
                .bias: MetricValue(metrics.bias, n: table.total),
                .clipAllRight: MetricValue(
                    Double(typeGroups.count { $0.right == $0.total }) / count, n: typeGroups.count),
                .clipAllWrong: MetricValue(Double(typeGroups.count { $0.right == 0 }) / count, n: typeGroups.count),
            ]
        }
        var means: [MetricName: MetricValue] = [:]
        for name in [MetricName.bias, .clipAllRight, .clipAllWrong] {
            // Summed in the official order (types sorted by name), so that the mean is its float.
            let values = byType.keys.sorted().compactMap { byType[$0]?[name]?.value }
            guard !values.isEmpty else { continue }
            means[name] = MetricValue(values.reduce(0, +) / Double(values.count), n: values.count)
        }
        return (byType, means)
    }
}
