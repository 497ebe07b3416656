import Foundation
public import HarkCore

/// The yes/no metrics of a confusion table under a policy, as fractions in [0, 1].
public struct YesNoMetrics: Sendable, Hashable {
    public var accuracy: Double
    public var precision: Double
    public var recall: Double
    public var f1: Double
    public var yesRatio: Double
    public var unparsedRate: Double
    /// Per-class F1 and their macro and support-weighted means (computed the `hark` way under
    /// every policy, so that every published variant can be read off one result).
    public var f1Yes: Double
    public var f1No: Double
    public var f1Macro: Double
    public var f1Weighted: Double
    /// The false-negative rate minus the false-positive rate, over parsed answers (positive: the sound
    /// is there; AHa-Bench's definition, whose scorer keeps unparsed answers in the denominators —
    /// the `ahabench` policy). Above 0 the model leans to "no", below 0 to "yes".
    public var bias: Double
    /// CMM's perception accuracy — the share of present sounds answered "yes" — and hallucination
    /// resistance — the share of absent sounds answered "no"; unparsed answers count as wrong.
    public var perceptionAccuracy: Double
    public var hallucinationResistance: Double
    /// The ICASSP 2025 share of answers that parsed (reported under every policy).
    public var instructionFollowingRate: Double
    /// The denominators precision and recall were computed over, which differ by policy, and the
    /// samples F1 depends on (those in either denominator).
    public var precisionCount: Int
    public var recallCount: Int
    public var f1Count: Int
    private var biasCount: Int
    private var labelYes: Int
    private var labelNo: Int

    public init(_ table: YesNoConfusion, positive: YesNo = .no, policy: ScoringPolicy = .hark) {
        let total = Double(table.total)
        func ratio(_ numerator: Int, _ denominator: Int) -> Double {
            denominator == 0 ? 0 : Double(numerator) / Double(denominator)
        }
        func f1Score(_ positive: YesNo) -> Double {
            let counts = table.counts(of: positive)
            return ratio(2 * counts.truePositives, counts.predicted + counts.actual)
        }
        f1Yes = f1Score(.yes)
        f1No = f1Score(.no)
        f1Macro = (f1Yes + f1No) / 2
        f1Weighted = total == 0 ? 0 : (f1Yes * Double(table.labelYes) + f1No * Double(table.labelNo)) / total
        unparsedRate = ratio(table.unparsed, table.total)
        bias = ratio(table.yesNo, table.yesYes + table.yesNo) - ratio(table.noYes, table.noYes + table.noNo)
        instructionFollowingRate = ratio(table.total - table.unparsed, table.total)
        (labelYes, labelNo) = (table.labelYes, table.labelNo)
        perceptionAccuracy = ratio(table.yesYes, table.labelYes)
        hallucinationResistance = ratio(table.noNo, table.labelNo)

        biasCount = table.total - table.unparsed
        if policy == .ahabench {
            bias = ratio(table.yesNo, table.labelYes) - ratio(table.noYes, table.labelNo)
            biasCount = table.total
        }
        switch policy {
        case .hark, .ahabench:
            let counts = table.counts(of: positive)
            (precisionCount, recallCount) = (counts.predicted, counts.actual)
            f1Count = counts.predicted + counts.actual - counts.truePositives
            accuracy = ratio(table.correct, table.total)
            precision = ratio(counts.truePositives, counts.predicted)
            recall = ratio(counts.truePositives, counts.actual)
            f1 = ratio(2 * counts.truePositives, counts.predicted + counts.actual)
            yesRatio = ratio(table.saidYes, table.total)
        case .kuan2024Interspeech:
            (precisionCount, recallCount) = (table.total - table.saidYes, table.labelNo)
            f1Count = table.total - table.saidYes + table.noYes
            let precisionPercent = Self.pythonRound(100 * ratio(table.noNo, table.total - table.saidYes))
            let recallPercent = Self.pythonRound(100 * ratio(table.noNo, table.labelNo))
            let sum = precisionPercent + recallPercent
            accuracy = Self.pythonRound(100 * ratio(table.correct, table.total)) / 100
            precision = precisionPercent / 100
            recall = recallPercent / 100
            f1 = (sum == 0 ? 0 : Self.pythonRound(2 * precisionPercent * recallPercent / sum)) / 100
            yesRatio = Self.pythonRound(100 * ratio(table.saidYes, table.total)) / 100
        case .kuan2025ICASSP:
            (precisionCount, recallCount) = (table.noNo + table.yesNo, table.noNo + table.noYes)
            f1Count = table.noNo + table.yesNo + table.noYes
            let precisionRaw = ratio(table.noNo, table.noNo + table.yesNo)
            let recallRaw = ratio(table.noNo, table.noNo + table.noYes)
            let sum = precisionRaw + recallRaw
            accuracy = Self.pythonRound(100 * ratio(table.correct, table.total)) / 100
            precision = Self.pythonRound(100 * precisionRaw) / 100
            recall = Self.pythonRound(100 * recallRaw) / 100
            f1 = Self.pythonRound(100 * (sum == 0 ? 0 : 2 * precisionRaw * recallRaw / sum)) / 100
            yesRatio = Self.pythonRound(100 * ratio(table.saidYes, table.total)) / 100
            instructionFollowingRate = Self.pythonRound(100 * instructionFollowingRate) / 100
        }
    }

    /// Python's `round(x, 2)`: the exact binary value rounded to 2 decimals, ties to even (glibc's
    /// `%.2f` rounds the same way).
    static func pythonRound(_ value: Double) -> Double {
        Double(String(format: "%.2f", value)) ?? value
    }

    /// The number of samples each metric was computed over, for `n` in `results.json`.
    public func count(of name: MetricName, total: Int) -> Int {
        switch name {
        case .precision: precisionCount
        case .recall: recallCount
        case .f1: f1Count
        case .bias: biasCount
        case .perceptionAccuracy: labelYes
        case .hallucinationResistance: labelNo
        default: total
        }
    }

    /// The metrics by their names in `results.json`.
    public var named: [(MetricName, Double)] {
        [
            (.accuracy, accuracy), (.precision, precision), (.recall, recall), (.f1, f1), (.yesRatio, yesRatio),
            (.unparsedRate, unparsedRate), (.f1Yes, f1Yes), (.f1No, f1No), (.f1Macro, f1Macro),
            (.f1Weighted, f1Weighted), (.instructionFollowingRate, instructionFollowingRate), (.bias, bias),
            (.perceptionAccuracy, perceptionAccuracy), (.hallucinationResistance, hallucinationResistance),
        ]
    }
}
