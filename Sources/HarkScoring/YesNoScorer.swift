public import HarkCore

/// Scores yes-no suites: extraction, the confusion table, metrics with confidence intervals, slices
/// by tag and by template, the spread of F1 across templates, and ICASSP pair analysis. Samples are
/// added one at a time and only counts are kept, so memory does not grow with the run.
public struct YesNoScorer: Sendable {
    public let settings: ScoringSettings
    let extractor: any YesNoExtractor
    let suite: String
    private var table = YesNoConfusion()
    private var byTemplate: [String: YesNoConfusion] = [:]
    private var byTag: [String: [String: YesNoConfusion]] = [:]
    private var pairs: PairAnalysis
    private var clusters = ClusterTables()
    private var consistency: Consistency
    private let unit: ClusterUnit
    private var reasons: [String: Int] = [:]
    /// The rules' table alone, and how many answers a fallback judge read, when one did.
    private var rulesTable = YesNoConfusion()
    private var judgedReadings = 0
    /// With another extractor than hark's: hark's own reading of the same answers beside it, and
    /// how many answers the two read differently.
    private var harkReader: (table: YesNoConfusion, disagreements: Int)?
    /// AHa-Bench's own figures, under the `ahabench` policy.
    private var ahaBench: AHaBenchSummary?

    /// `questionsRepeat`: whether the run asks a question more than once (`--repeats`), so that
    /// its consistency across repeats is measured.
    public init(settings: ScoringSettings, suite: String = "", questionsRepeat: Bool = true) throws {
        guard let extractor = YesNoExtractors.named(settings.extractor) else {
            throw HarkError.badInput(
                "unknown yes/no extractor \"\(settings.extractor)\"; known: \(YesNoExtractors.names.joined(separator: ", "))"
            )
        }
        self.settings = settings
        self.extractor = extractor
        self.suite = suite
        consistency = Consistency(questionsRepeat: questionsRepeat)
        pairs = PairAnalysis(policy: settings.policy)
        unit = ClusterUnit(settings.cluster ?? "clip")
        if settings.policy == .ahabench { ahaBench = AHaBenchSummary() }
        if type(of: extractor).name != DefaultYesNoExtractor.name { harkReader = (YesNoConfusion(), 0) }
    }

    /// Scores one answered sample; errors and items of other tasks are not scored (nil).
    /// `fallback`: a judge's verdict on what the answer says (`scoring.fallback: judge`), used
    /// where the rules leave it unparsed.
    public mutating func add(_ record: SampleRecord, item: Item, fallback: JudgeVerdict? = nil) -> ScoreRecord? {
        guard record.isAnswered, case .yesNo(let object, let label) = item.answerKey else { return nil }
        var reading = extractor.read(record.response ?? "", object: object, label: label)
        rulesTable.add(label: label, prediction: reading.answer)
        if harkReader != nil {
            let hark = DefaultYesNoExtractor().read(record.response ?? "", object: object, label: label).answer
            harkReader?.table.add(label: label, prediction: hark)
            if hark != reading.answer { harkReader?.disagreements += 1 }
        }
        if reading.answer == nil, let fallback, fallback != .unparsed {
            reading = .read(fallback == .pass ? .yes : .no)
            judgedReadings += 1
        }
        let prediction = reading.answer
        if let reason = reading.reason { reasons[reason.rawValue, default: 0] += 1 }
        table.add(label: label, prediction: prediction)
        let cluster = unit.key(of: item)
        clusters.add(cluster: cluster, label: label, prediction: prediction)
        consistency.add(question: record.item + "#" + record.template, cluster: cluster, correct: prediction == label)
        ahaBench?.add(
            item: item, repeatIndex: record.repeatIndex, cluster: cluster, label: label, prediction: prediction)
        // Items with their own question may name the template they follow in a `template` tag.
        let template = record.template == "q" ? item.tags["template"] ?? "q" : record.template
        byTemplate[template, default: YesNoConfusion()].add(label: label, prediction: prediction)
        for (key, value) in item.slices where key != "template" {
            byTag[key, default: [:]][value, default: YesNoConfusion()].add(label: label, prediction: prediction)
        }
        if let pair = item.tags["pair"] {
            pairs.add(
                pair: pair + "#" + record.template + "@" + String(record.repeatIndex), label: label,
                prediction: prediction, role: item.tags["pair_role"])
        }
        var score = ScoreRecord(
            key: record.key, suite: record.suite, item: record.item, template: record.template,
            extracted: prediction?.rawValue ?? "unparsed", expected: label.rawValue, correct: prediction == label,
            tags: item.tags)
        score.reason = reading.reason
        return score
    }

    /// No metrics at all when nothing was answered: "no data", never a zero.
    public func finish() -> SuiteScore {
        guard table.total > 0 else { return SuiteScore(scoring: settings) }
        var score = SuiteScore(
            scoring: settings,
            metrics: metrics(table, intervals: true, seed: settings.seed ^ StableHash.value(suite, seed: 1)),
            unparsed: table.unparsed, confusion: table)
        score.unparsedReasons = reasons.isEmpty ? nil : reasons
        if judgedReadings > 0 {
            // With and without the judge's readings, side by side (`--slice reading`).
            score.metrics[.judgeReadShare] = MetricValue(
                Double(judgedReadings) / Double(max(1, table.total)), n: table.total)
            score.slices["reading"] = [
                "rules": metrics(rulesTable, intervals: false, seed: 0),
                "rules+judge": metrics(table, intervals: false, seed: 0),
            ]
        }
        if let harkReader {
            score.slices["reader"] = [
                settings.extractor: metrics(table, intervals: false, seed: 0),
                DefaultYesNoExtractor.name: metrics(harkReader.table, intervals: false, seed: 0),
            ]
            score.metrics[.readerDisagreement] = MetricValue(
                Double(harkReader.disagreements) / Double(table.total), n: table.total)
        }
        for (key, groups) in byTag { score.slices[key] = groups.mapValues { metrics($0, intervals: false, seed: 0) } }
        if byTemplate.count > 1 {
            score.slices["template"] = byTemplate.mapValues { metrics($0, intervals: false, seed: 0) }
        }
        // The spread of F1 over the suite's templates (items with their own question, `q`, stand apart).
        let templateF1 = byTemplate.filter { $0.key != "q" }.sorted { $0.key < $1.key }.map {
            YesNoMetrics($0.value, positive: settings.positiveClass, policy: settings.policy).f1
        }
        if templateF1.count > 1 {
            let mean = templateF1.reduce(0, +) / Double(templateF1.count)
            let variance = templateF1.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(templateF1.count)
            score.metrics[.f1MeanOverTemplates] = MetricValue(mean, n: templateF1.count)
            score.metrics[.f1Std] = MetricValue(variance.squareRoot(), n: templateF1.count)
        }
        score.metrics.merge(pairs.metrics) { $1 }
        score.metrics.merge(consistency.metrics) { $1 }
        if let ahaBench {
            let official = ahaBench.metrics(positive: settings.positiveClass)
            for (type, metrics) in official.byType {
                score.slices["task_type", default: [:]][type, default: [:]].merge(metrics) { $1 }
            }
            // The official suite figures are means over types, without an interval; hark's policy keeps
            // the pooled ones with theirs.
            for (name, value) in official.means { score.metrics[name] = value }
        }
        return score
    }

    /// Scores a whole list of records at once.
    public func score(suite: String, items: [String: Item], records: [SampleRecord]) -> (SuiteScore, [ScoreRecord]) {
        var scorer = self
        let outcomes = records.compactMap { record in items[record.item].flatMap { scorer.add(record, item: $0) } }
        return (scorer.finish(), outcomes)
    }

    /// The metrics of a table; with `intervals` (the suite's whole table), intervals by its
    /// clusters: cluster-robust t intervals for proportions and the seeded cluster bootstrap for
    /// precision, recall, F1 and bias — or, when every cluster is one sample or the suite says
    /// `intervals: independent`, Wilson intervals and the plain bootstrap.
    func metrics(_ table: YesNoConfusion, intervals: Bool, seed: UInt64) -> [MetricName: MetricValue] {
        let values = YesNoMetrics(table, positive: settings.positiveClass, policy: settings.policy)
        var result: [MetricName: MetricValue] = [:]
        for (name, value) in values.named {
            result[name] = MetricValue(value, n: values.count(of: name, total: table.total))
        }
        guard intervals else { return result }
        let clustered = settings.intervals != .independent && clusters.isClustered
        result[.accuracy]?.setProportionInterval(clusters, clustered: clustered) { $0.correct }
        result[.yesRatio]?.setProportionInterval(clusters, clustered: clustered) { $0.saidYes }
        result[.unparsedRate]?.setProportionInterval(clusters, clustered: clustered) { $0.unparsed }
        result[.perceptionAccuracy]?.setProportionInterval(clusters, clustered: clustered, of: \.labelYes) {
            $0.yesYes
        }
        result[.hallucinationResistance]?.setProportionInterval(clusters, clustered: clustered, of: \.labelNo) {
            $0.noNo
        }
        let positive = settings.positiveClass
        let policy = settings.policy
        let resampled: [MetricName] = [.precision, .recall, .f1, .bias]
        let resample = { (table: YesNoConfusion) -> [Double] in
            let metrics = YesNoMetrics(table, positive: positive, policy: policy)
            return [metrics.precision, metrics.recall, metrics.f1, metrics.bias]
        }
        let bootstrapped =
            clustered
            ? ClusterBootstrap.intervals(
                clusters.tables, resamples: settings.bootstrapResamples, seed: seed, metrics: resample)
            : Bootstrap.yesNoIntervals(table, resamples: settings.bootstrapResamples, seed: seed, metrics: resample)
        for (name, interval) in zip(resampled, bootstrapped) {
            // One cluster has no spread to resample: no interval rather than a zero-width one.
            result[name]?.ci = clustered && clusters.count < 2 ? nil : interval
            result[name]?.method = clustered ? "cluster-bootstrap" : "bootstrap"
            result[name]?.clusters = clusters.count
        }
        return result
    }
}
