import ArgumentParser
import Foundation
import HarkCore
import HarkScoring

/// The cluster bootstrap of every resampled yes/no metric (precision, recall, F1, bias) over many
/// samples in many clusters, beside the plain bootstrap of the same table measured in the same run.
struct ClusterBootstrapBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cluster-bootstrap", abstract: "Cluster bootstrap intervals of the yes/no metrics.")

    @Option(help: "Samples.")
    var samples = 1_000_000

    @Option(help: "Clusters the samples fall in.")
    var clusters = 100_000

    @Option(help: "Bootstrap resamples.")
    var resamples = 1_000

    @Option(help: "Measured repetitions (after one warm-up).")
    var repeats = 3

    func run() throws {
        var generator = SplitMix64(seed: 7)
        var tables = ClusterTables()
        for index in 0..<samples {
            let label: YesNo = generator.next() % 2 == 0 ? .yes : .no
            let roll = generator.next() % 10
            let prediction: YesNo? = roll == 0 ? nil : roll < 7 ? label : (label == .yes ? .no : .yes)
            tables.add(cluster: String(index % clusters), label: label, prediction: prediction)
        }
        let metrics = { (table: YesNoConfusion) -> [Double] in
            let values = YesNoMetrics(table)
            return [values.precision, values.recall, values.f1, values.bias]
        }
        let whole = tables.tables.reduce(into: YesNoConfusion()) { $0.add($1) }
        var clustered: [[Double]] = []
        let cluster = Measurement.of(repeats: repeats) {
            clustered = ClusterBootstrap.intervals(tables.tables, resamples: resamples, seed: 1, metrics: metrics)
        }
        let plain = Measurement.of(repeats: repeats) {
            _ = Bootstrap.yesNoIntervals(whole, resamples: resamples, seed: 1, metrics: metrics)
        }
        print(
            String(
                format:
                    "cluster bootstrap, %d samples in %d clusters, %d resamples, 4 metrics: median %.3f s wall, %.3f s CPU (%@)",
                samples, tables.count, resamples, cluster.medianWall, cluster.medianCPU, cluster.spread))
        print(
            String(
                format: "plain bootstrap of the same table (baseline): median %.3f s wall; cluster/plain %.1f×",
                plain.medianWall, cluster.medianWall / max(plain.medianWall, 1e-9)))
        print("F1 interval: \(clustered[2])")
    }
}
