public import Foundation
public import HarkCore
public import HarkModels
public import HarkRecords
public import HarkRun
public import HarkScoring
public import HarkSuites

/// The judge stage (`hark judge`): asks a judge model about the answers of a finished run and
/// journals its replies in `results/<run>/judgements.jsonl` (one record per judged sample, under
/// the sample's key), through the same engine as a run: cached, retried, resumable. The audio
/// model is not asked again. The judge's identity and template hash go into the run's manifest,
/// and the run is scored again with the verdicts.
///
/// Judged suites: those whose `scoring.judge` names a template, and every open-qa suite (with
/// `correctness` by default); a given `template` judges every suite of the run. Of an
/// instruction-following suite only the items without rules are judged (chain-of-thought items);
/// caption suites with `scoring.caption_extractor: judge` have their objects listed
/// (`caption-objects`).
public struct JudgeSession: Sendable {
    public var directory: RunDirectory
    public var suites: [Suite]
    public var judge: ModelConfig
    public var template: JudgeTemplate?
    public var cacheURL: URL?

    public init(
        directory: RunDirectory, suites: [Suite], judge: ModelConfig, template: JudgeTemplate? = nil,
        cacheURL: URL? = nil
    ) {
        self.directory = directory
        self.suites = suites
        self.judge = judge
        self.template = template
        self.cacheURL = cacheURL
    }

    public struct Judged: Sendable {
        public var results: RunResults
        public var counts: RunManifest.Counts
    }

    public func execute(progress: @Sendable (RunProgress) -> Void = { _ in }) async throws -> Judged {
        var results = try directory.readResults()
        let templates = try Self.templates(for: suites, override: template)
        guard !templates.isEmpty else {
            throw HarkError.badInput(
                "no suite of run \(results.manifest.run) is judged: set scoring.judge in its suite.yaml, or give a template"
            )
        }
        let items = Dictionary(
            uniqueKeysWithValues: suites.filter { templates[$0.id] != nil }.map { suite in
                (suite.id, Dictionary(suite.items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }))
            })
        let readers = Dictionary(
            uniqueKeysWithValues: suites.compactMap { suite in
                YesNoExtractors.named(suite.manifest.scoring.extractor).map { (suite.id, $0) }
            })
        let requests = try Journal.read(directory.samples).compactMap { record -> ModelRequest? in
            guard record.isAnswered, let template = templates[record.suite],
                let item = items[record.suite]?[record.item]
            else { return nil }
            // Instruction-following items with rules are checked by the rules, not judged.
            if case .instructionFollowing(let instructions) = item.answerKey, !instructions.isEmpty { return nil }
            // The yes/no reading judge reads only what the rules leave unparsed.
            if template == .yesNoReading, case .yesNo(let object, _) = item.answerKey,
                let rules = readers[record.suite], rules.read(record.response ?? "", object: object).answer != nil
            {
                return nil
            }
            return ModelRequest(
                suiteID: record.suite, itemID: record.item, template: record.template, repeatIndex: record.repeatIndex,
                system: template.system,
                prompt: template.render(
                    question: record.prompt, reference: item.answerKey.reference ?? "", response: record.response ?? ""),
                generation: judge.generation)
        }

        let adapter = try AdapterRegistry.make(judge, catalog: ItemCatalog(suites: suites))
        let entry = RunManifest.Judge(
            model: RunManifest.Model(
                name: judge.name, adapter: judge.adapter, identity: adapter.identity, settings: judge.redactedSettings),
            templates: templates.mapValues(\.name),
            promptHash: Self.promptHash(templates), judgedAt: Timestamp.now())

        // Verdicts of the same judge and templates are kept; another judge starts over.
        let url = directory.judgements
        let sameJudge =
            results.manifest.judge.map {
                $0.model.identity == entry.model.identity && $0.promptHash == entry.promptHash
            } ?? false
        if !sameJudge { try? FileManager.default.removeItem(at: url) }
        let kept = try Journal.rewrite(
            url, index: Journal.index(url, keep: \.isAnswered).index, planOrder: requests.map(\.key))
        let pending = requests.filter { !kept.index.contains($0.key) }

        let journal = try Journal(url: url, index: kept.index)
        let engine = RunEngine(
            adapter: adapter, cache: try cacheURL.map(ResponseCache.init(url:)), journal: journal,
            encoder: ClipEncoder(pipeline: judge.audio.pipeline),
            concurrency: judge.concurrency, retry: RetryPolicy(maxRetries: judge.concurrency.retries),
            cacheSalt: "judge")
        var counts: RunManifest.Counts
        do {
            counts = try await engine.run(pending, total: pending.count, resumed: kept.records, progress: progress)
        } catch {
            await adapter.shutdown()
            throw error
        }
        await adapter.shutdown()
        try Journal.rewrite(url, index: try await journal.close(), planOrder: requests.map(\.key))
        counts.resumed = kept.records

        var judged = entry
        judged.counts = counts
        results.manifest.judge = judged
        if var manifest = try directory.readManifest() {
            manifest.judge = judged
            try directory.write(manifest, to: directory.manifest)
        }
        return Judged(results: try RunScoring.score(results, suites: suites, directory: directory), counts: counts)
    }

    /// The template of each judged suite.
    static func templates(for suites: [Suite], override: JudgeTemplate?) throws -> [String: JudgeTemplate] {
        var templates: [String: JudgeTemplate] = [:]
        for suite in suites {
            let named =
                suite.manifest.scoring.judge
                ?? (suite.manifest.task == .openQA
                    && !RuleScoredOpenQA.extractors.contains(suite.manifest.scoring.extractor ?? "")
                    ? JudgeTemplate.correctness.name : nil)
                ?? (suite.manifest.scoring.fallback == "judge" ? JudgeTemplate.yesNoReading.name : nil)
                ?? (suite.manifest.task == .caption
                    && suite.manifest.scoring.captionExtractor == CaptionExtractor.judge.rawValue
                    ? JudgeTemplate.captionObjects.name : nil)
            if let override {
                templates[suite.id] = override
            } else if let named {
                guard let template = JudgeTemplate.named(named) else {
                    let known = JudgeTemplate.builtIn.map(\.name).joined(separator: ", ")
                    throw HarkError.badInput(
                        "unknown judge template \"\(named)\"; known: \(known)",
                        at: SourceLocation(
                            file: suite.directory.appendingPathComponent("suite.yaml").path, field: "scoring.judge"))
                }
                templates[suite.id] = template
            }
        }
        return templates
    }

    static func promptHash(_ templates: [String: JudgeTemplate]) -> String {
        ContentHash.sha256(
            templates.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.hash)" }.joined(separator: "\n"))
    }
}
