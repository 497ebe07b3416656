import Foundation
public import HarkCore
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

    public static func score(
        _ results: RunResults, suites: [Suite], directory: RunDirectory, overrides: Overrides = Overrides()
    ) throws -> RunResults {
        var results = results
        let records = try Journal.read(directory.samples)
        var bySuite: [String: [SampleRecord]] = [:]
        for record in records { bySuite[record.suite, default: []].append(record) }
        var outcomes: [String: [ScoreRecord]] = [:]
        for index in results.suites.indices {
            let entry = results.suites[index]
            guard let suite = suites.first(where: { $0.id == entry.id }) else { continue }
            let settings = try settings(for: suite, overrides: overrides)
            let items = Dictionary(suite.items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let suiteRecords = bySuite[suite.id] ?? []
            let scored: (SuiteScore, [ScoreRecord])?
            switch suite.manifest.task {
            case .yesNo: scored = try YesNoScorer(settings: settings).score(suite: suite.id, items: items, records: suiteRecords)
            case .caption: scored = CaptionScorer(settings: settings).score(suite: suite.id, items: items, records: suiteRecords)
            case .multipleChoice, .instructionFollowing, .openQA: scored = nil
            }
            guard let (score, suiteOutcomes) = scored else { continue }
            score.apply(to: &results.suites[index])
            outcomes[suite.id] = suiteOutcomes
        }
        try writeScores(results.suites.flatMap { outcomes[$0.id] ?? [] }, to: directory.scores)
        try directory.write(results, to: directory.results)
        return results
    }

    static func settings(for suite: Suite, overrides: Overrides) throws -> ScoringSettings {
        let scoring = suite.manifest.scoring
        let policyName = overrides.policy ?? scoring.policy ?? ScoringPolicy.hark.rawValue
        guard let policy = ScoringPolicy(rawValue: policyName) else {
            let known = ScoringPolicy.allCases.map(\.rawValue).joined(separator: ", ")
            throw HarkError.badInput(
                "unknown scoring policy \"\(policyName)\"; known: \(known)",
                at: SourceLocation(file: suite.directory.appendingPathComponent("suite.yaml").path, field: "scoring.policy"))
        }
        return ScoringSettings(
            extractor: overrides.extractor ?? scoring.extractor ?? DefaultYesNoExtractor.name, policy: policy,
            positiveClass: scoring.positiveClass, bootstrapResamples: overrides.resamples ?? Bootstrap.defaultResamples,
            seed: overrides.seed ?? 0, synonyms: scoring.synonyms)
    }

    static func writeScores(_ records: [ScoreRecord], to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = Data()
        for record in records {
            data.append(try encoder.encode(record))
            data.append(UInt8(ascii: "\n"))
        }
        try data.write(to: url, options: .atomic)
    }
}
