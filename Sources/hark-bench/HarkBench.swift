import ArgumentParser

/// Benchmarks of hark's hot paths. Not tests: figures are printed for people to read and compare.
@main
struct HarkBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hark-bench",
        abstract: "Benchmarks of hark's hot paths (build with -c release).",
        subcommands: [
            AudioPathBenchmark.self, RunEngineBenchmark.self, ScoringBenchmark.self, IFEvalBenchmark.self,
            ReportBenchmark.self, CompareBenchmark.self, FuzzBenchmark.self, ClusterBootstrapBenchmark.self,
            ParquetFuzzBenchmark.self, ParquetReadBenchmark.self, OverlapBenchmark.self,
        ])
}
