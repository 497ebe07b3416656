import HarkCore
import Testing

@testable import HarkScoring

/// One test per layer of the default reader, on the cases each layer exists for.
@Suite struct ReadingLayerTests {
    @Test func structuredAnswersAreReadAsData() {
        #expect(StructuredAnswer.read(#"{"present": false}"#) == .no)
        #expect(StructuredAnswer.read(#" {"answer": "Yes"}"#) == .yes)
        #expect(StructuredAnswer.read("[true]") == .yes)
        #expect(StructuredAnswer.read("Yes {not json}") == nil)
    }

    @Test func answerTextDropsMarkupLabelsAndStruckText() {
        #expect(AnswerText("~~No~~ **Yes**").words == ["yes"])
        #expect(AnswerText("Answer: (B) No").words == ["no"])
        #expect(AnswerText("<answer>no</answer>").words == ["no"])
        #expect(AnswerText("Je n'entends pas").words == ["je", "n", "entends", "pas"])
        let text = AnswerText("Yes, and also no.")
        #expect(text.clauses == [0, 1, 1, 1])
        #expect(AnswerText("The dog's bark.").words == ["the", "dog's", "bark"])
        #expect(AnswerText("「いいえ」").hasCJK)
    }

    @Test func explicitAnswerWordsWithNegationAndContrast() {
        func read(_ text: String) -> YesNoReading? { ExplicitAnswer.read(AnswerText(text)) }
        #expect(read("Nah, none.") == .read(.no))
        #expect(read("Definitely not.") == .read(.no))
        #expect(read("I wasn't sure at first, but yes.") == .read(.yes))
        #expect(read("Yes, and also no.") == .unparsed(.contradiction))
        #expect(read("Yes, ... no, wait, there is no dog.") == .read(.no))
        #expect(read("Absolutely silent except for a clock.") == nil)
        #expect(read("Noticeably loud.") == nil)
        #expect(read("Yesss!") == .read(.yes))
        #expect(read("Mm-hmm.") == .read(.yes))
        #expect(read("Uh-huh, it's there.") == .read(.yes))
        #expect(read("Nuh-uh.") == .read(.no))
    }

    @Test func cjkAnswersByTheirForms() {
        #expect(CJKReader.read("有，能听到狗叫。") == .read(.yes))
        #expect(CJKReader.read("没有。") == .read(.no))
        #expect(CJKReader.read("犬の鳴き声は聞こえません。") == .read(.no))
        #expect(CJKReader.read("아니요.") == .read(.no))
        #expect(CJKReader.read("不确定。") == .unparsed(.noDecision))
    }

    @Test func phrasesTheLongestAtEachPlace() {
        func read(_ text: String) -> YesNoReading? {
            let answer = AnswerText(text)
            return AnswerPhrases.reading(AnswerPhrases.matches(in: answer), in: answer)
        }
        #expect(read("I doubt it.") == .read(.no))
        #expect(read("Maybe not.") == .read(.no))
        #expect(read("Maybe, maybe not.") == .unparsed(.noDecision))
        #expect(read("Without a doubt.") == .read(.yes))
        #expect(read("Most likely not.") == .read(.no))
    }

    /// The whole reader keeps the phrase layer's rule: an answer that opens with "maybe" is
    /// undecided only when no longer phrase starts there.
    @Test func anOpeningPhraseIsReadByItsLongestForm() {
        let presence = ObjectPresence(object: "dog barking")
        #expect(DefaultReading.read("Maybe not.", presence: presence) == .read(.no))
        #expect(DefaultReading.read("Perhaps not.", presence: presence) == .read(.no))
        #expect(DefaultReading.read("Maybe.", presence: presence) == .unparsed(.noDecision))
        #expect(DefaultReading.read("Maybe, maybe not.", presence: presence) == .unparsed(.noDecision))
        // Phrases are stored as the tokeniser splits them: a hyphen parts words.
        #expect(DefaultReading.read("Peut-être.", presence: presence) == .unparsed(.noDecision))
        #expect(DefaultReading.read("I am a text-based model.", presence: presence) == .unparsed(.refusal))
    }

    @Test func descriptionsOfTheAskedObject() {
        func read(_ text: String, _ object: String) -> YesNoReading? {
            ObjectPresence(object: object).read(AnswerText(text), foreign: false).reading
        }
        #expect(read("An infant is wailing loudly.", "baby crying") == .read(.yes))
        #expect(read("I can't make out any clapping.", "applause") == .read(.no))
        #expect(read("It is not absent; the siren wails.", "siren") == .read(.yes))
        #expect(read("I don't hear anything other than speech.", "speech") == .read(.yes))
        #expect(read("Church bells: 0", "church bells") == .read(.no))
        #expect(read("The recording contains only traffic noise.", "siren") == .read(.no))
        #expect(read("Only a man is speaking.", "female speech") == .read(.no))
        #expect(read("Thunder is caused by lightning.", "thunder") == nil)
    }
}
