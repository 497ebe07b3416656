public import HarkCore
import HarkScoring

/// What a listening control shows of one suite (`hark compare RUN CONTROL`): whether the answers
/// follow the audio or the question. Over the samples both runs scored; intervals are Wilson's.
public struct ListeningEffect: Sendable, Hashable, Codable {
    /// The kind of control (`silence`, `noise`, `none`, `shuffled`), and which side ran it.
    public var control: ListeningControl.Kind
    public var controlRun: String
    /// Samples both runs scored.
    public var samples: Int
    /// Accuracy on the real audio, on the control, and the drop from one to the other.
    public var realAccuracy: Double
    public var controlAccuracy: Double
    public var accuracyDrop: Double
    /// The share of answers that stayed the same when the audio changed: near 1, the model
    /// answers from the question.
    public var audioInsensitivity: ProportionEstimate
    /// Yes/no suites: the share of "yes" on the control, and for a silence control the same share
    /// named as what it is — "yes" to a question about a sound in a clip that has none.
    public var controlYesRatio: ProportionEstimate?
    public var yesOnSilence: ProportionEstimate?

    enum CodingKeys: String, CodingKey {
        case control, samples
        case controlRun = "control_run"
        case realAccuracy = "real_accuracy"
        case controlAccuracy = "control_accuracy"
        case accuracyDrop = "accuracy_drop"
        case audioInsensitivity = "audio_insensitivity"
        case controlYesRatio = "control_yes_ratio"
        case yesOnSilence = "yes_on_silence"
    }

    /// The effect over `keys`, with `real` and `control` each sample's scores; nil when no
    /// sample was scored in both.
    static func measure(
        control: ListeningControl.Kind, controlRun: String, keys: [String], real: [String: ScoreRecord],
        controlled: [String: ScoreRecord]
    ) -> ListeningEffect? {
        var samples = 0
        var realRight = 0
        var controlRight = 0
        var unchanged = 0
        var yesNo = 0
        var saidYes = 0
        for key in keys {
            guard let before = real[key], let after = controlled[key], let wasRight = before.correct,
                let isRight = after.correct
            else { continue }
            samples += 1
            if wasRight { realRight += 1 }
            if isRight { controlRight += 1 }
            if before.extracted == after.extracted { unchanged += 1 }
            if YesNo(rawValue: after.expected) != nil {
                yesNo += 1
                if after.extracted == YesNo.yes.rawValue { saidYes += 1 }
            }
        }
        guard samples > 0 else { return nil }
        let realAccuracy = Double(realRight) / Double(samples)
        let controlAccuracy = Double(controlRight) / Double(samples)
        let yesRatio = yesNo > 0 ? ProportionEstimate(successes: saidYes, n: yesNo) : nil
        return ListeningEffect(
            control: control, controlRun: controlRun, samples: samples, realAccuracy: realAccuracy,
            controlAccuracy: controlAccuracy, accuracyDrop: realAccuracy - controlAccuracy,
            audioInsensitivity: ProportionEstimate(successes: unchanged, n: samples), controlYesRatio: yesRatio,
            yesOnSilence: control == .silence ? yesRatio : nil)
    }
}

/// A share with its Wilson 95% interval.
public struct ProportionEstimate: Sendable, Hashable, Codable {
    public var value: Double
    public var ci: [Double]
    public var n: Int

    public init(successes: Int, n: Int) {
        self.n = n
        value = n == 0 ? 0 : Double(successes) / Double(n)
        ci = Wilson.interval(successes: successes, n: n)
    }
}
