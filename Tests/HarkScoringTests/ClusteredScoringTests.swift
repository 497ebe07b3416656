import HarkCore
import HarkScoring
import Testing

@Suite struct ClusteredScoringTests {
    func record(_ item: String, _ response: String, template: String = "t0", repeatIndex: Int = 0) -> SampleRecord {
        SampleRecord(
            request: ModelRequest(
                suiteID: "s", itemID: item, template: template, repeatIndex: repeatIndex, prompt: "p"),
            requestHash: "h", response: ModelResponse(text: response), error: nil, latencyMs: 0, attempts: 1,
            cached: false)
    }

    /// Four clips of three questions each: intervals are clustered by clip and say so;
    /// `intervals: independent` gives Wilson and the plain bootstrap.
    @Test func intervalsAreClusteredByClipAndRecordHow() throws {
        var items: [String: Item] = [:]
        var records: [SampleRecord] = []
        for clip in 0..<4 {
            for question in 0..<3 {
                let id = "c\(clip)q\(question)"
                let label: YesNo = question == 0 ? .yes : .no
                items[id] = Item(
                    id: id, audio: [AudioRef(path: "clip\(clip).wav")], answerKey: .yesNo(object: "dog", label: label))
                records.append(record(id, clip < 2 ? "Yes." : "No."))
            }
        }
        let (score, _) = try YesNoScorer(settings: ScoringSettings(bootstrapResamples: 200)).score(
            suite: "s", items: items, records: records)
        let accuracy = try #require(score.metrics[.accuracy])
        #expect(accuracy.clusters == 4)
        #expect(accuracy.method == "cluster-t")
        #expect((accuracy.designEffect ?? 0) > 0)
        #expect(score.metrics[.f1]?.method == "cluster-bootstrap")
        // Clips 0, 1 answered yes to everything: 1 of 3 right each; clips 2, 3 "no": 2 of 3.
        #expect(score.metrics[.clipAllRight]?.value == 0)
        #expect(score.metrics[.bias]?.value == 0.5 - 0.5)

        var independent = ScoringSettings(bootstrapResamples: 200)
        independent.intervals = .independent
        let plain = try YesNoScorer(settings: independent).score(suite: "s", items: items, records: records).0
        #expect(plain.metrics[.accuracy]?.method == "wilson")
        #expect(plain.metrics[.accuracy]?.ci == Wilson.interval(successes: 6, n: 12))
        #expect(plain.metrics[.f1]?.method == "bootstrap")
    }

    /// Three repeats of two questions: consistency, majority vote and the within-question share
    /// over those two (the questions asked once stay out); per clip over clips of several questions.
    @Test func repeatedSamplesAreSummarised() {
        var consistency = Consistency()
        for (question, answers) in [("a", [true, true, true]), ("b", [true, false, false])] {
            for answer in answers { consistency.add(question: question, cluster: "clip1", correct: answer) }
        }
        // A second clip of two questions asked once, both right; a third of one question.
        consistency.add(question: "c", cluster: "clip2", correct: true)
        consistency.add(question: "d", cluster: "clip2", correct: true)
        consistency.add(question: "e", cluster: "clip3", correct: false)
        let metrics = consistency.metrics
        #expect(metrics[.repeatConsistency] == MetricValue(0.5, n: 2))
        #expect(metrics[.majorityAccuracy] == MetricValue(0.5, n: 2))
        // p = 1 and 1/3: within-question variance (0 + 3·(1/3)(2/3)) / 6 samples over total (4/6)(2/6).
        let within = (3 * (1.0 / 3) * (2.0 / 3)) / (6 * (4.0 / 6) * (2.0 / 6))
        #expect(abs((metrics[.withinItemVarianceShare]?.value ?? 0) - within) < 1e-12)
        #expect(abs((metrics[.meanItemVariance]?.value ?? 0) - (1.0 / 3) * (2.0 / 3) / 2) < 1e-12)
        // Clips with more than one question: clip1 (mixed), clip2 (all right).
        // With Wilson intervals over the clips, the independent units.
        #expect(metrics[.clipAllRight]?.value == 0.5 && metrics[.clipAllRight]?.n == 2)
        #expect(metrics[.clipAllRight]?.ci == Wilson.interval(successes: 1, n: 2))
        #expect(metrics[.clipAllWrong]?.value == 0 && metrics[.clipAllWrong]?.ci == Wilson.interval(successes: 0, n: 2))
    }

    /// A run without repeats tallies no questions: the clips' figures are the same, and there is
    /// no figure across repeats.
    @Test func withoutRepeatsOnlyClipsAreSummarised() {
        var tallied = Consistency()
        var untallied = Consistency(questionsRepeat: false)
        for (question, clip, correct) in [("a", "1", true), ("b", "1", true), ("c", "2", false), ("d", "2", true)] {
            tallied.add(question: question, cluster: clip, correct: correct)
            untallied.add(question: question, cluster: clip, correct: correct)
        }
        #expect(untallied.metrics == tallied.metrics)
        #expect(Set(untallied.metrics.keys) == [.clipAllRight, .clipAllWrong])
    }
}
