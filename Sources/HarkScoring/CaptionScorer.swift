public import HarkCore

/// Scores caption suites for hallucination (ECHO): the sound objects a caption mentions, found
/// through the suite's labels and synonyms (plurals included), against the objects labelled present.
///
/// Per caption with P mentioned and L present: ECHO_I = |P \ L| / |P|, ECHO_S = 1 if P \ L is not
/// empty, Cover = |P ∩ L| / |L|; averaged over captions. A caption that mentions nothing is counted
/// in `no_mention_rate`, not scored as −1 (the official code's bug).
public struct CaptionScorer: Sendable {
    public let settings: ScoringSettings

    public init(settings: ScoringSettings) {
        self.settings = settings
    }

    public func score(suite: String, items: [String: Item], records: [SampleRecord]) -> (SuiteScore, [ScoreRecord]) {
        var vocabulary: Set<String> = []
        for item in items.values { if case .caption(let labels) = item.answerKey { vocabulary.formUnion(labels.map { $0.lowercased() }) } }
        let finder = MentionFinder(labels: vocabulary, synonyms: settings.synonyms)
        var echoInstance: [Double] = []
        var echoSentence: [Double] = []
        var cover: [Double] = []
        var noMention = 0
        var outcomes: [ScoreRecord] = []
        var answered = 0
        for record in records where record.isAnswered {
            guard let item = items[record.item], case .caption(let labels) = item.answerKey else { continue }
            answered += 1
            let present = Set(labels.map { $0.lowercased() })
            let mentioned = finder.mentions(in: record.response ?? "")
            if mentioned.isEmpty {
                noMention += 1
            } else {
                let absent = mentioned.subtracting(present)
                echoInstance.append(Double(absent.count) / Double(mentioned.count))
                echoSentence.append(absent.isEmpty ? 0 : 1)
            }
            if !present.isEmpty { cover.append(Double(mentioned.intersection(present).count) / Double(present.count)) }
            outcomes.append(ScoreRecord(
                key: record.key, suite: suite, item: record.item, template: record.template,
                extracted: mentioned.sorted().joined(separator: ", "), expected: present.sorted().joined(separator: ", "),
                correct: nil, tags: item.tags))
        }
        func mean(_ values: [Double]) -> MetricValue {
            MetricValue(values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count), n: values.count)
        }
        let metrics: [String: MetricValue] = [
            "echo_i": mean(echoInstance), "echo_s": mean(echoSentence), "cover": mean(cover),
            "no_mention_rate": MetricValue(answered == 0 ? 0 : Double(noMention) / Double(answered), n: answered),
        ]
        return (SuiteScore(scoring: settings, metrics: metrics), outcomes)
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
