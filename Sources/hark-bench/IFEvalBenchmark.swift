import ArgumentParser
import Dispatch
import Foundation
import HarkCore
import HarkScoring

/// IFEval checking at scale: responses × instructions, strict and loose, over all 25 ids.
struct IFEvalBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ifeval",
        abstract: "Check responses against IFEval instructions, strict and loose (target: 100,000 × 1.5 under 5 s).")

    @Option(help: "Responses to check.")
    var responses = 100_000

    @Option(help: "Measured repetitions (after one warm-up).")
    var repeats = 3

    @Option(help: "Worker threads (default: the cores).")
    var threads = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Only instructions whose id contains this (to find a slow checker).")
    var only: String?

    /// One instruction of each id, with arguments as IFEval writes them.
    static let instructions: [Instruction] = [
        Instruction(id: "keywords:existence", kwargs: ["keywords": .array([.string("rain"), .string("dog")])]),
        Instruction(
            id: "keywords:frequency",
            kwargs: ["keyword": .string("the"), "frequency": .integer(3), "relation": .string("at least")]),
        Instruction(
            id: "keywords:forbidden_words", kwargs: ["forbidden_words": .array([.string("car"), .string("horn")])]),
        Instruction(
            id: "keywords:letter_frequency",
            kwargs: ["letter": .string("e"), "let_frequency": .integer(10), "let_relation": .string("at least")]),
        Instruction(id: "language:response_language", kwargs: ["language": .string("en")]),
        Instruction(
            id: "length_constraints:number_sentences",
            kwargs: ["num_sentences": .integer(4), "relation": .string("less than")]),
        Instruction(id: "length_constraints:number_paragraphs", kwargs: ["num_paragraphs": .integer(2)]),
        Instruction(
            id: "length_constraints:number_words", kwargs: ["num_words": .integer(40), "relation": .string("at least")]),
        Instruction(
            id: "length_constraints:nth_paragraph_first_word",
            kwargs: ["num_paragraphs": .integer(2), "nth_paragraph": .integer(2), "first_word": .string("rain")]),
        Instruction(id: "detectable_content:number_placeholders", kwargs: ["num_placeholders": .integer(1)]),
        Instruction(id: "detectable_content:postscript", kwargs: ["postscript_marker": .string("P.S.")]),
        Instruction(id: "detectable_format:number_bullet_lists", kwargs: ["num_bullets": .integer(2)]),
        Instruction(id: "detectable_format:constrained_response"),
        Instruction(id: "detectable_format:number_highlighted_sections", kwargs: ["num_highlights": .integer(1)]),
        Instruction(
            id: "detectable_format:multiple_sections",
            kwargs: ["section_spliter": .string("Section"), "num_sections": .integer(2)]),
        Instruction(id: "detectable_format:json_format"),
        Instruction(id: "detectable_format:title"),
        Instruction(id: "combination:two_responses"),
        Instruction(id: "combination:repeat_prompt", kwargs: ["prompt_to_repeat": .string("Describe the sound.")]),
        Instruction(id: "startend:end_checker", kwargs: ["end_phrase": .string("Any other questions?")]),
        Instruction(id: "startend:quotation"),
        Instruction(
            id: "change_case:capital_word_frequency",
            kwargs: ["capital_frequency": .integer(2), "capital_relation": .string("at least")]),
        Instruction(id: "change_case:english_capital"),
        Instruction(id: "change_case:english_lowercase"),
        Instruction(id: "punctuation:no_comma"),
    ]

    static let pieces = [
        "Describe the sound. A dog barks twice while the rain falls on the roof, and a car horn honks near the kitchen.",
        "<<Rain at Dawn>>\n\n* The rain falls softly.\n* A dog barks in the distance.\n\nP.S. There is no siren.",
        "Section 1\nThe first sound is rain.\n\nSection 2\nThe second is a *dog barking* at [time].",
        "{\"sound\": \"rain\", \"count\": 2}", "\"THE DOG BARKS LOUDLY. THE RAIN FALLS.\"",
        "my answer is no. the audio holds only speech.",
        "Mr. Smith heard the U.S. anthem at 3 p.m. today... Really? Yes! It was loud.\n***\nrain fell after that.",
        "First answer: a dog.\n******\nSecond answer: a wolf. Any other questions?",
    ]

    func run() throws {
        let pool = Self.instructions.filter { only.map($0.id.contains) ?? true }
        guard !pool.isEmpty else { throw ValidationError("no instruction id contains \(only ?? "")") }
        var generator = SplitMix64(seed: 11)
        var texts: [String] = []
        var evaluators: [IFEvalEvaluator] = []
        for _ in 0..<responses {
            let count = 1 + Int(generator.next() % 2)
            // Each response is unique (a number in every piece), so no cache can hit across responses.
            texts.append(
                (0..<(1 + Int(generator.next() % 3))).map { _ in
                    "Take \(generator.next() % 1_000_000): "
                        + Self.pieces[Int(generator.next() % UInt64(Self.pieces.count))]
                }.joined(separator: "\n\n"))
            let checks = try (0..<count).map { _ in
                try IFEvalProfile.ifeval.check(pool[Int(generator.next() % UInt64(pool.count))])
            }
            evaluators.append(IFEvalEvaluator(checks: checks, loose: true))
        }
        let instructionCount = evaluators.reduce(0) { $0 + $1.checks.count }
        let (allTexts, allEvaluators) = (texts, evaluators)
        let threads = max(1, threads)
        let followed = ConcurrentCounter(threads)
        let measurement = Measurement.of(repeats: repeats) {
            DispatchQueue.concurrentPerform(iterations: threads) { worker in
                var passed = 0
                for index in stride(from: worker, to: allTexts.count, by: threads) {
                    let outcome = allEvaluators[index].evaluate(allTexts[index])
                    passed += outcome.strict.filter { $0 }.count + (outcome.loose ?? []).filter { $0 }.count
                }
                followed.set(worker, passed)
            }
        }
        print(
            "ifeval: \(responses) responses, \(instructionCount) instructions (\(String(format: "%.2f", Double(instructionCount) / Double(responses))) each), strict and loose, \(threads) threads, median of \(repeats)"
        )
        print(
            String(
                format: "  wall %8.1f ms  (%.1f µs per response; %@; CPU / wall %.2f)", measurement.medianWall * 1_000,
                measurement.medianWall / Double(responses) * 1e6, measurement.spread,
                measurement.medianCPU / measurement.medianWall))
        print("  strict + loose verdicts passing: \(followed.total)")
    }
}

/// Per-worker totals written without sharing a variable between threads.
final class ConcurrentCounter: @unchecked Sendable {
    private var values: [Int]
    private let lock = NSLock()

    init(_ count: Int) { values = Array(repeating: 0, count: count) }

    func set(_ worker: Int, _ value: Int) {
        lock.lock()
        values[worker] = value
        lock.unlock()
    }

    var total: Int {
        lock.lock()
        defer { lock.unlock() }
        return values.reduce(0, +)
    }
}
