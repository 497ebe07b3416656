import HarkTestSupport
import HarkTesting
import Testing

@Suite struct PlanCommandTests {
    /// Against statsmodels' `NormalIndPower` (one sample): to detect +0.10 from 0.50 between
    /// independent runs (paired difference sd √0.49) needs 384.59… samples; 40 samples detect 0.3101.
    @Test func planMatchesStatsmodelsPowerAndCountsTheSuite() async throws {
        let items = (0..<40).map { #"{"id": "i\#($0)", "audio": "a.wav", "object": "dog", "label": "yes"}"# }
        let fixture = try SuiteFixture(
            manifest: SuiteFixture.yesNoManifest + "\nscoring: {cluster: item}\n", items: items)
        defer { fixture.remove() }
        let plan = await CLI.run(
            ["plan", "--suite", ".", "--detect", "0.1", "--baseline-rate", "0.5", "--icc", "0"],
            in: fixture.directory.url)
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(plan.stdout.contains("40 samples in 40 clusters"))
        #expect(plan.stdout.contains(": 385 samples, 385 clusters"), "\(plan.stdout)")
        #expect(plan.stdout.contains("detects a change of ±0.3101"), "\(plan.stdout)")
        let clustered = await CLI.run(
            ["plan", "--suite", ".", "--detect", "0.1", "--icc", "0.5"], in: fixture.directory.url)
        #expect(clustered.status == 0)
        #expect(clustered.stdout.contains("design effect 1.00"), "one sample per cluster: no design effect")
        let refused = await CLI.run(["plan", "--suite", ".", "--detect", "1.5"], in: fixture.directory.url)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--detect must be a change that keeps the rate in 0…1"))
        let impossible = await CLI.run(
            ["plan", "--suite", ".", "--detect", "0.2", "--agreement", "0.9"], in: fixture.directory.url)
        #expect(impossible.status == 2)
        #expect(impossible.stderr.contains("cannot differ by 0.2"))
    }
}
