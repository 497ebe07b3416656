import Foundation
public import HarkCore
public import HarkScoring

/// Two runs of the same suites compared item by item (aligned by sample key): per suite and metric
/// both values, the difference with its paired 95% interval, a p-value and the smallest change the
/// design could detect — and the items that flipped, right → wrong first. When samples share
/// clusters (the `cluster` of scores.jsonl: by default their clip), every metric's change is a
/// paired cluster bootstrap, McNemar's exact test kept as a cross-check for accuracy; otherwise
/// accuracy takes McNemar's test and a paired bootstrap interval (every task whose samples are right
/// or wrong: yes/no, multiple choice, instruction following, judged), and F1, precision, recall,
/// yes-ratio, unparsed rate and bias the paired bootstrap. The p-values of all changes are adjusted
/// for their number (Holm by default). Samples only one run has are left out and counted, per side.
public struct RunComparison: Sendable, Hashable, Codable {
    public struct MetricChange: Sendable, Hashable, Codable {
        public var metric: MetricName
        public var baseline: Double
        public var candidate: Double
        public var difference: Double
        public var ci: [Double]
        public var pValue: Double
        /// `mcnemar-exact`, `paired-bootstrap` or `paired-cluster-bootstrap`.
        public var test: String
        /// (candidate − baseline) / baseline × 100: the forgetting rate's form; nil when the baseline is 0.
        public var relativeChange: Double?
        /// The p-value adjusted over every change of the comparison (`adjustment`).
        public var adjustedPValue: Double?
        /// The smallest change this design detects with 80% power at α = 0.05, from the change's
        /// standard error (its samples, clusters and the runs' agreement).
        public var minimumDetectableEffect: Double?
        /// The clusters resampled, when samples were clustered.
        public var clusters: Int?
        /// Accuracy under clustering: McNemar's exact p-value beside the cluster bootstrap's, as a
        /// cross-check (it assumes independent samples).
        public var mcnemarPValue: Double?

        enum CodingKeys: String, CodingKey {
            case metric, baseline, candidate, difference, ci, test, clusters
            case pValue = "p_value"
            case relativeChange = "relative_change"
            case adjustedPValue = "adjusted_p_value"
            case minimumDetectableEffect = "minimum_detectable_effect"
            case mcnemarPValue = "mcnemar_p_value"
        }

        /// The p-value significance is judged by: the adjusted one when there is one.
        public var decidingPValue: Double { adjustedPValue ?? pValue }
    }

    public struct Flip: Sendable, Hashable, Codable {
        /// `right→wrong` or `wrong→right`.
        public var direction: String
        public var key: String
        public var expected: String
        /// The extracted answers.
        public var baseline: String
        public var candidate: String
        /// The question, the two runs' full answers and the clips, when the journals are at hand.
        public var prompt: String?
        public var baselineResponse: String?
        public var candidateResponse: String?
        public var audio: [String]?

        enum CodingKeys: String, CodingKey {
            case direction, key, expected, baseline, candidate, prompt, audio
            case baselineResponse = "baseline_response"
            case candidateResponse = "candidate_response"
        }
    }

    /// Fills in each flip's question, full answers and clips from the two runs' journal records.
    public mutating func describeFlips(baseline: [String: SampleRecord], candidate: [String: SampleRecord]) {
        for suite in suites.indices {
            for index in suites[suite].flips.indices {
                let key = suites[suite].flips[index].key
                suites[suite].flips[index].prompt = candidate[key]?.prompt ?? baseline[key]?.prompt
                suites[suite].flips[index].baselineResponse = baseline[key]?.response
                suites[suite].flips[index].candidateResponse = candidate[key]?.response
                suites[suite].flips[index].audio = (candidate[key] ?? baseline[key])?.audio.map(\.path)
            }
        }
    }

    public struct SuiteComparison: Sendable, Hashable, Codable {
        public var suite: String
        public var sharedSamples: Int
        /// Samples only one of the runs has (compared only with `allowMismatch`).
        public var unmatchedSamples: Int
        /// Of those, the baseline's and the candidate's.
        public var baselineOnly = 0
        public var candidateOnly = 0
        /// Why a suite has no paired change (captions are scored per suite, not per sample).
        public var note: String?
        public var fingerprintsDiffer: Bool
        public var changes: [MetricChange]
        public var flips: [Flip]
        /// Instruction-following suites scored with an IFrate in both runs: the baseline's and the
        /// candidate's, and Speech-IFEval's forgetting rate Δ = (candidate − baseline) / baseline ×
        /// 100 — the baseline being the text-only reference run.
        public var ifRate: [Double]?
        public var forgettingRate: Double?
        /// When one run is a listening control of the other: what changing the audio changed.
        public var listening: ListeningEffect?

        enum CodingKeys: String, CodingKey {
            case suite, changes, flips
            case ifRate = "if_rate"
            case forgettingRate = "forgetting_rate"
            case listening
            case sharedSamples = "shared_samples"
            case unmatchedSamples = "unmatched_samples"
            case fingerprintsDiffer = "fingerprints_differ"
            case baselineOnly = "baseline_only"
            case candidateOnly = "candidate_only"
            case note
        }

        public func change(_ metric: MetricName) -> MetricChange? { changes.first { $0.metric == metric } }
    }

    public var baseline: String
    public var candidate: String
    public var suites: [SuiteComparison]
    /// Suites only one run has: left out, with their samples.
    public var baselineOnlySuites: [String] = []
    public var candidateOnlySuites: [String] = []
    /// Samples each side left out: of unshared suites, and unshared samples of shared ones.
    public var baselineLeftOut = 0
    public var candidateLeftOut = 0
    /// Set when both runs name one model but its server reported two fingerprints: two checkpoints.
    public var fingerprintWarning: String?
    /// How the p-values of all changes were adjusted for their number (Holm by default).
    public var adjustment: Multiplicity = .holm

    /// One run as a comparison reads it.
    public struct Side: Sendable {
        public var name: String
        public var results: RunResults
        public var scores: [ScoreRecord]

        public init(name: String, results: RunResults, scores: [ScoreRecord]) {
            self.name = name
            self.results = results
            self.scores = scores
        }
    }

    enum CodingKeys: String, CodingKey {
        case baseline, candidate, suites
        case baselineOnlySuites = "baseline_only_suites"
        case candidateOnlySuites = "candidate_only_suites"
        case baselineLeftOut = "baseline_left_out"
        case candidateLeftOut = "candidate_left_out"
        case fingerprintWarning = "fingerprint_warning"
        case adjustment
    }

    /// Compares `candidate` with `baseline`. Suites whose fingerprints differ are refused unless
    /// `allowMismatch`, when only the samples both runs have are compared. Runs that share no
    /// suite are refused.
    public init(
        baseline: Side, candidate: Side, allowMismatch: Bool = false, resamples: Int = 10_000, seed: UInt64 = 0,
        adjustment: Multiplicity = .holm
    ) throws {
        self.adjustment = adjustment
        self.baseline = baseline.name
        self.candidate = candidate.name
        suites = []
        let models = (baseline.results.manifest.model, candidate.results.manifest.model)
        if models.0.name == models.1.name, models.0.fingerprint != models.1.fingerprint {
            fingerprintWarning =
                "both runs name the model \(models.0.name), but its fingerprints differ: "
                + "\(models.0.fingerprint?.canonical ?? "none") against \(models.1.fingerprint?.canonical ?? "none")"
        }
        // A listening control on one side only: the other is the real run.
        let controls = (baseline.results.manifest.plan.control, candidate.results.manifest.plan.control)
        let control: (kind: ListeningControl.Kind, run: String, isCandidate: Bool)? =
            switch controls {
            case (nil, let control?): (control.kind, candidate.name, true)
            case (let control?, nil): (control.kind, baseline.name, false)
            default: nil
            }
        let shared = Set(baseline.results.suites.map(\.id)).intersection(candidate.results.suites.map(\.id))
        guard !shared.isEmpty else {
            throw HarkError.badInput(
                "\(baseline.name) and \(candidate.name) share no suite (\(baseline.results.suites.map(\.id).joined(separator: ", ")) against "
                    + "\(candidate.results.suites.map(\.id).joined(separator: ", "))): nothing to compare")
        }
        for suite in baseline.results.suites where !shared.contains(suite.id) {
            baselineOnlySuites.append(suite.id)
            baselineLeftOut += suite.counts.samples
        }
        for suite in candidate.results.suites where !shared.contains(suite.id) {
            candidateOnlySuites.append(suite.id)
            candidateLeftOut += suite.counts.samples
        }
        for suite in candidate.results.suites {
            guard let base = baseline.results.suites.first(where: { $0.id == suite.id }) else { continue }
            let differ = base.fingerprint != suite.fingerprint
            if differ && !allowMismatch {
                throw HarkError.badInput(
                    "suite \(suite.id) differs between \(baseline.name) (\(base.fingerprint)) and \(candidate.name) (\(suite.fingerprint)); "
                        + "use --allow-mismatch to compare only the samples both runs have")
            }
            let before = Dictionary(
                baseline.scores.filter { $0.suite == suite.id }.map { ($0.key, $0) },
                uniquingKeysWith: { _, last in last })
            let after = Dictionary(
                candidate.scores.filter { $0.suite == suite.id }.map { ($0.key, $0) },
                uniquingKeysWith: { _, last in last })
            let keys = after.keys.filter { before[$0] != nil }.sorted()
            // The suite's own positive class and policy, as its results were scored.
            let scoring = (try? JSONEncoder().encode(suite.scoring)).flatMap {
                try? JSONDecoder().decode(ScoringSettings.self, from: $0)
            }
            var comparison = Self.compare(
                suite: suite.id, keys: keys, before: before, after: after,
                unmatched: Set(before.keys).symmetricDifference(after.keys).count, differ: differ, resamples: resamples,
                seed: seed ^ StableHash.value(suite.id, seed: 2), positive: scoring?.positiveClass ?? .no,
                policy: scoring?.policy ?? .hark)
            if suite.task == .caption {
                comparison.changes = Self.captionChanges(
                    keys: keys, before: before, after: after, resamples: resamples,
                    seed: seed ^ StableHash.value(suite.id, seed: 3))
            }
            // Samples without a score (errors) are left out too: counted against the run's plan.
            comparison.baselineOnly = max(0, base.counts.samples - keys.count)
            comparison.candidateOnly = max(0, suite.counts.samples - keys.count)
            baselineLeftOut += comparison.baselineOnly
            candidateLeftOut += comparison.candidateOnly
            if comparison.changes.isEmpty, comparison.note == nil {
                comparison.note = "no sample is scored right or wrong in both runs: no paired change"
            }
            if let control {
                comparison.listening = ListeningEffect.measure(
                    control: control.kind, controlRun: control.run, keys: keys,
                    real: control.isCandidate ? before : after, controlled: control.isCandidate ? after : before)
            }
            if let reference = base.metrics[.ifRate]?.value, let model = suite.metrics[.ifRate]?.value {
                comparison.ifRate = [reference, model]
                comparison.forgettingRate = Self.relative(reference, model)
            }
            suites.append(comparison)
        }
        let adjusted = adjustment.adjust(suites.flatMap { $0.changes.map(\.pValue) })
        var next = 0
        for suite in suites.indices {
            for change in suites[suite].changes.indices {
                suites[suite].changes[change].adjustedPValue = adjusted[next]
                next += 1
            }
        }
    }

    static func compare(
        suite: String, keys: [String], before: [String: ScoreRecord], after: [String: ScoreRecord], unmatched: Int,
        differ: Bool, resamples: Int, seed: UInt64, positive: YesNo = .no, policy: ScoringPolicy = .hark
    ) -> SuiteComparison {
        var flips: [Flip] = []
        // Per cluster (as scores.jsonl names it; a sample without one stands alone): the yes/no
        // cells, and right/wrong as a yes/no table (right = "yes" to a "yes" label), whose
        // accuracy's change is the change of any task's accuracy.
        var clusterOrder = FirstSeen()
        var pairs: [PairedBootstrap] = []
        var outcomes: [PairedBootstrap] = []
        var differences: [(sum: Double, count: Int)] = []
        var rightToWrong = 0
        var wrongToRight = 0
        var yesNo = true
        var correctBefore = 0
        var correctAfter = 0
        var scored = 0
        for key in keys {
            guard let a = before[key], let b = after[key] else { continue }
            let (index, isNew) = clusterOrder.position(of: b.cluster ?? a.cluster ?? "sample:" + key)
            if isNew {
                pairs.append(PairedBootstrap())
                outcomes.append(PairedBootstrap())
                differences.append((0, 0))
            }
            if let wasRight = a.correct, let isRight = b.correct {
                scored += 1
                if wasRight { correctBefore += 1 }
                if isRight { correctAfter += 1 }
                if wasRight && !isRight { rightToWrong += 1 }
                if !wasRight && isRight { wrongToRight += 1 }
                outcomes[index].add(label: .yes, baseline: wasRight ? .yes : .no, candidate: isRight ? .yes : .no)
                differences[index].sum += Double((isRight ? 1 : 0) - (wasRight ? 1 : 0))
                differences[index].count += 1
                if wasRight != isRight {
                    flips.append(
                        Flip(
                            direction: wasRight ? "right→wrong" : "wrong→right", key: key, expected: b.expected,
                            baseline: a.extracted,
                            candidate: b.extracted))
                }
            }
            if let label = YesNo(rawValue: b.expected) {
                pairs[index].add(
                    label: label, baseline: YesNo(rawValue: a.extracted), candidate: YesNo(rawValue: b.extracted))
            } else {
                yesNo = false
            }
        }
        flips.sort { ($0.direction == "right→wrong" ? 0 : 1, $0.key) < ($1.direction == "right→wrong" ? 0 : 1, $1.key) }
        let clustered = (yesNo ? pairs : outcomes).contains { $0.total > 1 }
        let used = (yesNo ? pairs : outcomes).filter { $0.total > 0 }
        var metrics: [(MetricName, (YesNoConfusion) -> Double)] = []
        let read = { (table: YesNoConfusion) in YesNoMetrics(table, positive: positive, policy: policy) }
        if scored > 0 { metrics.append((.accuracy, { YesNoMetrics($0).accuracy })) }
        if yesNo && !used.isEmpty {
            metrics += [
                (.f1, { read($0).f1 }), (.precision, { read($0).precision }), (.recall, { read($0).recall }),
                (.yesRatio, { read($0).yesRatio }), (.unparsedRate, { read($0).unparsedRate }),
                (.bias, { read($0).bias }),
            ]
        }
        var comparison = SuiteComparison(
            suite: suite, sharedSamples: keys.count, unmatchedSamples: unmatched, fingerprintsDiffer: differ,
            changes: [], flips: flips)
        if clustered && used.count < 2 {
            comparison.note = "all samples are in one cluster: no paired interval"
            return comparison
        }
        let changes: [PairedBootstrap.Change]
        if clustered {
            changes = ClusterBootstrap.changes(
                used.map(\.cells), resamples: resamples, seed: seed, metrics: metrics.map(\.1))
        } else {
            var whole = PairedBootstrap()
            for cluster in used { for cell in 0..<18 { whole.cells[cell] += cluster.cells[cell] } }
            changes = metrics.enumerated().map { index, entry in
                whole.change(resamples: resamples, seed: seed &+ UInt64(index), metric: entry.1)
            }
        }
        /// The smallest detectable change, none when the design shows no spread at all.
        func detectable(_ standardError: Double) -> Double? {
            standardError > 0 ? Power.minimumDetectableEffect(standardError: standardError) : nil
        }
        for ((name, _), change) in zip(metrics, changes) {
            var metricChange = MetricChange(
                metric: name, baseline: change.baseline, candidate: change.candidate, difference: change.difference,
                ci: change.interval, pValue: change.pValue,
                test: clustered ? "paired-cluster-bootstrap" : "paired-bootstrap",
                relativeChange: relative(change.baseline, change.candidate))
            metricChange.minimumDetectableEffect = detectable(change.standardError)
            if clustered { metricChange.clusters = used.count }
            if name == .accuracy {
                // Right/wrong counts as any task's: McNemar's test on the flips (the test when samples
                // are independent, a cross-check when they are clustered), and the detectable change
                // from the clustered standard error of the per-sample difference.
                let baseline = Double(correctBefore) / Double(scored)
                let candidate = Double(correctAfter) / Double(scored)
                let mcnemar = McNemar.exactPValue(b: rightToWrong, c: wrongToRight)
                let discordant = Double(rightToWrong + wrongToRight)
                let spread = ClusteredMean(clusters: differences.filter { $0.count > 0 }, sumOfSquares: discordant)
                metricChange.baseline = baseline
                metricChange.candidate = candidate
                metricChange.difference = candidate - baseline
                metricChange.relativeChange = relative(baseline, candidate)
                metricChange.minimumDetectableEffect = detectable(
                    clustered ? spread.standardError : spread.naiveStandardError)
                if clustered {
                    metricChange.mcnemarPValue = mcnemar
                } else {
                    metricChange.pValue = mcnemar
                    metricChange.test = "mcnemar-exact"
                }
            }
            comparison.changes.append(metricChange)
        }
        return comparison
    }

    /// Captions: ECHO_I and ECHO_S over the samples whose captions mention an object in both runs,
    /// Cover over the labelled ones, each by the paired bootstrap of its per-sample values (read
    /// from the mentions and labels in `scores.jsonl`).
    static func captionChanges(
        keys: [String], before: [String: ScoreRecord], after: [String: ScoreRecord], resamples: Int, seed: UInt64
    ) -> [MetricChange] {
        func objects(_ text: String) -> Set<String> { Set(text.components(separatedBy: ", ").filter { !$0.isEmpty }) }
        var echoInstance = PairedMeanBootstrap()
        var echoSentence = PairedMeanBootstrap()
        var cover = PairedMeanBootstrap()
        for key in keys {
            guard let a = before[key], let b = after[key] else { continue }
            let present = objects(b.expected)
            let baseline = CaptionAverages.values(mentioned: objects(a.extracted), present: present)
            let candidate = CaptionAverages.values(mentioned: objects(b.extracted), present: present)
            if let before = baseline.echoI, let after = candidate.echoI {
                echoInstance.add(baseline: before, candidate: after)
            }
            if let before = baseline.echoS, let after = candidate.echoS {
                echoSentence.add(baseline: before, candidate: after)
            }
            if let before = baseline.cover, let after = candidate.cover {
                cover.add(baseline: before, candidate: after)
            }
        }
        return [(MetricName.echoI, echoInstance), (.echoS, echoSentence), (.cover, cover)].enumerated().compactMap {
            index, entry in
            let (name, pairs) = entry
            guard !pairs.pairs.isEmpty else { return nil }
            let change = pairs.change(resamples: resamples, seed: seed &+ UInt64(index))
            return MetricChange(
                metric: name, baseline: change.baseline, candidate: change.candidate, difference: change.difference,
                ci: change.interval,
                pValue: change.pValue, test: "paired-bootstrap",
                relativeChange: relative(change.baseline, change.candidate))
        }
    }

    /// (candidate − baseline) / baseline × 100, as Speech-IFEval's forgetting rate is defined.
    public static func relative(_ baseline: Double, _ candidate: Double) -> Double? {
        baseline == 0 ? nil : (candidate - baseline) / baseline * 100
    }
}
