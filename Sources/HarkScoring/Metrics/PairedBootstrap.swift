public import HarkCore

/// The paired bootstrap of a yes/no metric's change between two runs of the same items: resample
/// the items (not each run on its own), compute the metric of both runs on the same resample, and
/// take the distribution of the difference. Each item falls in one of 18 cells (label × baseline
/// answer × candidate answer); resampling N items is a multinomial draw of the cells, done exactly
/// with conditional binomials, so 10,000 resamples cost the same for 100 or 100,000 items.
public struct PairedBootstrap: Sendable {
    /// Items per cell: index = label (0 yes, 1 no) × 9 + baseline (0 yes, 1 no, 2 unparsed) × 3 + candidate.
    public var cells = [Int](repeating: 0, count: 18)

    public init() {}

    public mutating func add(label: YesNo, baseline: YesNo?, candidate: YesNo?) {
        cells[Self.index(label) * 9 + Self.index(baseline) * 3 + Self.index(candidate)] += 1
    }

    static func index(_ answer: YesNo?) -> Int {
        switch answer {
        case .yes?: 0
        case .no?: 1
        case nil: 2
        }
    }

    public var total: Int { cells.reduce(0, +) }

    /// The two confusion tables the cells add up to.
    public static func tables(_ cells: [Int]) -> (baseline: YesNoConfusion, candidate: YesNoConfusion) {
        var baseline = YesNoConfusion()
        var candidate = YesNoConfusion()
        for (index, count) in cells.enumerated() where count > 0 {
            let label: YesNo = index / 9 == 0 ? .yes : .no
            let answers: [YesNo?] = [.yes, .no, nil]
            add(&baseline, label: label, prediction: answers[index / 3 % 3], count: count)
            add(&candidate, label: label, prediction: answers[index % 3], count: count)
        }
        return (baseline, candidate)
    }

    static func add(_ table: inout YesNoConfusion, label: YesNo, prediction: YesNo?, count: Int) {
        switch (label, prediction) {
        case (.yes, .yes?): table.yesYes += count
        case (.yes, .no?): table.yesNo += count
        case (.yes, nil): table.yesUnparsed += count
        case (.no, .yes?): table.noYes += count
        case (.no, .no?): table.noNo += count
        case (.no, nil): table.noUnparsed += count
        }
    }

    public struct Change: Sendable, Hashable {
        public var baseline: Double
        public var candidate: Double
        /// candidate − baseline, with its 95% interval.
        public var difference: Double
        public var interval: [Double]
        /// Two-sided: twice the smaller share of resampled differences on either side of zero,
        /// counted as (k + 1) / (B + 1).
        public var pValue: Double
        /// The standard deviation of the resampled differences: the change's standard error.
        public var standardError: Double = 0
    }

    /// The standard deviation of resampled values.
    public static func standardError(_ values: [Double]) -> Double {
        guard values.count > 1 else { return 0 }
        let mean = values.reduce(0, +) / Double(values.count)
        return (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)).squareRoot()
    }

    /// The change of a metric, `metric` mapping a confusion table to its value.
    public func change(resamples: Int = 10_000, seed: UInt64, metric: (YesNoConfusion) -> Double) -> Change {
        let (baseline, candidate) = Self.tables(cells)
        let observedBaseline = metric(baseline)
        let observedCandidate = metric(candidate)
        let total = self.total
        guard total > 0, resamples > 1 else {
            return Change(
                baseline: observedBaseline, candidate: observedCandidate,
                difference: observedCandidate - observedBaseline, interval: [0, 0], pValue: 1)
        }
        var generator = SplitMix64(seed: seed)
        var differences: [Double] = []
        differences.reserveCapacity(resamples)
        var drawn = [Int](repeating: 0, count: 18)
        for _ in 0..<resamples {
            var remaining = total
            var mass = total
            for cell in 0..<17 {
                guard remaining > 0, mass > 0 else {
                    drawn[cell] = 0
                    continue
                }
                let uniform = Double(generator.next() >> 11) / Double(1 << 53)
                drawn[cell] = Binomial.draw(n: remaining, p: Double(cells[cell]) / Double(mass), uniform: uniform)
                remaining -= drawn[cell]
                mass -= cells[cell]
            }
            drawn[17] = remaining
            let tables = Self.tables(drawn)
            differences.append(metric(tables.candidate) - metric(tables.baseline))
        }
        return Change(
            baseline: observedBaseline, candidate: observedCandidate, difference: observedCandidate - observedBaseline,
            interval: Bootstrap.percentileInterval(differences), pValue: Self.pValue(differences),
            standardError: Self.standardError(differences))
    }

    /// Two-sided: twice the smaller share of resampled differences on either side of zero, as
    /// (k + 1) / (B + 1) — a bootstrap p-value is never 0, only below 1 / (B + 1).
    public static func pValue(_ differences: [Double]) -> Double {
        let below = differences.count { $0 <= 0 }
        let above = differences.count { $0 >= 0 }
        return min(1, 2 * Double(min(below, above) + 1) / Double(differences.count + 1))
    }
}
