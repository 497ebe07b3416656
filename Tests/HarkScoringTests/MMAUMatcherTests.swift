import Foundation
import HarkScoring
import HarkTestSupport
import Testing

@Suite struct MMAUMatcherTests {
    struct Case: Decodable, Sendable {
        var prediction: String
        var choices: [String]
        var answer: String
        var correct: Bool
    }

    @Test func agreesWithTheOfficialRuleOnEveryCase() throws {
        let url = HarkCLI.packageRoot.appendingPathComponent("Tests/HarkScoringTests/Golden/mmau-cases.json")
        let cases = try JSONDecoder().decode([Case].self, from: Data(contentsOf: url))
        #expect(cases.count >= 300)
        #expect(cases.contains { $0.correct } && cases.contains { !$0.correct })
        for item in cases {
            #expect(
                MMAUMatcher.isCorrect(prediction: item.prediction, answer: item.answer, choices: item.choices)
                    == item.correct,
                "\(item.prediction) | \(item.answer) | \(item.choices)")
        }
    }

    @Test func namingTwoChoicesIsWrongAndCaseDoesNotMatter() {
        let choices = ["acoustic guitar", "electric guitar", "piano"]
        #expect(MMAUMatcher.isCorrect(prediction: "ACOUSTIC GUITAR.", answer: "acoustic guitar", choices: choices))
        #expect(
            !MMAUMatcher.isCorrect(
                prediction: "acoustic or electric guitar", answer: "acoustic guitar", choices: choices))
        #expect(!MMAUMatcher.isCorrect(prediction: "", answer: "piano", choices: choices))
    }
}
