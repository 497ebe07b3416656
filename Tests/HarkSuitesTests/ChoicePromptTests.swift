import HarkCore
import HarkSuites
import Testing

@Suite struct ChoicePromptTests {
    static let item = Item(
        id: "q1", question: "Which instrument?",
        answerKey: .multipleChoice(choices: ["piano", "violin", "drums", "flute"], answer: "violin"))

    func manifest(_ prompt: String) throws -> SuiteManifest {
        let (parsed, diagnostics) = ManifestParser.parse(
            "id: mc\nversion: 1\ntask: multiple-choice\nprompt: \(prompt)\n", file: "suite.yaml")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return try #require(parsed)
    }

    @Test func choicesAreQuotedLetteredOrLeftInTheQuestion() throws {
        let quoted = PromptRenderer(manifest: try manifest("{answer_format: Answer with the choice.}")).prompts(
            for: Self.item)
        #expect(
            quoted.map(\.text) == [
                #"Which instrument? Choose from the following options: "piano", "violin", "drums" or "flute" Answer with the choice."#
            ])
        #expect(quoted.first?.choiceOrder == nil)
        let lettered = PromptRenderer(
            manifest: try manifest("{choices: lettered, prefix: Listen., answer_format: \"Reply with A, B, C or D.\"}"))
        #expect(
            lettered.prompts(for: Self.item).map(\.text) == [
                "Listen. Which instrument?\nA. piano\nB. violin\nC. drums\nD. flute\nReply with A, B, C or D."
            ])
        let none = PromptRenderer(manifest: try manifest("{choices: none}"))
        #expect(none.prompts(for: Self.item).map(\.text) == ["Which instrument?"])
        let yesNo = Item(id: "y", question: "Is there a dog?", answerKey: .yesNo(object: "dog", label: .no))
        #expect(
            PromptRenderer(manifest: try manifest("{choices: lettered}")).prompts(for: yesNo).map(\.text) == [
                "Is there a dog?"
            ])
    }

    @Test func shuffledOrderIsSeededPerItemAndShownAsRecorded() throws {
        let renderer = PromptRenderer(manifest: try manifest("{choices: lettered, shuffle_choices: 7}"))
        let prompt = try #require(renderer.prompts(for: Self.item).first)
        let order = try #require(prompt.choiceOrder)
        #expect(order.sorted() == [0, 1, 2, 3])
        #expect(renderer.prompts(for: Self.item).first?.choiceOrder == order)
        let choices = ["piano", "violin", "drums", "flute"]
        let lines = order.enumerated().map { "\(ChoiceLetters.letter($0.offset)). \(choices[$0.element])" }
        #expect(prompt.text == (["Which instrument?"] + lines).joined(separator: "\n"))

        // Over many items every position holds the right answer about equally often.
        var positions = [0, 0, 0, 0]
        for index in 0..<4000 {
            var item = Self.item
            item.id = "q\(index)"
            positions[try #require(renderer.choiceOrder(for: item)?.firstIndex(of: 1))] += 1
        }
        #expect(positions.allSatisfy { (900...1100).contains($0) }, "\(positions)")
        let otherSeed = PromptRenderer(manifest: try manifest("{shuffle_choices: 8}"))
        let orders = (0..<20).map { index -> [Int]? in
            var item = Self.item
            item.id = "q\(index)"
            return otherSeed.choiceOrder(for: item)
        }
        #expect(Set(orders.compactMap { $0 }).count > 5)
    }

    @Test func badChoiceSettingsNameTheirLines() {
        let (_, diagnostics) = ManifestParser.parse(
            "id: mc\nversion: 1\ntask: multiple-choice\nprompt:\n  choices: bulleted\n  shuffle_choices: -1\n",
            file: "suite.yaml")
        #expect(
            diagnostics.map(\.description) == [
                #"suite.yaml:5: error: prompt.choices: expected one of quoted, lettered, none, mmau, mmar, found "bulleted""#,
                "suite.yaml:6: error: prompt.shuffle_choices: expected a seed (an integer ≥ 0), found -1",
            ])
    }

    @Test func permutationIsAFixedFisherYates() {
        var generator = SplitMix64(seed: 42)
        let first = generator.permutation(of: 8)
        // Computed apart, in Python, from SplitMix64 and Fisher–Yates as documented: the same on every machine.
        #expect(first == [3, 1, 6, 2, 4, 0, 7, 5])
        var again = SplitMix64(seed: 42)
        #expect(again.shuffled(Array("abcdefgh")) == Array("dbgceahf"))
        var single = SplitMix64(seed: 1)
        #expect(single.permutation(of: 1) == [0])
        #expect(single.permutation(of: 0) == [])
    }
}
