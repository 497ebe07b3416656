import HarkCore
import HarkGate
import HarkScoring
import Testing

/// With no change between two runs whose changes share a clip effect, a gate on clustered,
/// Holm-adjusted p-values alarms at about its nominal rate; one on naive, unadjusted ones (McNemar
/// per suite, no adjustment) far more often. A fixed seed and few trials.
@Suite struct GateFalseAlarmTests {
    static func uniform(_ generator: inout SplitMix64) -> Double {
        Double(generator.next() >> 11) / Double(1 << 53)
    }

    /// Two runs with no change on average, each with its own skill on each clip (so the changes of
    /// one clip's questions move together). Five suites gated on accuracy's change at 0.05.
    @Test func aGateOnClusteredHolmAdjustedChangesKeepsItsFalseAlarmRate() throws {
        var generator = SplitMix64(seed: 99)
        let trials = 60
        var alarms = (clustered: 0, naive: 0)
        for trial in 0..<trials {
            var baseline: [ScoreRecord] = []
            var candidate: [ScoreRecord] = []
            var suites: [RunResults.SuiteResults] = []
            for suite in 0..<5 {
                let id = "s\(suite)"
                var counts = RunResults.SuiteCounts()
                counts.samples = 120
                suites.append(.init(id: id, task: .multipleChoice, fingerprint: "f", counts: counts, metrics: [:]))
                let rates = (0..<20).map { _ in 0.1 + 0.8 * Self.uniform(&generator) }
                for (clip, rate) in rates.enumerated() {
                    // Each run's own skill on the clip, the same on average: no change overall.
                    let skills = (0..<2).map { _ in min(0.95, max(0.05, rate + 0.6 * (Self.uniform(&generator) - 0.5)))
                    }
                    for question in 0..<6 {
                        for side in 0..<2 {
                            var record = ScoreRecord(
                                key: "\(id)/c\(clip)q\(question)#t0", suite: id, item: "c\(clip)q\(question)",
                                template: "t0", extracted: "x", expected: "x",
                                correct: Self.uniform(&generator) < skills[side], tags: [:])
                            record.cluster = "clip:\(clip)"
                            if side == 0 { baseline.append(record) } else { candidate.append(record) }
                        }
                    }
                }
            }
            func side(_ name: String, _ scores: [ScoreRecord], clustered: Bool) -> RunComparison.Side {
                let manifest = RunManifest(
                    run: name, suites: [],
                    model: .init(name: name, adapter: "x", identity: name, settings: .object([:])),
                    generation: GenerationSettings(), audio: .object([:]), plan: .init(), seeds: [:], startedAt: "")
                let results = RunResults(manifest: manifest, suites: suites)
                return .init(
                    name: name, results: results,
                    scores: clustered
                        ? scores
                        : scores.map {
                            var record = $0
                            record.cluster = nil
                            return record
                        })
            }
            for clustered in [true, false] {
                let comparison = try RunComparison(
                    baseline: side("a", baseline, clustered: clustered),
                    candidate: side("b", candidate, clustered: clustered), resamples: 200,
                    seed: UInt64(trial), adjustment: clustered ? .holm : .unadjusted)
                let alarmed = comparison.suites.contains { ($0.change(.accuracy)?.decidingPValue ?? 1) < 0.05 }
                if alarmed && clustered { alarms.clustered += 1 }
                if alarmed && !clustered { alarms.naive += 1 }
            }
        }
        let clusteredRate = Double(alarms.clustered) / Double(trials)
        let naiveRate = Double(alarms.naive) / Double(trials)
        print("gate false alarms over \(trials) trials: clustered and Holm \(clusteredRate), naive \(naiveRate)")
        #expect(clusteredRate <= 0.1, "clustered, Holm: \(clusteredRate)")
        #expect(naiveRate >= 0.2, "naive, unadjusted: \(naiveRate)")
    }
}
