public import HarkCore

/// Scores instruction-following suites: IFEval's four accuracies — prompt-level and
/// instruction-level, strict and loose (loose only under the `ifeval` profile) — with Wilson
/// intervals, per instruction id (slice `instruction`) and per tag; and for Speech-IFEval's
/// categories (tag `category`) the closed-ended, creative-writing and chain-of-thought rates and
/// their mean, the IFrate. Chain-of-thought items carry no rule: their rate is the share a judge
/// (the `reasoning` template) passed, and without verdicts it is missing, as is the IFrate —
/// never a zero.
public struct InstructionScorer: Sendable {
    public let settings: ScoringSettings
    public let profile: IFEvalProfile
    private var evaluators: [String: IFEvalEvaluator] = [:]
    private var overall = Tallies()
    private var byInstruction: [String: Tallies] = [:]
    private var bySlice: [String: [String: Tallies]] = [:]
    private var judged = Count()
    private var approximate: Set<String> = []

    struct Count: Sendable {
        var passed = 0, total = 0

        mutating func add(_ passed: Bool) {
            total += 1
            if passed { self.passed += 1 }
        }

        func metric() -> MetricValue {
            MetricValue(
                total == 0 ? 0 : Double(passed) / Double(total), ci: Wilson.interval(successes: passed, n: total),
                n: total)
        }
    }

    struct Tallies: Sendable {
        var promptStrict = Count(), promptLoose = Count(), instructionStrict = Count(), instructionLoose = Count()

        mutating func add(_ outcome: IFEvalEvaluator.Followed) {
            guard !outcome.strict.isEmpty else { return }
            promptStrict.add(outcome.strict.allSatisfy { $0 })
            for followed in outcome.strict { instructionStrict.add(followed) }
            if let loose = outcome.loose {
                promptLoose.add(loose.allSatisfy { $0 })
                for followed in loose { instructionLoose.add(followed) }
            }
        }

        func metrics() -> [MetricName: MetricValue] {
            var metrics: [MetricName: MetricValue] = [:]
            if promptStrict.total > 0 {
                metrics[.promptStrict] = promptStrict.metric()
                metrics[.instructionStrict] = instructionStrict.metric()
            }
            if promptLoose.total > 0 {
                metrics[.promptLoose] = promptLoose.metric()
                metrics[.instructionLoose] = instructionLoose.metric()
            }
            return metrics
        }
    }

    public init(settings: ScoringSettings, profile: IFEvalProfile) {
        var settings = settings
        settings.profile = profile
        self.settings = settings
        self.profile = profile
    }

    /// Scores one answer; `verdict` is the judge's, for items without rules. Throws when an
    /// item's arguments cannot be used by the reference (named by the item's line).
    public mutating func add(_ record: SampleRecord, item: Item, verdict: JudgeVerdict?, file: String) throws
        -> ScoreRecord?
    {
        guard record.isAnswered, case .instructionFollowing(let instructions) = item.answerKey else { return nil }
        if instructions.isEmpty {
            guard let verdict else { return nil }
            judged.add(verdict == .pass)
            return ScoreRecord(
                key: record.key, suite: record.suite, item: record.item, template: record.template,
                extracted: "judged \(verdict.rawValue)",
                expected: "reasoning", correct: verdict == .pass, tags: item.tags)
        }
        let evaluator = try evaluator(for: item, instructions: instructions, file: file)
        let outcome = evaluator.evaluate(record.response ?? "")
        overall.add(outcome)
        for (index, instruction) in instructions.enumerated() {
            if profile.approximateIDs.contains(instruction.id) || evaluator.checks[index].isApproximate {
                approximate.insert(instruction.id)
            }
            byInstruction[instruction.id, default: Tallies()].add(
                IFEvalEvaluator.Followed(strict: [outcome.strict[index]], loose: outcome.loose.map { [$0[index]] }))
        }
        for (key, value) in item.slices { bySlice[key, default: [:]][value, default: Tallies()].add(outcome) }
        let followed = outcome.strict.filter { $0 }.count
        var extracted = "strict \(followed)/\(instructions.count)"
        if let loose = outcome.loose { extracted += ", loose \(loose.filter { $0 }.count)/\(instructions.count)" }
        return ScoreRecord(
            key: record.key, suite: record.suite, item: record.item, template: record.template, extracted: extracted,
            expected: instructions.map(\.id).joined(separator: ", "), correct: followed == instructions.count,
            tags: item.tags)
    }

    private mutating func evaluator(for item: Item, instructions: [Instruction], file: String) throws -> IFEvalEvaluator
    {
        if let cached = evaluators[item.id] { return cached }
        let checks = try instructions.enumerated().map { index, instruction in
            do {
                return try profile.check(instruction)
            } catch {
                // A keyword that is not a valid pattern, a splitter the reference cannot use: named by the item.
                let message = (error as? HarkError)?.message ?? "\(instruction.id): \(error.localizedDescription)"
                throw HarkError.badInput(
                    message, at: SourceLocation(file: file, line: item.line, field: "instructions[\(index)].kwargs"))
            }
        }
        let evaluator = IFEvalEvaluator(checks: checks, loose: profile.hasLoose)
        evaluators[item.id] = evaluator
        return evaluator
    }

    public func finish() -> SuiteScore {
        var metrics = overall.metrics()
        var slices = bySlice.mapValues { $0.mapValues { $0.metrics() } }
        slices["instruction"] = byInstruction.mapValues { $0.metrics() }
        if let categories = bySlice["category"] {
            let closed = categories[SpeechIFEvalCategory.closedEnded.rawValue]?.promptStrict
            let creative = categories[SpeechIFEvalCategory.creativeWriting.rawValue]?.promptStrict
            if let closed, closed.total > 0 { metrics[.closedEndedRate] = closed.metric() }
            if let creative, creative.total > 0 { metrics[.creativeWritingRate] = creative.metric() }
            if judged.total > 0 { metrics[.cotRate] = judged.metric() }
            if let closed, let creative, closed.total > 0, creative.total > 0, judged.total > 0 {
                let rates = [closed, creative, judged].map { Double($0.passed) / Double($0.total) }
                metrics[.ifRate] = MetricValue(
                    rates.reduce(0, +) / 3, n: closed.total + creative.total + judged.total)
            }
        }
        if judged.total > 0 {
            slices["category", default: [:]][SpeechIFEvalCategory.chainOfThought.rawValue] = [
                "judged_rate": judged.metric()
            ]
        }
        var settings = settings
        settings.approximate = approximate.isEmpty ? nil : approximate.sorted()
        return SuiteScore(scoring: settings, metrics: metrics, slices: slices)
    }
}
