public import HarkCore

/// ECHO_I, ECHO_S and Cover over captions, from each caption's mentioned objects P and the objects
/// labelled present L.
///
/// Under `hark`: per caption that mentions something, ECHO_I = |P \ L| / |P| and ECHO_S = 1 if
/// P \ L is not empty; Cover = |P ∩ L| / |L| per caption with labels; each averaged over the
/// captions it is defined for (its `n`), and captions that mention nothing counted apart in
/// `no_mention_rate`.
///
/// Under the Kuan policies, as `generative_tasks/evaluation.py` of kuan2jiu99/audio-hallucination
/// computes them: a caption that mentions nothing scores −1 in ECHO_I (CHAIR) and ECHO_S (Hal),
/// and the −1s are averaged in over every caption; ECHO_I is 1 − |P ∩ L| / |P|; each average is
/// rounded to 2 decimals as a percentage. With r the no-mention rate and v hark's value, the
/// official ECHO is v·(1 − r) − r. Captions without labels, on which the official script divides by
/// zero, are left out of Cover under both.
public struct CaptionAverages: Sendable {
    let policy: ScoringPolicy
    private var echoInstance = 0.0, echoSentence = 0.0, mentioning = 0
    private var officialInstance = 0.0, officialSentence = 0.0
    private var cover = 0.0, labelled = 0
    private var captions = 0, noMention = 0

    public init(policy: ScoringPolicy) {
        self.policy = policy
    }

    /// One caption's values by hark's definitions: ECHO_I and ECHO_S when it mentions something,
    /// Cover when it has labels.
    public static func values(mentioned: Set<String>, present: Set<String>) -> (
        echoI: Double?, echoS: Double?, cover: Double?
    ) {
        let shared = mentioned.intersection(present).count
        let absent = mentioned.count - shared
        return (
            mentioned.isEmpty ? nil : Double(absent) / Double(mentioned.count),
            mentioned.isEmpty ? nil : absent > 0 ? 1 : 0,
            present.isEmpty ? nil : Double(shared) / Double(present.count)
        )
    }

    public mutating func add(mentioned: Set<String>, present: Set<String>) {
        captions += 1
        let values = Self.values(mentioned: mentioned, present: present)
        if let echoI = values.echoI, let echoS = values.echoS {
            // The official CHAIR is 1 − |P ∩ L| / |P|: the same value, but not always the same bits.
            let chair = 1 - Double(mentioned.intersection(present).count) / Double(mentioned.count)
            echoInstance += echoI
            echoSentence += echoS
            officialInstance += chair
            officialSentence += chair != 0 ? 1 : 0
            mentioning += 1
        } else {
            noMention += 1
            officialInstance += -1
            officialSentence += -1
        }
        if let value = values.cover {
            cover += value
            labelled += 1
        }
    }

    /// Nothing at all without captions: "no data", never a zero.
    public var metrics: [MetricName: MetricValue] {
        guard captions > 0 else { return [:] }
        let noMentionRate = MetricValue(Double(noMention) / Double(captions), n: captions)
        guard policy == .hark else {
            func official(_ sum: Double, _ count: Int) -> MetricValue {
                MetricValue(YesNoMetrics.pythonRound(sum / Double(count) * 100) / 100, n: count)
            }
            var metrics: [MetricName: MetricValue] = [
                .echoI: official(officialInstance, captions), .echoS: official(officialSentence, captions),
                "no_mention_rate": noMentionRate,
            ]
            if labelled > 0 { metrics[.cover] = official(cover, labelled) }
            return metrics
        }
        func mean(_ sum: Double, _ count: Int) -> MetricValue {
            MetricValue(count == 0 ? 0 : sum / Double(count), n: count)
        }
        return [
            .echoI: mean(echoInstance, mentioning), .echoS: mean(echoSentence, mentioning),
            .cover: mean(cover, labelled), "no_mention_rate": noMentionRate,
        ]
    }
}
