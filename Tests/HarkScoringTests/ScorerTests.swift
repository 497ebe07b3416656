import Foundation
import HarkCore
import HarkScoring
import Testing

@Suite struct ScorerTests {
    func record(_ item: String, _ response: String?, template: String = "q", repeatIndex: Int = 0) -> SampleRecord {
        SampleRecord(
            request: ModelRequest(
                suiteID: "s", itemID: item, template: template, repeatIndex: repeatIndex, prompt: "p"),
            requestHash: "h", response: response.map { ModelResponse(text: $0) },
            error: response == nil ? RequestFailure(.serverError, "boom") : nil, latencyMs: 0, attempts: 1,
            cached: false)
    }

    @Test func echoMatchesThePapersExample() {
        // L = {cat, man, speech}, P = {cat, dog, man, speech} → ECHO_I = 1/4, ECHO_S = 1, Cover = 1.
        let items = [
            "c1": Item(id: "c1", answerKey: .caption(labels: ["cat", "man", "speech"])),
            "c2": Item(id: "c2", answerKey: .caption(labels: ["dog"])),
            "c3": Item(id: "c3", answerKey: .caption(labels: ["rain"])),
        ]
        let records = [
            record("c1", "A man talks while a cat meows and dogs bark; speech continues."),
            record("c2", "Several dogs are barking."),
            record("c3", "Something hums quietly."),
            record("c3", nil, template: "t1"),
        ]
        let (score, outcomes) = CaptionScorer.score(settings: ScoringSettings(), items: items, records: records)
        #expect(score.metrics["echo_i"] == MetricValue((0.25 + 0) / 2, n: 2))
        #expect(score.metrics["echo_s"] == MetricValue(0.5, n: 2))
        #expect(score.metrics["cover"] == MetricValue((1 + 1 + 0) / 3, n: 3))
        #expect(score.metrics["no_mention_rate"] == MetricValue(1.0 / 3, n: 3))
        #expect(outcomes.first?.extracted == "cat, dog, man, speech")
    }

    @Test func synonymsAndPluralsAreMentions() {
        let items = ["c": Item(id: "c", answerKey: .caption(labels: ["dog", "bus", "baby"]))]
        let settings = ScoringSettings(synonyms: ["barking": "dog", "infant": "baby"])
        let (_, outcomes) = CaptionScorer.score(
            settings: settings, items: items,
            records: [record("c", "Barking near two buses; babies and an infant cry.")])
        #expect(outcomes.first?.extracted == "baby, bus, dog")
    }

    @Test func yesNoScoringSkipsErrorsAndCountsUnparsed() throws {
        let items = [
            "a": Item(id: "a", tags: ["template": "1"], answerKey: .yesNo(object: "dog", label: .yes)),
            "b": Item(id: "b", tags: ["template": "1"], answerKey: .yesNo(object: "cat", label: .no)),
            "c": Item(id: "c", tags: ["template": "2"], answerKey: .yesNo(object: "cow", label: .no)),
            "d": Item(id: "d", tags: ["template": "2"], answerKey: .yesNo(object: "pig", label: .yes)),
        ]
        let records = [
            record("a", "Yes."), record("b", "Yes!"), record("c", "I am not sure what that is."), record("d", nil),
        ]
        let (score, outcomes) = try YesNoScorer(settings: ScoringSettings(bootstrapResamples: 50)).score(
            suite: "s", items: items, records: records)
        #expect(
            score.confusion == YesNoConfusion(yesYes: 1, yesNo: 0, yesUnparsed: 0, noYes: 1, noNo: 0, noUnparsed: 1))
        #expect(score.unparsed == 1)
        #expect(outcomes.map(\.extracted) == ["yes", "yes", "unparsed"])
        #expect(score.metrics["accuracy"]?.value == 1.0 / 3)
        #expect(score.slices["template"]?.keys.sorted() == ["1", "2"])
        // F1 of "no" per template: template 1 has no "no" answers (0), template 2 none either (0).
        #expect(score.metrics["f1_std"]?.value == 0)
        #expect(score.metrics["f1"]?.ci?.count == 2)
    }

    @Test func pairAnalysisClassifiesParsedPairs() throws {
        let items = [
            "1": Item(id: "1", tags: ["pair": "p0"], answerKey: .yesNo(object: "dog", label: .yes)),
            "2": Item(id: "2", tags: ["pair": "p0"], answerKey: .yesNo(object: "dog", label: .no)),
            "3": Item(id: "3", tags: ["pair": "p1"], answerKey: .yesNo(object: "cat", label: .yes)),
            "4": Item(id: "4", tags: ["pair": "p1"], answerKey: .yesNo(object: "cat", label: .no)),
            "5": Item(id: "5", tags: ["pair": "p2"], answerKey: .yesNo(object: "cow", label: .yes)),
            "6": Item(id: "6", tags: ["pair": "p2"], answerKey: .yesNo(object: "cow", label: .no)),
        ]
        let records = [
            record("1", "Yes"), record("2", "No"),  // C-C
            record("3", "Yes"), record("4", "Yes"),  // C-IC
            record("5", "Yes"), record("6", "Hmm"),  // unparsed: left out
        ]
        let (score, _) = try YesNoScorer(settings: ScoringSettings(bootstrapResamples: 10)).score(
            suite: "s", items: items, records: records)
        #expect(score.metrics["pair_c_c"] == MetricValue(0.5, n: 2))
        #expect(score.metrics["pair_c_ic"] == MetricValue(0.5, n: 2))
        #expect(score.metrics["pair_ic_c"] == MetricValue(0, n: 2))
    }

    /// A suite none of whose samples was answered has no metrics ("no data"), never zeros.
    @Test func nothingAnsweredIsNoDataForEveryTask() throws {
        let yesNo = ["y": Item(id: "y", answerKey: .yesNo(object: "dog", label: .no))]
        let (yesNoScore, _) = try YesNoScorer(settings: ScoringSettings(bootstrapResamples: 10)).score(
            suite: "s", items: yesNo, records: [record("y", nil)])
        #expect(yesNoScore.metrics.isEmpty)
        var choice = try ChoiceScorer(settings: ScoringSettings(extractor: "mmau"))
        let item = Item(id: "c", answerKey: .multipleChoice(choices: ["a", "b"], answer: "a"))
        #expect(choice.add(record("c", nil), item: item) == nil)
        #expect(choice.finish().metrics.isEmpty)
        let captions = ["c": Item(id: "c", answerKey: .caption(labels: ["dog"]))]
        #expect(
            CaptionScorer.score(settings: ScoringSettings(), items: captions, records: [record("c", nil)]).0.metrics
                .isEmpty)
    }

    /// SAKURA's table is judged accuracy per track and hop: the judge's rates go into every slice.
    @Test func judgedRatesArePerSlice() {
        var judged = JudgedScorer(settings: ScoringSettings())
        let single = Item(
            id: "s", tags: ["hop": "single"], answerKey: .multipleChoice(choices: ["a", "b"], answer: "a"))
        let multi = Item(id: "m", tags: ["hop": "multi"], answerKey: .multipleChoice(choices: ["a", "b"], answer: "a"))
        _ = judged.add(record("s", "a"), item: single, verdict: .pass)
        _ = judged.add(record("m", "b"), item: multi, verdict: .fail)
        _ = judged.add(record("m", "a"), item: multi, verdict: .pass)
        let slices = judged.extraSlices()
        #expect(slices["hop"]?["single"]?["judge_accuracy"]?.value == 1)
        #expect(slices["hop"]?["multi"]?["judge_accuracy"]?.value == 0.5)
        #expect(judged.extraMetrics()["judge_accuracy"]?.value == 2.0 / 3)
    }

    @Test func unknownExtractorIsRefused() {
        #expect(throws: HarkError.self) { try YesNoScorer(settings: ScoringSettings(extractor: "psychic")) }
    }
}
