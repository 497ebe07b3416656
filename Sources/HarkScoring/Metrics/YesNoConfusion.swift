public import HarkCore

/// Yes/no answers against labels, with unparsed answers kept apart: the counts every yes/no
/// metric is computed from.
public struct YesNoConfusion: Sendable, Hashable, Codable {
    /// Label yes: answered yes, no, unparsed.
    public var yesYes = 0, yesNo = 0, yesUnparsed = 0
    /// Label no: answered yes, no, unparsed.
    public var noYes = 0, noNo = 0, noUnparsed = 0

    public init() {}

    public init(yesYes: Int, yesNo: Int, yesUnparsed: Int, noYes: Int, noNo: Int, noUnparsed: Int) {
        (self.yesYes, self.yesNo, self.yesUnparsed) = (yesYes, yesNo, yesUnparsed)
        (self.noYes, self.noNo, self.noUnparsed) = (noYes, noNo, noUnparsed)
    }

    public mutating func add(label: YesNo, prediction: YesNo?) {
        switch (label, prediction) {
        case (.yes, .yes?): yesYes += 1
        case (.yes, .no?): yesNo += 1
        case (.yes, nil): yesUnparsed += 1
        case (.no, .yes?): noYes += 1
        case (.no, .no?): noNo += 1
        case (.no, nil): noUnparsed += 1
        }
    }

    /// Adds another table's counts.
    public mutating func add(_ other: YesNoConfusion) {
        yesYes += other.yesYes
        yesNo += other.yesNo
        yesUnparsed += other.yesUnparsed
        noYes += other.noYes
        noNo += other.noNo
        noUnparsed += other.noUnparsed
    }

    public var total: Int { yesYes + yesNo + yesUnparsed + noYes + noNo + noUnparsed }
    public var correct: Int { yesYes + noNo }
    public var saidYes: Int { yesYes + noYes }
    public var saidNo: Int { yesNo + noNo }
    public var unparsed: Int { yesUnparsed + noUnparsed }
    public var labelYes: Int { yesYes + yesNo + yesUnparsed }
    public var labelNo: Int { noYes + noNo + noUnparsed }

    /// True positives, predictions and labels of one class.
    func counts(of positive: YesNo) -> (truePositives: Int, predicted: Int, actual: Int) {
        positive == .yes ? (yesYes, saidYes, labelYes) : (noNo, saidNo, labelNo)
    }
}
