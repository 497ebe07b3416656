import HarkCore
import Testing

@Suite struct InstructionCatalogTests {
    let here = SourceLocation(file: "items.jsonl", line: 4, field: "instructions[0]")

    @Test func catalogHoldsIFEvalsTwentyFiveIDs() {
        #expect(InstructionCatalog.arguments.count == 25)
    }

    @Test func validInstructionHasNoDiagnostics() {
        let instruction = Instruction(
            id: "keywords:frequency",
            kwargs: ["keyword": .string("audio"), "frequency": .integer(2), "relation": .string("at least")])
        #expect(InstructionCatalog.diagnose(instruction, at: here).isEmpty)
    }

    @Test func unknownIDIsAnError() {
        let found = InstructionCatalog.diagnose(Instruction(id: "keywords:nonsense"), at: here)
        #expect(
            found.map(\.description) == [
                #"items.jsonl:4: error: instructions[0].id: unknown instruction id "keywords:nonsense""#
            ])
    }

    @Test func missingAndMistypedArgumentsAreErrors() {
        let instruction = Instruction(
            id: "keywords:frequency",
            kwargs: ["keyword": .integer(3), "relation": .string("more than"), "frequency": .null])
        let messages = InstructionCatalog.diagnose(instruction, at: here).map(\.description)
        #expect(
            messages == [
                "items.jsonl:4: error: instructions[0].kwargs.frequency: missing, required by keywords:frequency",
                "items.jsonl:4: error: instructions[0].kwargs.keyword: expected a string, found 3",
                #"items.jsonl:4: error: instructions[0].kwargs.relation: expected "less than" or "at least", found "more than""#,
            ])
    }

    @Test func unknownArgumentIsAWarningAndNullArgumentsAreIgnored() {
        let instruction = Instruction(id: "punctuation:no_comma", kwargs: ["extra": .bool(true), "num_words": .null])
        let found = InstructionCatalog.diagnose(instruction, at: here)
        #expect(found.count == 1)
        #expect(found.first?.severity == .warning)
    }
}
