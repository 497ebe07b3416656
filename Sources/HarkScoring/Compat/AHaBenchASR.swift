public import HarkCore

/// AHa-Bench's ASR items as `eval_metric.py` scores them: right when the word error rate of the
/// answer against the transcript is below 0.1, both stripped and lowercased, the rate computed as
/// `jiwer.wer` computes it — runs of two or more whitespace characters made one space, stripped,
/// split on single spaces (so a lone tab or newline stays inside a word, and Chinese text without
/// spaces is one word) — the word-level edit distance over the transcript's word count. Accuracy
/// overall and by type, and per-clip consistency by type, as for the yes/no types.
public struct AHaBenchASRScorer: Sendable {
    public static let name = "ahabench-wer"
    public let settings: ScoringSettings
    private var overall = (right: 0, total: 0)
    private var byType: [String: (right: Int, total: Int)] = [:]
    private var groups: [String: [String: (right: Int, total: Int)]] = [:]

    public init(settings: ScoringSettings) {
        self.settings = settings
    }

    public mutating func add(_ record: SampleRecord, item: Item) -> ScoreRecord? {
        guard record.isAnswered, case .openQA(let transcript) = item.answerKey else { return nil }
        let rate = Self.wordErrorRate(
            reference: PythonText.lower(PythonText.strip(transcript)),
            hypothesis: PythonText.lower(PythonText.strip(record.response ?? "")))
        let right = (rate ?? 1) < 0.1
        let type = item.tags["task_type"] ?? "asr"
        let group = (item.tags["sample"] ?? item.id) + "@" + String(record.repeatIndex)
        overall.total += 1
        byType[type, default: (0, 0)].total += 1
        groups[type, default: [:]][group, default: (0, 0)].total += 1
        if right {
            overall.right += 1
            byType[type, default: (0, 0)].right += 1
            groups[type, default: [:]][group, default: (0, 0)].right += 1
        }
        var score = ScoreRecord(
            key: record.key, suite: record.suite, item: record.item, template: record.template,
            extracted: rate.map { String($0) } ?? "no reference words", expected: transcript, correct: right,
            tags: item.tags)
        if rate == nil { score.reason = .empty }
        return score
    }

    public func finish() -> SuiteScore {
        guard overall.total > 0 else { return SuiteScore(scoring: settings) }
        var score = SuiteScore(scoring: settings, metrics: [.accuracy: .share(overall.right, of: overall.total)])
        score.slices["task_type"] = byType.mapValues { [.accuracy: .share($0.right, of: $0.total)] }
        for (type, typeGroups) in groups {
            let values = typeGroups.values
            score.slices["task_type", default: [:]][type, default: [:]].merge([
                .clipAllRight: .share(values.count { $0.right == $0.total }, of: values.count),
                .clipAllWrong: .share(values.count { $0.right == 0 }, of: values.count),
            ]) { $1 }
        }
        return score
    }

    /// `jiwer.wer(reference, hypothesis)` with its default transformation; nil when the reference
    /// has no word (jiwer refuses it).
    static func wordErrorRate(reference: String, hypothesis: String) -> Double? {
        let expected = words(reference)
        guard !expected.isEmpty else { return nil }
        return Double(editDistance(expected, words(hypothesis))) / Double(expected.count)
    }

    /// `RemoveMultipleSpaces` (`\s\s+` → " "), `Strip`, then `ReduceToListOfListOfWords` (split on
    /// " "); words as code points, compared as Python compares them (not by canonical equivalence).
    static func words(_ text: String) -> [[Unicode.Scalar]] {
        var collapsed = String.UnicodeScalarView()
        var run: [Unicode.Scalar] = []
        func flush() {
            collapsed.append(contentsOf: run.count >= 2 ? [" "] : run)
            run.removeAll()
        }
        for scalar in text.unicodeScalars {
            if PythonText.isWhitespace(scalar) {
                run.append(scalar)
            } else {
                flush()
                collapsed.append(scalar)
            }
        }
        flush()
        return PythonText.strip(String(collapsed)).unicodeScalars.split(separator: " ").map(Array.init)
    }

    /// The fewest substitutions, deletions and insertions that turn `a` into `b`.
    static func editDistance<Word: Equatable>(_ a: [Word], _ b: [Word]) -> Int {
        var previous = Array(0...b.count)
        for (i, word) in a.enumerated() {
            var current = [i + 1] + [Int](repeating: 0, count: b.count)
            for (j, other) in b.enumerated() {
                current[j + 1] = min(previous[j] + (word == other ? 0 : 1), previous[j + 1] + 1, current[j] + 1)
            }
            previous = current
        }
        return previous[b.count]
    }
}

/// The open-question suites scored by an official rule rather than a judge, by their extractor.
public enum RuleScoredOpenQA {
    public static let extractors: Set<String> = [HalluAudioExtractor.name, AHaBenchASRScorer.name]
}
