import HarkScoring
import Testing

@Suite struct ChoiceExtractorTests {
    static let choices = ["acoustic guitar", "electric guitar", "piano", "violin"]

    static let table: [(String, letter: Int?, default: Int?)] = [
        ("B", 1, 1), ("(C)", 2, 2), ("d.", 3, 3), ("Answer: A", 0, 0), ("The correct answer is (B).", 1, 1),
        ("The answer is C because it sounds like keys.", 2, 2), ("E", nil, nil), ("piano", nil, 2),
        ("The correct answer is: \"violin\"", nil, 3), ("**Electric guitar**", nil, 1),
        ("I think it is the piano.", nil, 2),
        ("acoustic guitar or piano", nil, nil), ("It sounds like a guitar.", nil, nil), ("", nil, nil),
        (
            "What instrument is playing? Choose from the following options: acoustic guitar, electric guitar, piano, violin",
            nil, nil
        ),
        ("A violin, clearly.", nil, 3), ("Electric guitar, not acoustic.", nil, 1),
    ]

    @Test func letterAndDefaultReadTheTable() {
        for (response, letter, expected) in Self.table {
            #expect(ChoiceExtractor.letter.choice(in: response, choices: Self.choices) == letter, "letter: \(response)")
            #expect(
                ChoiceExtractor.default.choice(in: response, choices: Self.choices) == expected, "default: \(response)")
        }
    }
}

@Suite struct AIRBenchExtractorTests {
    /// AIR-Bench's rule: the first character when it is a choice letter, else the second-to-last.
    @Test func firstCharacterThenSecondToLast() {
        let choices = ["male", "female", "child", "robot"]
        let table: [(String, Int?)] = [
            ("B", 1), ("A dog barks.", 0), ("The answer is (C).", nil), ("The answer is C.", 2), ("Answer: D.", 0),
            ("I pick D.", 3), ("the answer is d.", nil), ("", nil), ("C", 2),
            ("E", nil), ("female", nil), (" B", nil),
        ]
        for (response, expected) in table {
            #expect(ChoiceExtractor.airbench.choice(in: response, choices: choices) == expected, "\(response)")
        }
        #expect(ChoiceExtractor.airbench.choice(in: "C", choices: ["male", "female"]) == nil)
    }
}

@Suite struct JudgeTemplateTests {
    @Test func verdictIsTheLastVerdictWord() {
        let judge = JudgeTemplate.correctness
        let table: [(String, JudgeVerdict)] = [
            ("correct", .pass), ("Incorrect.", .fail), ("CORRECT", .pass), ("The answer is not correct.", .fail),
            ("Looks incorrect at first, but it is correct", .pass), ("I am unsure.", .unparsed), ("", .unparsed),
            ("correctly answered", .unparsed),
        ]
        for (reply, verdict) in table { #expect(judge.verdict(reply) == verdict, "\(reply)") }
        #expect(JudgeTemplate.reasoning.verdict("Yes, it reasons step by step.") == .pass)
        #expect(JudgeTemplate.reasoning.verdict("No.") == .fail)
    }

    @Test func renderingFillsEachPlaceholderOnceAndLeavesAnswersAlone() {
        let prompt = JudgeTemplate.correctness.render(
            question: "Q {x}?", reference: "dog", response: "the {reference} is {response}")
        #expect(prompt == "Question:\nQ {x}?\n\nReference answer:\ndog\n\nModel answer:\nthe {reference} is {response}")
        #expect(JudgeTemplate.correctness.hash != JudgeTemplate.reasoning.hash)
    }
}
