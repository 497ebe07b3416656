import Foundation
import HarkCore
import HarkScoring
import HarkTestSupport
import Testing

@Suite struct ExtractorTests {
    struct Answer: Decodable, Sendable {
        var answer: String
        var strict: String?
        var `default`: String?
        var kuan2024: String?
    }

    static let answers: [Answer] = {
        let url = HarkCLI.packageRoot.appendingPathComponent("Tests/HarkScoringTests/Golden/yesno-answers.json")
        return (try? JSONDecoder().decode([Answer].self, from: Data(contentsOf: url))) ?? []
    }()

    @Test func theTableIsLargeEnough() {
        #expect(Self.answers.count >= 80)
    }

    @Test func kuan2024MatchesTheOfficialRule() {
        let extractor = Kuan2024Extractor()
        for answer in Self.answers {
            #expect(extractor.extract(answer.answer)?.rawValue == answer.kuan2024, "\(answer.answer)")
        }
    }

    @Test func strictTakesTheFirstWholeWord() {
        let extractor = StrictYesNoExtractor()
        for answer in Self.answers {
            #expect(extractor.extract(answer.answer)?.rawValue == answer.strict, "\(answer.answer)")
        }
    }

    @Test func defaultHandlesNegationsAndNeverGuesses() {
        let extractor = DefaultYesNoExtractor()
        for answer in Self.answers {
            #expect(extractor.extract(answer.answer)?.rawValue == answer.default, "\(answer.answer)")
        }
    }

    @Test func extractorsByName() {
        #expect(YesNoExtractors.names == ["default", "strict", "kuan2024", "ahabench", "cmm", "halluaudio"])
        #expect(YesNoExtractors.named(nil) is DefaultYesNoExtractor)
        #expect(YesNoExtractors.named("nonsense") == nil)
    }
}
