public import HarkCore

/// ICASSP 2025 pair analysis: items come in pairs (the clip with the sound, labelled yes, and the same
/// clip with it removed, labelled no), joined by the tag `pair`. Of the pairs whose two answers both
/// parsed, the share where both are right (C-C), both wrong (IC-IC), only the first — the clip with
/// the sound — right (C-IC), or only the second right (IC-C).
public struct PairAnalysis: Sendable {
    private var pairs: [String: (present: Bool?, absent: Bool?)] = [:]

    public init() {}

    public mutating func add(pair: String, label: YesNo, prediction: YesNo?) {
        guard let prediction else { return }
        let correct = prediction == label
        if label == .yes {
            pairs[pair, default: (nil, nil)].present = correct
        } else {
            pairs[pair, default: (nil, nil)].absent = correct
        }
    }

    public var metrics: [MetricName: MetricValue] {
        var counts = (cc: 0, icic: 0, cic: 0, icc: 0)
        for (present, absent) in pairs.values {
            switch (present, absent) {
            case (true?, true?): counts.cc += 1
            case (false?, false?): counts.icic += 1
            case (true?, false?): counts.cic += 1
            case (false?, true?): counts.icc += 1
            default: continue
            }
        }
        let total = counts.cc + counts.icic + counts.cic + counts.icc
        guard total > 0 else { return [:] }
        func share(_ count: Int) -> MetricValue { MetricValue(Double(count) / Double(total), n: total) }
        return [
            "pair_c_c": share(counts.cc), "pair_ic_ic": share(counts.icic), "pair_c_ic": share(counts.cic),
            "pair_ic_c": share(counts.icc),
        ]
    }
}
