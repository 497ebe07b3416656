public import HarkCore

extension RunManifest {
    /// Why a finished run fails its command (exit 3): samples never answered, or more ending in
    /// errors than `maxErrorRate` allows; nil when neither.
    public func errorRateProblem(maxErrorRate: Double) -> String? {
        let errorRate = counts.samples > 0 ? Double(counts.errors) / Double(counts.samples) : 0
        guard !complete || errorRate > maxErrorRate else { return nil }
        return String(
            format: "%d of %d samples ended in errors (%.1f%%, allowed %.1f%%)", counts.errors, counts.samples,
            errorRate * 100, maxErrorRate * 100)
    }
}
