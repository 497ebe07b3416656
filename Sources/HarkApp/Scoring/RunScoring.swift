import Foundation
public import HarkCore
public import HarkRecords
import HarkScoring
public import HarkSuites

/// Scores a run's journal against its suites' labels: fills the metrics of `results.json` and
/// writes `scores.jsonl`. Used at the end of `hark run` and by `hark score`, which re-scores without
/// asking the model again.
public enum RunScoring {
    /// Settings that replace the suites' own for one scoring.
    public struct Overrides: Sendable {
        public var extractor: String?
        public var policy: String?
        public var resamples: Int?
        public var seed: UInt64?

        public init(extractor: String? = nil, policy: String? = nil, resamples: Int? = nil, seed: UInt64? = nil) {
            self.extractor = extractor
            self.policy = policy
            self.resamples = resamples
            self.seed = seed
        }
    }

    /// Re-scores a finished run: streams its journal once through a `Pass`.
    public static func score(
        _ results: RunResults, suites: [Suite], directory: RunDirectory, overrides: Overrides = Overrides()
    ) throws -> RunResults {
        let ran = Set(results.suites.map(\.id))
        let pass = try Pass(
            suites: suites.filter { ran.contains($0.id) }, directory: directory, judge: results.manifest.judge,
            repeats: results.manifest.plan.repeats, overrides: overrides)
        if FileManager.default.fileExists(atPath: directory.samples.path) {
            try Journal.forEachRecord(directory.samples) { record, _ in try pass.add(record) }
        }
        return try pass.finish(results)
    }

    /// `hark score`: scores a run folder's journal again, in one pass that also counts it. The
    /// journal is checked against the plan, never trusted: counts come from it (the first record
    /// of a sample), and a cut journal is refused, unless `allowIncomplete`, rather than scored as
    /// if whole; then nothing is written.
    public static func rescore(
        _ directory: RunDirectory, suitePaths: [String] = [], allowIncomplete: Bool = false,
        overrides: Overrides = Overrides()
    ) throws -> RunResults {
        var current = try directory.readResults()
        guard FileManager.default.fileExists(atPath: directory.samples.path) else {
            throw HarkError.badInput(
                "the run has no journal (samples.jsonl); nothing to score, results.json left as it is",
                at: SourceLocation(file: directory.samples.path))
        }
        let suites = try RunSuites.load(for: current.manifest, paths: suitePaths)
        let ran = Set(current.suites.map(\.id))
        let pass = try Pass(
            suites: suites.filter { ran.contains($0.id) }, directory: directory, judge: current.manifest.judge,
            repeats: current.manifest.plan.repeats, overrides: overrides)
        var counts: [String: RunResults.SuiteCounts] = [:]
        var seen: Set<String> = []
        try Journal.forEachRecord(directory.samples) { record, _ in
            guard seen.insert(record.key).inserted else { return }
            counts[record.suite, default: RunResults.SuiteCounts()].add(record)
            try pass.add(record)
        }
        let planned = current.manifest.counts.samples
        if seen.count < planned {
            guard allowIncomplete else {
                throw HarkError(
                    .incomplete,
                    "the journal holds \(seen.count) of the \(planned) samples the run planned; resume the run, or score with --allow-incomplete",
                    at: SourceLocation(file: directory.samples.path))
            }
            current.manifest.complete = false
        }
        for index in current.suites.indices {
            current.suites[index].counts = counts[current.suites[index].id] ?? RunResults.SuiteCounts()
        }
        current.manifest.counts.answered = counts.values.reduce(0) { $0 + $1.answered }
        current.manifest.counts.errors = counts.values.reduce(0) { $0 + $1.errors }
        return try pass.finish(current)
    }

    /// One scoring of a run, fed its journal's records one at a time (by `score`, or by the run as
    /// it rewrites its finished journal): each outcome is written to `scores.jsonl` at once, so
    /// memory holds counts, not records.
    public final class Pass {
        private let directory: RunDirectory
        private let judge: JudgeVerdicts
        private var scorers: [String: SuiteScorer] = [:]
        private var items: [String: [String: Item]] = [:]
        private var units: [String: ClusterUnit] = [:]
        /// `scores.jsonl` being written; opened by the first record (the run makes its folder first).
        private var output: LineFileWriter?
        private let encoder = JSONEncoder()

        /// A scoring of `suites`, with the verdicts of `judge` where the run was judged; `repeats`:
        /// the run's repeats of each question.
        public init(
            suites: [Suite], directory: RunDirectory, judge: RunManifest.Judge? = nil, repeats: Int,
            overrides: Overrides = Overrides()
        ) throws {
            self.directory = directory
            self.judge = try JudgeVerdicts(judge: judge, directory: directory)
            for suite in suites {
                items[suite.id] = Dictionary(suite.items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
                if suite.manifest.scoring.intervals != IntervalMethod.independent.rawValue {
                    units[suite.id] = ClusterUnit(suite.manifest.scoring.cluster ?? "clip")
                }
                scorers[suite.id] = try scorer(
                    for: suite, overrides: overrides, judged: self.judge.judges(suite.id), questionsRepeat: repeats > 1)
            }
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        }

        public func add(_ record: SampleRecord) throws {
            guard let item = items[record.suite]?[record.item],
                var outcome = try scorers[record.suite]?.add(
                    record, item: item, verdict: judge.verdicts[record.key], listed: judge.listed[record.key])
            else { return }
            // Every task's samples name their cluster in one place; independent suites have none.
            outcome.cluster = units[record.suite]?.key(of: item)
            try writer().write(try encoder.encode(outcome))
        }

        private func writer() throws -> LineFileWriter {
            if let output { return output }
            let opened = try LineFileWriter(replacing: directory.scores)
            output = opened
            return opened
        }

        /// Writes `scores.jsonl`, and `results.json` with the metrics filled in.
        public func finish(_ results: RunResults) throws -> RunResults {
            var results = results
            try writer().commit()
            for index in results.suites.indices {
                scorers[results.suites[index].id]?.finish()?.apply(to: &results.suites[index])
            }
            try directory.write(results, to: directory.results)
            return results
        }
    }

    /// Checks that every suite's scoring settings name things hark has (extractor, policy,
    /// profile, judge template), so that a typo stops a run before the model is asked, not after.
    public static func check(_ suites: [Suite]) throws {
        for suite in suites {
            _ = try scorer(for: suite, overrides: Overrides(), judged: false)
            if let fallback = suite.manifest.scoring.fallback, fallback != "judge" || suite.manifest.task != .yesNo {
                throw HarkError.badInput(
                    "fallback \"\(fallback)\" is not known here; yes-no suites take fallback: judge",
                    at: SourceLocation(
                        file: suite.directory.appendingPathComponent("suite.yaml").path, field: "scoring.fallback"))
            }
        }
        for suite in suites {
            let scoring = suite.manifest.scoring
            let captionKeys: [(String, Bool)] = [
                ("caption_vocabulary", scoring.captionVocabulary != nil),
                ("caption_compounds", scoring.captionCompounds != nil),
                ("caption_extractor", scoring.captionExtractor != nil),
            ]
            if suite.manifest.task != .caption, let (key, _) = captionKeys.first(where: \.1) {
                throw HarkError.badInput(
                    "\(key) applies to caption suites; this suite's task is \(suite.manifest.task.rawValue)",
                    at: SourceLocation(
                        file: suite.directory.appendingPathComponent("suite.yaml").path, field: "scoring.\(key)"))
            }
            // A tag no item has would make every item its own cluster: a typo, most likely.
            if case .tag(let name)? = suite.manifest.scoring.cluster.map(ClusterUnit.init),
                !suite.items.contains(where: { $0.tags[name] != nil })
            {
                throw HarkError.badInput(
                    "cluster \"\(name)\" is no tag of any item; it takes clip, item or a tag the items have",
                    at: SourceLocation(
                        file: suite.directory.appendingPathComponent("suite.yaml").path, field: "scoring.cluster"))
            }
        }
        _ = try JudgeSession.templates(for: suites, override: nil)
    }

    /// A suite's scorer by its task and settings, counting refusals when the suite marks some item
    /// `refuse`; errors name the suite.yaml field.
    static func scorer(for suite: Suite, overrides: Overrides, judged: Bool, questionsRepeat: Bool = true) throws
        -> SuiteScorer
    {
        let scorer = try taskScorer(
            for: suite, overrides: overrides, judged: judged, questionsRepeat: questionsRepeat)
        if suite.items.contains(where: \.refuse) {
            let extractor = overrides.extractor ?? suite.manifest.scoring.extractor
            scorer.refusals = RefusalTally(reader: extractor == HalluAudioExtractor.name ? .halluaudio : .hark)
        }
        return scorer
    }

    static func taskScorer(for suite: Suite, overrides: Overrides, judged: Bool, questionsRepeat: Bool) throws
        -> SuiteScorer
    {
        // A judge that reads what the rules cannot, or lists a caption's objects, is part of the
        // reading, not a score beside it.
        let reads =
            suite.manifest.scoring.fallback == "judge"
            || (suite.manifest.task == .caption
                && suite.manifest.scoring.captionExtractor == CaptionExtractor.judge.rawValue)
        let settings = try settings(for: suite, overrides: overrides, listedByJudge: judged && reads)
        let judgedScorer = judged && !reads ? JudgedScorer(settings: settings) : nil
        do {
            switch suite.manifest.task {
            case .yesNo:
                return SuiteScorer(
                    .yesNo(try YesNoScorer(settings: settings, suite: suite.id, questionsRepeat: questionsRepeat)),
                    judged: judgedScorer)
            case .caption:
                var labels: Set<String> = []
                for item in suite.items { if case .caption(let present) = item.answerKey { labels.formUnion(present) } }
                return SuiteScorer(.caption(CaptionScorer(settings: settings, labels: labels)), judged: judgedScorer)
            case .multipleChoice:
                return SuiteScorer(
                    .choice(try ChoiceScorer(settings: settings, questionsRepeat: questionsRepeat)),
                    judged: judgedScorer)
            case .openQA where settings.extractor == HalluAudioExtractor.name:
                return SuiteScorer(.halluAudio(HalluAudioOpenScorer(settings: settings)), judged: judgedScorer)
            case .openQA where settings.extractor == AHaBenchASRScorer.name:
                return SuiteScorer(.ahaBenchASR(AHaBenchASRScorer(settings: settings)), judged: judgedScorer)
            case .openQA: return SuiteScorer(.judged(JudgedScorer(settings: settings)), judged: nil)
            case .instructionFollowing:
                return SuiteScorer(
                    .instructions(
                        InstructionScorer(settings: settings, profile: try profile(for: suite)), file: suite.itemsFile),
                    judged: nil)
            }
        } catch let error as HarkError where error.location == nil {
            throw HarkError.badInput(
                error.message,
                at: SourceLocation(
                    file: suite.directory.appendingPathComponent("suite.yaml").path, field: "scoring.extractor"))
        }
    }

    /// The scorer of one suite, by task, with the judge's verdicts beside it when the suite is
    /// judged; a class so that each sample updates it in place.
    final class SuiteScorer {
        enum Kind {
            case yesNo(YesNoScorer)
            case caption(CaptionScorer)
            case choice(ChoiceScorer)
            /// Scored by the judge alone (open-qa).
            case judged(JudgedScorer)
            /// Checked by rules, the judge deciding items without rules (instruction following).
            case instructions(InstructionScorer, file: String)
            /// HalluAudio's open questions, by its rules.
            case halluAudio(HalluAudioOpenScorer)
            /// AHa-Bench's ASR items, by word error rate.
            case ahaBenchASR(AHaBenchASRScorer)
            /// Held while a sample is added: the scorer taken out is then its only owner, so it
            /// grows in place instead of copying its tables for every sample.
            case taken
        }

        private var kind: Kind
        private var judged: JudgedScorer?
        /// Refusals, when the suite marks some item `refuse`.
        var refusals: RefusalTally?

        init(_ kind: Kind, judged: JudgedScorer?) {
            self.kind = kind
            self.judged = judged
        }

        /// `listed`: the objects a judge listed for a caption.
        func add(_ record: SampleRecord, item: Item, verdict: JudgeVerdict?, listed: [String]? = nil) throws
            -> ScoreRecord?
        {
            _ = judged?.add(record, item: item, verdict: verdict)
            refusals?.add(record, item: item)
            let current = kind
            kind = .taken
            switch consume current {
            case .taken:
                return nil
            case .yesNo(var scorer):
                defer { kind = .yesNo(scorer) }
                return scorer.add(record, item: item, fallback: judged == nil ? verdict : nil)
            case .caption(var scorer):
                defer { kind = .caption(scorer) }
                return scorer.add(record, item: item, listed: listed)
            case .choice(var scorer):
                defer { kind = .choice(scorer) }
                return scorer.add(record, item: item)
            case .judged(var scorer):
                defer { kind = .judged(scorer) }
                return scorer.add(record, item: item, verdict: verdict)
            case .instructions(var scorer, let file):
                defer { kind = .instructions(scorer, file: file) }
                return try scorer.add(record, item: item, verdict: verdict, file: file)
            case .halluAudio(var scorer):
                defer { kind = .halluAudio(scorer) }
                return scorer.add(record, item: item)
            case .ahaBenchASR(var scorer):
                defer { kind = .ahaBenchASR(scorer) }
                return scorer.add(record, item: item)
            }
        }

        func finish() -> SuiteScore? {
            var score: SuiteScore
            switch kind {
            case .yesNo(let scorer): score = scorer.finish()
            case .caption(let scorer): score = scorer.finish()
            case .choice(let scorer): score = scorer.finish()
            case .judged(let scorer): score = scorer.finish()
            case .instructions(let scorer, _): score = scorer.finish()
            case .halluAudio(let scorer): score = scorer.finish()
            case .ahaBenchASR(let scorer): score = scorer.finish()
            case .taken: return nil
            }
            if let refusals { score.metrics.merge(refusals.metrics) { $1 } }
            if let judged {
                score.metrics.merge(judged.extraMetrics()) { _, judge in judge }
                for (key, groups) in judged.extraSlices() {
                    for (value, metrics) in groups {
                        score.slices[key, default: [:]][value, default: [:]].merge(metrics) { _, judge in judge }
                    }
                }
            }
            return score
        }
    }

    static func profile(for suite: Suite) throws -> IFEvalProfile {
        try named(
            suite.manifest.scoring.profile ?? IFEvalProfile.ifeval.rawValue, "instruction-following profile",
            field: "scoring.profile", of: suite)
    }

    /// A suite's setting by name, or an error at its suite.yaml field that lists the known names.
    static func named<Value: RawRepresentable & CaseIterable>(
        _ name: String, _ what: String, field: String, of suite: Suite
    ) throws -> Value where Value.RawValue == String {
        guard let value = Value(rawValue: name) else {
            let known = Value.allCases.map(\.rawValue).joined(separator: ", ")
            throw HarkError.badInput(
                "unknown \(what) \"\(name)\"; known: \(known)",
                at: SourceLocation(file: suite.directory.appendingPathComponent("suite.yaml").path, field: field))
        }
        return value
    }

    static func settings(for suite: Suite, overrides: Overrides, listedByJudge: Bool = false) throws -> ScoringSettings
    {
        let scoring = suite.manifest.scoring
        let policy: ScoringPolicy = try named(
            overrides.policy ?? scoring.policy ?? ScoringPolicy.hark.rawValue, "scoring policy",
            field: "scoring.policy", of: suite)
        var settings = ScoringSettings(
            extractor: overrides.extractor ?? scoring.extractor ?? DefaultYesNoExtractor.name, policy: policy,
            positiveClass: scoring.positiveClass, bootstrapResamples: overrides.resamples ?? Bootstrap.defaultResamples,
            seed: overrides.seed ?? 0, synonyms: scoring.synonyms)
        settings.cluster = scoring.cluster ?? ClusterUnit.clip.description
        settings.intervals = try named(
            scoring.intervals ?? IntervalMethod.clustered.rawValue, "interval method", field: "scoring.intervals",
            of: suite)
        if suite.manifest.task == .caption {
            settings.captionVocabulary = try named(
                scoring.captionVocabulary ?? SoundVocabulary.Source.audioset.rawValue, "caption vocabulary",
                field: "scoring.caption_vocabulary", of: suite)
            settings.captionCompounds = scoring.captionCompounds ?? false
            let extractor: CaptionExtractor = try named(
                scoring.captionExtractor ?? CaptionExtractor.rules.rawValue, "caption extractor",
                field: "scoring.caption_extractor", of: suite)
            // What read the captions: the judge only once `hark judge` has listed them.
            settings.captionExtractor = extractor == .judge && listedByJudge ? .judge : .rules
        }
        return settings
    }
}
