public import HarkCore

/// HalluAudio's rules for its questions that are not yes/no (`accuracy_else.py`), and the counting
/// "yes/no bias" of `yesno_bias_test.py`, as its code does them. By the item's `subset` tag:
/// invalid questions (`commonvoice_invalid_gender`, `invalid_noise`) are right when the answer says
/// it cannot hear (`RefusalReader.cannotHearPhrases`), word counts when the first number in the
/// answer is the reference, loudness and speed comparisons when the answer names the reference's
/// "first" or "second" and not both; any other subset is counted and never right, as the script
/// counts it.
public enum HalluAudioRules {
    static let invalidSubsets: Set<String> = ["commonvoice_invalid_gender", "invalid_noise"]
    static let comparisonSubsets: Set<String> = [
        "speech_commands_comparsion_loudness", "speech_commands_comparsion_speed",
    ]

    /// `NUMBER_WORDS`, in the script's order.
    static let numberWords: [(String, Int)] = [
        ("zero", 0), ("one", 1), ("once", 1), ("single", 1), ("two", 2), ("twice", 2), ("three", 3), ("thrice", 3),
        ("four", 4), ("five", 5), ("six", 6), ("seven", 7), ("eight", 8), ("nine", 9), ("ten", 10), ("eleven", 11),
        ("twelve", 12), ("thirteen", 13), ("fourteen", 14), ("fifteen", 15), ("sixteen", 16), ("seventeen", 17),
        ("eighteen", 18), ("nineteen", 19), ("twenty", 20),
    ]

    /// Whether `response` is right for a question of `subset` with `reference`.
    public static func isRight(_ response: String, reference: String, subset: String) -> Bool {
        let answer = PythonText.lower(PythonText.strip(response))
        if invalidSubsets.contains(subset) {
            return RefusalReader.cannotHearPhrases.contains { PythonText.contains(answer, $0) }
        }
        if subset == "commonvoice_word_count" {
            guard let expected = Int(PythonText.strip(reference)), let said = firstNumber(answer) else { return false }
            return said == expected
        }
        if comparisonSubsets.contains(subset) {
            let expected = PythonText.lower(PythonText.strip(reference))
            let first = PythonText.contains(answer, "first")
            let second = PythonText.contains(answer, "second")
            if first && second { return false }
            return (first && PythonText.contains(expected, "first"))
                || (second && PythonText.contains(expected, "second"))
        }
        return false
    }

    /// `extract_number_from_text`: the first `\b\d+\b`, else the first whole number word (longest
    /// words tried first at each place).
    static func firstNumber(_ text: String) -> Int? {
        let scalars = Array(text.unicodeScalars)
        func isWord(_ index: Int) -> Bool { index >= 0 && index < scalars.count && PythonText.isWord(scalars[index]) }
        var index = 0
        while index < scalars.count {
            guard PythonText.isDigit(scalars[index]) else {
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, PythonText.isDigit(scalars[end]) { end += 1 }
            if !isWord(index - 1), !isWord(end) { return digits(scalars[index..<end]) }
            index = end
        }
        let words = numberWords.enumerated().sorted {
            ($0.element.0.count, -$0.offset) > ($1.element.0.count, -$1.offset)
        }
        for start in scalars.indices where !isWord(start - 1) {
            for (_, (word, value)) in words {
                let needle = Array(word.unicodeScalars)
                guard start + needle.count <= scalars.count, !isWord(start + needle.count),
                    Array(scalars[start..<start + needle.count]) == needle
                else { continue }
                return value
            }
        }
        return nil
    }

    /// `yesno_bias_test.py`'s `extract_number`: the first `\d+` anywhere, else the first number
    /// word of its table that occurs anywhere in the lowercased text, in the table's order — so
    /// "someone" and "tone" count 1, "often" 10, "seventeen" 7.
    static func countingNumber(_ text: String) -> Int? {
        let scalars = Array(text.unicodeScalars)
        if let start = scalars.firstIndex(where: PythonText.isDigit) {
            var end = start
            while end < scalars.count, PythonText.isDigit(scalars[end]) { end += 1 }
            return digits(scalars[start..<end])
        }
        let lowered = PythonText.lower(text)
        return numberWords.first { PythonText.contains(lowered, $0.0) }?.1
    }

    /// `int()` of decimal digits of any script; past `Int.max` (Python has no limit) `Int.max`,
    /// which no count or reference equals.
    static func digits(_ scalars: ArraySlice<Unicode.Scalar>) -> Int? {
        var value = 0
        for scalar in scalars {
            guard let digit = scalar.properties.numericValue else { return nil }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, carry) = shifted.addingReportingOverflow(Int(digit))
            if overflow || carry { return Int.max }
            value = sum
        }
        return value
    }
}

/// Scores HalluAudio's open (non yes/no) questions by `HalluAudioRules`: accuracy overall and by
/// subset with Wilson intervals; for `tonic_count` (one tonic: the right count is 1) the script's
/// counting bias — `counting_yes_ratio` (answers counting more than one), `unrelated_ratio`
/// (answers with no number) and `conditional_accuracy` (right among those with a number).
public struct HalluAudioOpenScorer: Sendable {
    public let settings: ScoringSettings
    private var overall = (right: 0, total: 0)
    private var bySubset: [String: (right: Int, total: Int)] = [:]
    private var counting = (yes: 0, unrelated: 0, right: 0, total: 0)

    public init(settings: ScoringSettings) {
        self.settings = settings
    }

    public mutating func add(_ record: SampleRecord, item: Item) -> ScoreRecord? {
        guard record.isAnswered, case .openQA(let reference) = item.answerKey else { return nil }
        let subset = item.tags["subset"] ?? ""
        let response = record.response ?? ""
        let right = HalluAudioRules.isRight(response, reference: reference, subset: subset)
        overall.total += 1
        bySubset[subset, default: (0, 0)].total += 1
        if right {
            overall.right += 1
            bySubset[subset, default: (0, 0)].right += 1
        }
        if subset == "tonic_count" {
            let said = HalluAudioRules.countingNumber(response)
            counting.total += 1
            if said == nil { counting.unrelated += 1 } else if said != 1 { counting.yes += 1 }
            if said == 1 { counting.right += 1 }
        }
        return ScoreRecord(
            key: record.key, suite: record.suite, item: record.item, template: record.template,
            extracted: right ? "right" : "wrong", expected: reference, correct: right, tags: item.tags)
    }

    public func finish() -> SuiteScore {
        guard overall.total > 0 else { return SuiteScore(scoring: settings) }
        var score = SuiteScore(scoring: settings, metrics: [.accuracy: .share(overall.right, of: overall.total)])
        score.slices["subset"] = bySubset.mapValues { [.accuracy: .share($0.right, of: $0.total)] }
        if counting.total > 0 {
            let related = counting.total - counting.unrelated
            score.slices["subset", default: [:]]["tonic_count", default: [:]].merge([
                .countingYesRatio: .share(counting.yes, of: counting.total),
                .unrelatedRatio: .share(counting.unrelated, of: counting.total),
                .conditionalAccuracy: .share(counting.right, of: related),
            ]) { $1 }
        }
        return score
    }
}
