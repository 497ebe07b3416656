public import HarkCore

/// ICASSP 2025 pair analysis: items come in pairs (the clip with the sound, labelled yes, and the same
/// clip with it removed, labelled no), joined by the tag `pair`, their order by the tag `pair_role`
/// (`first`, `second`). Of the pairs whose two answers both parsed, the share where both are right
/// (C-C), both wrong (IC-IC), only the clip with the sound right (C-IC), or only the other (IC-C).
///
/// Under `hark`, a pair's rows are told apart by their labels, whatever their order. Under
/// `kuan2025-icassp`, as the official script reads its rows by position, a pair counts only when
/// its first row is labelled yes and its second no (a pair stored No-then-Yes is dropped), and the
/// shares are rounded to 2 decimals as percentages. Rows without a `pair_role` take their place
/// from their label.
public struct PairAnalysis: Sendable {
    private struct Row { var label: YesNo, correct: Bool }
    private var pairs: [String: (first: Row?, second: Row?)] = [:]
    private let policy: ScoringPolicy

    public init(policy: ScoringPolicy = .hark) {
        self.policy = policy
    }

    /// `role`: the row's `pair_role` tag, if it has one.
    public mutating func add(pair: String, label: YesNo, prediction: YesNo?, role: String? = nil) {
        guard let prediction else { return }
        let row = Row(label: label, correct: prediction == label)
        let first = policy == .kuan2025ICASSP ? role.map { $0 == "first" } ?? (label == .yes) : label == .yes
        if first {
            pairs[pair, default: (nil, nil)].first = row
        } else {
            pairs[pair, default: (nil, nil)].second = row
        }
    }

    public var metrics: [MetricName: MetricValue] {
        var counts = (cc: 0, icic: 0, cic: 0, icc: 0)
        for (first, second) in pairs.values {
            guard let first, let second, first.label == .yes, second.label == .no else { continue }
            switch (first.correct, second.correct) {
            case (true, true): counts.cc += 1
            case (false, false): counts.icic += 1
            case (true, false): counts.cic += 1
            case (false, true): counts.icc += 1
            }
        }
        let total = counts.cc + counts.icic + counts.cic + counts.icc
        guard total > 0 else { return [:] }
        let rounded = policy == .kuan2025ICASSP
        func share(_ count: Int) -> MetricValue {
            let value = Double(count) / Double(total)
            return MetricValue(rounded ? YesNoMetrics.pythonRound(100 * value) / 100 : value, n: total)
        }
        return [
            "pair_c_c": share(counts.cc), "pair_ic_ic": share(counts.icic), "pair_c_ic": share(counts.cic),
            "pair_ic_c": share(counts.icc),
        ]
    }
}
