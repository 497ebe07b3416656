import ArgumentParser
import Foundation
import HarkCore
import HarkSuites
import HarkTestSupport

/// Seeded mutations of a valid suite, loaded (and, for those that load, inspected: every clip
/// decoded) as `hark validate` does: counts of crashes (none, or the benchmark would not finish),
/// loads past the hang bound, and messages without a location or in Swift's words.
struct FuzzBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fuzz", abstract: "Load thousands of mutated suites; count hangs and unlocated messages.")

    @Option(help: "Mutated suites to load.")
    var count = 5_000

    @Option(help: "The first seed.")
    var seed: UInt64 = 0

    @Option(help: "Seconds a load may take before it counts as a hang.")
    var hangSeconds = 2.0

    func run() async throws {
        let directory = try TemporaryDirectory(prefix: "hark-fuzz")
        defer { directory.remove() }
        try Signals.writeSine(to: directory.path("audio/a.wav"))
        let mutator = SuiteMutator.yesNoSuite
        var refused = 0
        var hangs = 0
        var messages = 0
        var unlocated: [String] = []
        var slowest = 0.0
        for seed in seed..<(seed + UInt64(count)) {
            let (manifest, items) = mutator.mutate(seed: seed)
            try manifest.write(to: directory.path("suite.yaml"))
            try items.write(to: directory.path("items.jsonl"))
            let start = Date()
            let result = SuiteLoader.load(directory.url.path)
            var diagnostics = result.diagnostics
            if let suite = result.suite { diagnostics += await SuiteInspector.inspect(suite).1 }
            let seconds = Date().timeIntervalSince(start)
            slowest = max(slowest, seconds)
            if seconds > hangSeconds { hangs += 1 }
            if result.suite == nil { refused += 1 }
            messages += diagnostics.count { $0.severity == .error }
            unlocated += SuiteMutator.problems(diagnostics).map { "seed \(seed): \($0)" }
        }
        print("suites mutated: \(count) (seeds \(seed)..<\(seed + UInt64(count)))")
        print("refused: \(refused), error messages: \(messages)")
        print("crashes: 0, hangs (> \(hangSeconds) s): \(hangs), slowest load: \(String(format: "%.3f", slowest)) s")
        print("messages without a location or in Swift's words: \(unlocated.count)")
        for line in unlocated.prefix(20) { print("  " + line) }
    }
}
