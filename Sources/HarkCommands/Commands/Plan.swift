import ArgumentParser
import Foundation
import HarkApp

/// `hark plan`: the samples and clusters a suite needs to detect a change of accuracy between two
/// runs, and the smallest change it detects as it is.
struct Plan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "How many samples and clusters a suite needs to detect a change, before it is run.")

    @Option(help: "The suite folder.")
    var suite: String

    @Option(help: "The change of accuracy to detect (0.02 is two points).")
    var detect: Double

    @Option(help: "The baseline's accuracy.")
    var baselineRate = 0.5

    @Option(help: "The share of samples both runs answer alike (default: as two independent runs would).")
    var agreement: Double?

    @Option(help: "The intra-cluster correlation of the paired differences.")
    var icc = 0.1

    @Option(help: "The test's level.")
    var alpha = 0.05

    @Option(help: "The power wanted.")
    var power = 0.8

    func run() async throws {
        for (name, value) in [("--alpha", alpha), ("--power", power)] where !(value > 0 && value < 1) {
            throw ValidationError("\(name) must be between 0 and 1, not \(value)")
        }
        for (name, value) in [("--baseline-rate", baselineRate), ("--icc", icc), ("--agreement", agreement ?? 0)]
        where !(0...1).contains(value) {
            throw ValidationError("\(name) must be in 0…1, not \(value)")
        }
        guard detect != 0, (0...1).contains(baselineRate + detect) else {
            throw ValidationError(
                "--detect must be a change that keeps the rate in 0…1 (baseline \(baselineRate)), not \(detect)")
        }
        if let agreement, 1 - agreement < abs(detect) {
            throw ValidationError(
                "runs that agree on \(agreement) of the samples cannot differ by \(detect): at most \(1 - agreement)")
        }
        guard let loaded = try SuiteLoading.load([suite]).first?.suite else { return }
        let design = StudyPlan.Design(loaded)
        let plan = StudyPlan(
            change: detect, baselineRate: baselineRate, agreement: agreement, correlation: icc, alpha: alpha,
            power: power)
        let answer = plan.answer(for: design)
        Terminal.output(
            String(
                format: "suite %@: %d samples in %d clusters (%.1f per cluster; design effect %.2f at ICC %.2f)",
                loaded.id, design.samples, design.clusters, design.perCluster, answer.designEffect, icc))
        Terminal.output(
            String(
                format:
                    "to detect a change of %+.4f from %.4f with %.0f%% power at α = %g: %d samples, %d clusters of %.1f",
                detect, baselineRate, power * 100, alpha, answer.samples, answer.clusters, max(1, design.perCluster)))
        Terminal.output(
            String(
                format: "as it is, the suite detects a change of ±%.4f (paired difference sd %.4f)", answer.detectable,
                answer.deviation))
    }
}
