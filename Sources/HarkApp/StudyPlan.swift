import HarkScoring
public import HarkSuites

/// `hark plan`: how many samples and clusters a paired comparison of accuracy needs to detect a
/// change, before anything is run, and the smallest change a suite as it is can detect.
///
/// A sample's paired difference (candidate right − baseline right) has variance π − δ², π the
/// share of samples the runs answer differently: 1 − `agreement` when given, else that of two
/// independent runs at rates p and p + δ. Clustering multiplies it by the design effect
/// 1 + (m − 1)·ρ, m the suite's samples per cluster and ρ the intra-cluster correlation. The power
/// is the two-sided z-test's (`Power`).
public struct StudyPlan: Sendable {
    public var change: Double
    public var baselineRate: Double
    public var agreement: Double?
    public var correlation: Double
    public var alpha: Double
    public var power: Double

    public init(
        change: Double, baselineRate: Double = 0.5, agreement: Double? = nil, correlation: Double = 0.1,
        alpha: Double = 0.05, power: Double = 0.8
    ) {
        self.change = change
        self.baselineRate = baselineRate
        self.agreement = agreement
        self.correlation = correlation
        self.alpha = alpha
        self.power = power
    }

    /// The suite's size: samples (items × templates), clusters, samples per cluster.
    public struct Design: Sendable, Hashable {
        public var samples: Int
        public var clusters: Int
        public var perCluster: Double { clusters == 0 ? 0 : Double(samples) / Double(clusters) }

        public init(_ suite: Suite) {
            let unit = ClusterUnit(suite.manifest.scoring.cluster ?? "clip")
            let templates = max(1, suite.manifest.prompt.templates.count)
            samples = suite.items.reduce(0) { $0 + ($1.question == nil ? templates : 1) }
            clusters = Set(suite.items.map(unit.key(of:))).count
        }
    }

    public struct Answer: Sendable, Hashable {
        /// Samples and clusters needed for `change`.
        public var samples: Int
        public var clusters: Int
        /// The smallest change the suite as it is detects.
        public var detectable: Double
        public var designEffect: Double
        public var deviation: Double
    }

    public func answer(for design: Design) -> Answer {
        let other = baselineRate + change
        let discordant =
            agreement.map { 1 - $0 } ?? (baselineRate * (1 - other) + other * (1 - baselineRate))
        let deviation = max(0, discordant - change * change).squareRoot()
        let effect = 1 + (max(1, design.perCluster) - 1) * correlation
        let needed = Power.requiredSamples(
            effect: change, deviation: deviation, designEffect: effect, alpha: alpha, power: power)
        let samples = Int(needed.rounded(.up))
        let perCluster = max(1, design.perCluster)
        let detectable =
            design.samples == 0
            ? 0
            : Power.minimumDetectableEffect(
                standardError: deviation * (effect / Double(design.samples)).squareRoot(), alpha: alpha, power: power)
        return Answer(
            samples: samples, clusters: Int((Double(samples) / perCluster).rounded(.up)), detectable: detectable,
            designEffect: effect, deviation: deviation)
    }
}
