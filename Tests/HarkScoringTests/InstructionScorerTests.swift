import Foundation
import HarkCore
import Testing

@testable import HarkScoring

@Suite struct SpeechIFEvalProfileTests {
    func follows(_ id: String, _ kwargs: [String: JSONValue] = [:], _ response: String, profile: IFEvalProfile) throws
        -> Bool
    {
        let check = try profile.check(Instruction(id: id, kwargs: kwargs))
        return IFEvalEvaluator(checks: [check], loose: profile.hasLoose).evaluate(response).strict[0]
    }

    @Test func bulletsCountDotsDigitsAndEscapedNewlines() throws {
        let kwargs: [String: JSONValue] = ["num_bullets": .integer(3)]
        let id = "detectable_format:number_bullet_lists"
        for response in [
            "• one\n• two\n• three", "1. one\n2. two\n3. three", "* one\\n- two\\n• three", "  • a\n* b\n- c",
        ] {
            #expect(try follows(id, kwargs, response, profile: .speechIFEval), "\(response)")
        }
        #expect(try !follows(id, kwargs, "• one\n• two\n• three", profile: .ifeval))
        #expect(try !follows(id, kwargs, "• one\n• two", profile: .speechIFEval))
        #expect(try follows(id, kwargs, "* one\n* two\n- three", profile: .ifeval))
        // Each verdict below is Speech-IFEval's own BulletListChecker on the same text.
        let reference: [(String, Bool)] = [
            ("**Title**\n* a\n* b\n* c", true), ("\n\n* a\n- b\n٣ c", true), ("*\n* a\n- b", false),
            ("2024 was a year\n- a\n- b", true),
        ]
        for (response, followed) in reference {
            #expect(try follows(id, kwargs, response, profile: .speechIFEval) == followed, "\(response)")
        }
    }

    @Test func paragraphsSplitOnStarsOrNewlines() throws {
        let kwargs: [String: JSONValue] = ["num_paragraphs": .integer(3)]
        let id = "length_constraints:number_paragraphs"
        #expect(try follows(id, kwargs, "First.\nSecond.\nThird.", profile: .speechIFEval))
        #expect(try follows(id, kwargs, "First. *** Second.\nThird.\n", profile: .speechIFEval))
        #expect(try !follows(id, kwargs, "First.\nSecond.\nThird.", profile: .ifeval))
        // A run of newlines is one separator; a line of spaces between two is an empty inner part.
        // Each verdict is Speech-IFEval's own ParagraphChecker on the same text.
        let reference: [(String, Bool)] = [
            ("First.\n\nSecond.\nThird.", true), ("First.\n \nSecond.\nThird.", false),
            ("\n\nFirst.\n\n\nSecond.\n\nThird.\n\n", true), ("First.  ***  \n\nSecond.\nThird.", true),
            ("First.\n***\nSecond.***Third.", true), ("First.\r\nSecond.\r\nThird.", true),
        ]
        for (response, followed) in reference {
            #expect(try follows(id, kwargs, response, profile: .speechIFEval) == followed, "\(response)")
        }
    }

    @Test func quotesAroundTheRepeatedPromptAreAllowed() throws {
        let kwargs: [String: JSONValue] = ["prompt_to_repeat": .string("Answer:")]
        let id = "combination:repeat_prompt"
        #expect(try follows(id, kwargs, "\"Answer:\" a dog", profile: .speechIFEval))
        #expect(try follows(id, kwargs, "'Answer:' a dog", profile: .speechIFEval))
        #expect(try follows(id, kwargs, "\"'Answer: a dog", profile: .speechIFEval))
        #expect(try !follows(id, kwargs, "“Answer:” a dog", profile: .speechIFEval))
        #expect(try !follows(id, kwargs, "\"Answer:\" a dog", profile: .ifeval))
        #expect(try follows(id, kwargs, "Answer: a dog", profile: .ifeval))
    }

    @Test func caseChecksSkipLanguageDetection() throws {
        // Upper case that is not English: the reference's langdetect fails it; Speech-IFEval only tests the case.
        #expect(
            try follows(
                "change_case:english_capital", [:], "EL PERRO LADRA FUERTE BAJO LA LLUVIA.", profile: .speechIFEval))
        #expect(
            try !follows("change_case:english_capital", [:], "EL PERRO LADRA FUERTE BAJO LA LLUVIA.", profile: .ifeval))
        #expect(
            try follows(
                "change_case:english_lowercase", [:], "el perro ladra fuerte bajo la lluvia.", profile: .speechIFEval))
        #expect(try !follows("change_case:english_lowercase", [:], "The dog.", profile: .speechIFEval))
        #expect(IFEvalProfile.speechIFEval.approximateIDs == ["language:response_language"])
        #expect(!IFEvalProfile.speechIFEval.hasLoose)
    }
}

@Suite struct InstructionScorerTests {
    func record(_ item: String, _ response: String?) -> SampleRecord {
        SampleRecord(
            request: ModelRequest(suiteID: "s", itemID: item, template: "q", prompt: "p"), requestHash: "h",
            response: response.map { ModelResponse(text: $0) },
            error: response == nil ? RequestFailure(.timeout, "slow") : nil,
            latencyMs: 0, attempts: 1, cached: false)
    }

    @Test func fourAccuraciesPerIdAndApproximateIds() throws {
        let items = [
            Item(
                id: "a", question: "Q", tags: ["kind": "x"],
                answerKey: .instructionFollowing([
                    Instruction(id: "punctuation:no_comma"), Instruction(id: "startend:quotation"),
                ]), line: 1),
            Item(
                id: "b", question: "Q", tags: ["kind": "y"],
                answerKey: .instructionFollowing([
                    Instruction(id: "language:response_language", kwargs: ["language": .string("en")])
                ]), line: 2),
        ]
        var scorer = InstructionScorer(settings: ScoringSettings(), profile: .ifeval)
        // a: no comma ✓, quotation ✗ strictly but ✓ once the first line is dropped.
        _ = try scorer.add(record("a", "Sure:\n\"no commas here\""), item: items[0], verdict: nil, file: "items.jsonl")
        _ = try scorer.add(
            record("b", "The dog is barking loudly in the rain."), item: items[1], verdict: nil, file: "items.jsonl")
        #expect(try scorer.add(record("b", nil), item: items[1], verdict: nil, file: "items.jsonl") == nil)
        let score = scorer.finish()
        #expect(score.metrics["prompt_strict"]?.value == 0.5)
        #expect(score.metrics["instruction_strict"]?.value == 2.0 / 3)
        #expect(score.metrics["prompt_loose"]?.value == 1)
        #expect(score.metrics["instruction_loose"]?.value == 1)
        #expect(score.slices["instruction"]?["startend:quotation"]?["instruction_strict"]?.value == 0)
        #expect(score.slices["instruction"]?["startend:quotation"]?["instruction_loose"]?.value == 1)
        #expect(score.slices["kind"]?["x"]?["prompt_strict"]?.value == 0)
        #expect(score.scoring.approximate == ["language:response_language"])
        #expect(score.scoring.profile == .ifeval)
    }

    @Test func unusableArgumentsNameTheItemLine() throws {
        let item = Item(
            id: "a", question: "Q",
            answerKey: .instructionFollowing([
                Instruction(
                    id: "detectable_format:multiple_sections",
                    kwargs: ["section_spliter": .string("Sec(tion"), "num_sections": .integer(2)])
            ]), line: 7)
        var scorer = InstructionScorer(settings: ScoringSettings(), profile: .ifeval)
        #expect {
            try scorer.add(record("a", "x"), item: item, verdict: nil, file: "items.jsonl")
        } throws: { error in
            let location = (error as? HarkError)?.location
            return location?.file == "items.jsonl" && location?.line == 7 && location?.field == "instructions[0].kwargs"
        }
    }

    @Test func aKeywordThatIsNoValidPatternNamesTheItemLine() throws {
        let item = Item(
            id: "a", question: "Q",
            answerKey: .instructionFollowing([
                Instruction(id: "keywords:existence", kwargs: ["keywords": .array([.string("dog(")])])
            ]), line: 4)
        var scorer = InstructionScorer(settings: ScoringSettings(), profile: .ifeval)
        #expect {
            try scorer.add(record("a", "a dog"), item: item, verdict: nil, file: "items.jsonl")
        } throws: { error in
            guard let error = error as? HarkError else { return false }
            return error.kind == .badInput && error.location?.line == 4 && error.message.hasPrefix("keywords:existence")
        }
    }

    @Test func catalogRefusesArgumentsTheReferenceWouldRandomizeButKeepsGooglesNonLetters() {
        let location = SourceLocation(file: "items.jsonl", line: 3)
        let zero = InstructionCatalog.diagnose(
            Instruction(id: "detectable_format:number_bullet_lists", kwargs: ["num_bullets": .integer(0)]), at: location
        )
        #expect(
            zero.map(\.description) == [
                "items.jsonl:3: error: kwargs.num_bullets: expected an integer of at least 1, found 0"
            ])
        let letter = InstructionCatalog.diagnose(
            Instruction(
                id: "keywords:letter_frequency",
                kwargs: ["letter": .string("é"), "let_frequency": .integer(2), "let_relation": .string("at least")]),
            at: location)
        #expect(
            letter.map(\.description) == [
                #"items.jsonl:3: warning: kwargs.letter: "é" is no letter: counted as written, and scored as approximate"#
            ])
        let word = InstructionCatalog.diagnose(
            Instruction(
                id: "keywords:letter_frequency",
                kwargs: ["letter": .string("ab"), "let_frequency": .integer(2), "let_relation": .string("at least")]),
            at: location)
        #expect(
            word.map(\.description) == [#"items.jsonl:3: error: kwargs.letter: expected one character, found "ab""#])
    }

    /// Google's prompt 1122 asks for "#" at least 4 times; the current google-research checker counts "#".
    @Test func aNonLetterIsCountedAsWrittenAndMarkedApproximate() throws {
        let item = Item(
            id: "1122", question: "Q",
            answerKey: .instructionFollowing([
                Instruction(
                    id: "keywords:letter_frequency",
                    kwargs: ["letter": .string("#"), "let_frequency": .integer(4), "let_relation": .string("at least")])
            ]), line: 1)
        var scorer = InstructionScorer(settings: ScoringSettings(), profile: .ifeval)
        _ = try scorer.add(record("1122", "#one #two #three #four"), item: item, verdict: nil, file: "items.jsonl")
        _ = try scorer.add(record("1122", "#one #two #three"), item: item, verdict: nil, file: "items.jsonl")
        let score = scorer.finish()
        #expect(score.metrics["prompt_strict"]?.value == 0.5)
        #expect(score.scoring.approximate == ["keywords:letter_frequency"])
    }
}
