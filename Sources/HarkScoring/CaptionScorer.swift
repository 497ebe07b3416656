public import HarkCore

/// Scores caption suites for hallucination (ECHO): the sound objects a caption mentions, found
/// through the suite's labels and synonyms (plurals included), against the objects labelled present.
///
/// Per caption with P mentioned and L present: ECHO_I = |P \ L| / |P|, ECHO_S = 1 if P \ L is not
/// empty, Cover = |P ∩ L| / |L|; averaged over captions. A caption that mentions nothing is counted
/// in `no_mention_rate`, not scored as −1 (the official code's bug).
public struct CaptionScorer: Sendable {
    public let settings: ScoringSettings
    private let finder: MentionFinder
    private var echoInstance = 0.0, echoSentence = 0.0, mentioning = 0
    private var cover = 0.0, labelled = 0
    private var answered = 0, noMention = 0

    /// `labels` are every object the suite labels: the vocabulary mentions are looked for.
    public init(settings: ScoringSettings, labels: Set<String>) {
        self.settings = settings
        finder = MentionFinder(labels: Set(labels.map { $0.lowercased() }), synonyms: settings.synonyms)
    }

    public mutating func add(_ record: SampleRecord, item: Item) -> ScoreRecord? {
        guard record.isAnswered, case .caption(let labels) = item.answerKey else { return nil }
        answered += 1
        let present = Set(labels.map { $0.lowercased() })
        let mentioned = finder.mentions(in: record.response ?? "")
        if mentioned.isEmpty {
            noMention += 1
        } else {
            let absent = mentioned.subtracting(present)
            echoInstance += Double(absent.count) / Double(mentioned.count)
            echoSentence += absent.isEmpty ? 0 : 1
            mentioning += 1
        }
        if !present.isEmpty {
            cover += Double(mentioned.intersection(present).count) / Double(present.count)
            labelled += 1
        }
        return ScoreRecord(
            key: record.key, suite: record.suite, item: record.item, template: record.template,
            extracted: mentioned.sorted().joined(separator: ", "), expected: present.sorted().joined(separator: ", "),
            correct: nil, tags: item.tags)
    }

    /// No metrics at all when nothing was answered: "no data", never a zero.
    public func finish() -> SuiteScore {
        guard answered > 0 else { return SuiteScore(scoring: settings) }
        func mean(_ sum: Double, _ count: Int) -> MetricValue {
            MetricValue(count == 0 ? 0 : sum / Double(count), n: count)
        }
        return SuiteScore(
            scoring: settings,
            metrics: [
                .echoI: mean(echoInstance, mentioning), .echoS: mean(echoSentence, mentioning),
                .cover: mean(cover, labelled),
                "no_mention_rate": mean(Double(noMention), answered),
            ])
    }

    /// Scores a whole list of records at once, the vocabulary taken from the items.
    public static func score(settings: ScoringSettings, items: [String: Item], records: [SampleRecord]) -> (
        SuiteScore, [ScoreRecord]
    ) {
        var labels: Set<String> = []
        for item in items.values { if case .caption(let present) = item.answerKey { labels.formUnion(present) } }
        var scorer = CaptionScorer(settings: settings, labels: labels)
        let outcomes = records.compactMap { record in items[record.item].flatMap { scorer.add(record, item: $0) } }
        return (scorer.finish(), outcomes)
    }
}

/// Finds mentions of sound objects in text: whole words, case-insensitive, with plural forms
/// ("dogs", "buses", "babies") and synonyms mapped to their label.
struct MentionFinder {
    /// Word sequences to look for, each with the label it stands for.
    private var phrases: [([[UInt8]], String)] = []

    init(labels: Set<String>, synonyms: [String: String]) {
        var forms: [String: String] = [:]
        for label in labels { forms[label] = label }
        for (name, label) in synonyms { forms[name.lowercased()] = label.lowercased() }
        for (name, label) in forms {
            let tokens = TextTokens(name)
            let words = tokens.words.map { String(decoding: tokens.bytes[$0], as: UTF8.self) }
            guard let last = words.last else { continue }
            for variant in Self.plurals(of: last) {
                phrases.append(((words.dropLast() + [variant]).map { Array($0.utf8) }, label))
            }
        }
        phrases.sort { $0.0.count > $1.0.count }
    }

    static func plurals(of word: String) -> Set<String> {
        var forms: Set<String> = [word, word + "s"]
        if ["s", "x", "z", "ch", "sh"].contains(where: word.hasSuffix) { forms.insert(word + "es") }
        if word.hasSuffix("y"), word.count > 1 { forms.insert(String(word.dropLast()) + "ies") }
        return forms
    }

    func mentions(in text: String) -> Set<String> {
        let tokens = TextTokens(text)
        var found: Set<String> = []
        for (phrase, label) in phrases where !found.contains(label) && tokens.contains(phrase) {
            found.insert(label)
        }
        return found
    }
}
