/// How the mock server answers: fixed answers, the prompt echoed, or an oracle from suite labels
/// that errs and hallucinates at set rates (a simulated checkpoint).
public enum MockPolicy: Sendable, Hashable {
    case alwaysYes
    case alwaysNo
    /// The prompt text back, with the number of clips: for request-shape tests.
    case echo
    /// The right answer from the labels, except: with `errorRate` a wrong one (for a synthesis
    /// request, an answer its checks refuse: `ReferenceAnswer.flawedSynthesis`); for yes-no items
    /// whose sound is absent, "yes" with `hallucinationRate`. Decided by `seed` and the request's
    /// content, so a retry gets the same answer.
    case oracle(errorRate: Double, hallucinationRate: Double, seed: UInt64)
    /// A judge for the built-in templates: `correctness` — "correct" when the model answer
    /// contains the reference answer (ignoring case), else "incorrect"; `reasoning` — "yes" when
    /// the answer says "step", else "no".
    case judge

    public static func named(_ name: String, errorRate: Double, hallucinationRate: Double, seed: UInt64) -> MockPolicy?
    {
        switch name {
        case "always-yes": .alwaysYes
        case "always-no": .alwaysNo
        case "echo": .echo
        case "judge": .judge
        case "oracle": .oracle(errorRate: errorRate, hallucinationRate: hallucinationRate, seed: seed)
        default: nil
        }
    }

    public static let names = ["always-yes", "always-no", "echo", "oracle", "judge"]
}

/// Faults the mock server injects, each a share of requests drawn with a seeded generator.
public struct MockFaults: Sendable, Hashable {
    public var serverErrorRate = 0.0
    public var rateLimitRate = 0.0
    /// The `Retry-After` of 429 answers, in seconds.
    public var retryAfter = 0.05
    /// Requests never answered (the connection stays open): the client's timeout must fire.
    public var hangRate = 0.0
    public var malformedRate = 0.0
    public var dropRate = 0.0
    public var seed: UInt64 = 0

    public init() {}
}

/// Delay before each answer.
public struct MockLatency: Sendable, Hashable {
    public var minimumMs: Double
    public var maximumMs: Double

    public init(fixedMs: Double = 0) {
        minimumMs = fixedMs
        maximumMs = fixedMs
    }

    public init(minimumMs: Double, maximumMs: Double) {
        self.minimumMs = minimumMs
        self.maximumMs = maximumMs
    }
}
