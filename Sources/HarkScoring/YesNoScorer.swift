public import HarkCore

/// Scores yes-no suites: extraction, the confusion table, metrics with confidence intervals, slices
/// by tag and by template, the spread of F1 across templates, and ICASSP pair analysis.
public struct YesNoScorer: Sendable {
    public let settings: ScoringSettings
    let extractor: any YesNoExtractor

    public init(settings: ScoringSettings) throws {
        guard let extractor = YesNoExtractors.named(settings.extractor) else {
            throw HarkError.badInput(
                "unknown yes/no extractor \"\(settings.extractor)\"; known: \(YesNoExtractors.names.joined(separator: ", "))")
        }
        self.settings = settings
        self.extractor = extractor
    }

    struct Scored {
        var record: SampleRecord
        var label: YesNo
        var prediction: YesNo?
        var tags: [String: String]
    }

    public func score(suite: String, items: [String: Item], records: [SampleRecord]) -> (SuiteScore, [ScoreRecord]) {
        var scored: [Scored] = []
        for record in records where record.isAnswered {
            guard let item = items[record.item], case .yesNo(_, let label) = item.answerKey else { continue }
            scored.append(Scored(record: record, label: label, prediction: extractor.extract(record.response ?? ""), tags: item.tags))
        }
        let table = Self.table(scored)
        var score = SuiteScore(scoring: settings, metrics: metrics(table, intervals: true, seed: settings.seed ^ StableHash.value(suite, seed: 1)), unparsed: table.unparsed, confusion: table)

        var byTemplate: [String: [Scored]] = [:]
        var byTag: [String: [String: [Scored]]] = [:]
        for entry in scored {
            // Items with their own question may name the template they follow in a `template` tag.
            let template = entry.record.template == "q" ? entry.tags["template"] ?? "q" : entry.record.template
            byTemplate[template, default: []].append(entry)
            for (key, value) in entry.tags where key != "template" { byTag[key, default: [:]][value, default: []].append(entry) }
        }
        for (key, groups) in byTag {
            score.slices[key] = groups.mapValues { metrics(Self.table($0), intervals: false, seed: 0) }
        }
        // The spread of F1 over the suite's templates (items with their own question, `q`, stand apart).
        let templates = byTemplate.keys.filter { $0 != "q" }.sorted()
        let templateF1 = templates.map {
            YesNoMetrics(Self.table(byTemplate[$0] ?? []), positive: settings.positiveClass, policy: settings.policy).f1
        }
        if byTemplate.count > 1 {
            score.slices["template"] = byTemplate.mapValues { metrics(Self.table($0), intervals: false, seed: 0) }
        }
        if templates.count > 1 {
            let mean = templateF1.reduce(0, +) / Double(templateF1.count)
            let variance = templateF1.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(templateF1.count)
            score.metrics["f1_mean_over_templates"] = MetricValue(mean, n: templateF1.count)
            score.metrics["f1_std"] = MetricValue(variance.squareRoot(), n: templateF1.count)
        }
        for (name, value) in PairAnalysis.metrics(scored.map { ($0.record, $0.label, $0.prediction, $0.tags["pair"]) }) {
            score.metrics[name] = value
        }

        let outcomes = scored.map { entry in
            ScoreRecord(
                key: entry.record.key, suite: suite, item: entry.record.item, template: entry.record.template,
                extracted: entry.prediction?.rawValue ?? "unparsed", expected: entry.label.rawValue,
                correct: entry.prediction == entry.label, tags: entry.tags)
        }
        return (score, outcomes)
    }

    static func table(_ scored: [Scored]) -> YesNoConfusion {
        var table = YesNoConfusion()
        for entry in scored { table.add(label: entry.label, prediction: entry.prediction) }
        return table
    }

    /// The metrics of a table; with `intervals`, Wilson intervals for proportions and seeded
    /// bootstrap intervals for precision, recall and F1.
    func metrics(_ table: YesNoConfusion, intervals: Bool, seed: UInt64) -> [String: MetricValue] {
        let values = YesNoMetrics(table, positive: settings.positiveClass, policy: settings.policy)
        let counts = table.counts(of: settings.positiveClass)
        let sizes: [String: Int] = [
            "accuracy": table.total, "yes_ratio": table.total, "unparsed_rate": table.total, "instruction_following_rate": table.total,
            "precision": counts.predicted, "recall": counts.actual, "f1": table.total, "f1_yes": table.total, "f1_no": table.total,
            "f1_macro": table.total, "f1_weighted": table.total,
        ]
        var result: [String: MetricValue] = [:]
        for (name, value) in values.named { result[name] = MetricValue(value, n: sizes[name] ?? table.total) }
        guard intervals else { return result }
        result["accuracy"]?.ci = Wilson.interval(successes: table.correct, n: table.total)
        result["yes_ratio"]?.ci = Wilson.interval(successes: table.saidYes, n: table.total)
        result["unparsed_rate"]?.ci = Wilson.interval(successes: table.unparsed, n: table.total)
        let positive = settings.positiveClass
        let policy = settings.policy
        let bootstrapped = Bootstrap.yesNoIntervals(table, resamples: settings.bootstrapResamples, seed: seed) { resampled in
            let metrics = YesNoMetrics(resampled, positive: positive, policy: policy)
            return [metrics.precision, metrics.recall, metrics.f1]
        }
        for (name, interval) in zip(["precision", "recall", "f1"], bootstrapped) { result[name]?.ci = interval }
        return result
    }
}
