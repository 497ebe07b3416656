/// p-values adjusted for many comparisons, as `statsmodels.stats.multitest.multipletests` adjusts
/// them: Holm's step-down (family-wise error) and Benjamini–Hochberg's step-up (false discovery
/// rate). The result is in the order of the input.
public enum Multiplicity: String, Sendable, Hashable, Codable, CaseIterable {
    case holm
    case benjaminiHochberg = "bh"
    case unadjusted = "none"

    public func adjust(_ pValues: [Double]) -> [Double] {
        let count = pValues.count
        guard count > 1 else { return pValues.map { min(1, $0) } }
        let order = pValues.indices.sorted { pValues[$0] < pValues[$1] }
        var adjusted = [Double](repeating: 0, count: count)
        switch self {
        case .unadjusted:
            return pValues
        case .holm:
            var running = 0.0
            for (rank, index) in order.enumerated() {
                running = max(running, min(1, Double(count - rank) * pValues[index]))
                adjusted[index] = running
            }
        case .benjaminiHochberg:
            var running = 1.0
            for (rank, index) in order.enumerated().reversed() {
                running = min(running, Double(count) / Double(rank + 1) * pValues[index])
                adjusted[index] = min(1, running)
            }
        }
        return adjusted
    }
}
