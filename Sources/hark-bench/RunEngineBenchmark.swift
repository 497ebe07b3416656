import ArgumentParser
import Foundation
import HarkApp
import HarkCore
import HarkModels
import HarkRecords
import HarkRun
import HarkSuites
import HarkTestSupport

/// Throughput of the run engine against `hark mock-server` in its own process (validation off,
/// fixed latency): requests per second against the ideal concurrency / latency, hark's CPU time per
/// request, and its peak memory.
struct RunEngineBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run-engine", abstract: "Requests per second, CPU per request and peak memory of hark run.")

    @Option(help: "Requests in the run (500 one-second clips, 2 items each, requests / 1000 templates).")
    var requests = 5_000

    @Option(help: "Requests in flight.")
    var concurrency = 64

    @Option(help: "Latency of the mock server in milliseconds.")
    var latencyMs = 50.0

    @Flag(help: "Answer with the always-yes adapter in process instead of over HTTP (isolates the engine).")
    var inProcess = false

    func run() async throws {
        let templates = max(1, requests / 1_000)
        let work = try TemporaryDirectory(prefix: "hark-bench-run")
        defer { work.remove() }
        try Self.writeSuite(in: work, clips: 500, templates: templates)
        let suite = try SuiteLoader.load(work.path("suite").path).suite.map { ($0, try SuiteFingerprint.compute($0)) }
        guard let suite else { throw ValidationError("the benchmark suite did not load") }

        let server = try Self.startMockServer(latencyMs: latencyMs, work: work)
        defer { server.process.terminate() }
        var model =
            inProcess
            ? ModelConfig(name: "bench", adapter: "always-yes")
            : ModelConfig(
                name: "bench", adapter: "openai",
                settings: .object([
                    "base_url": .string("http://127.0.0.1:\(server.port)/v1"), "model": .string("bench"),
                ]))
        model.concurrency.max = concurrency
        model.concurrency.timeout = 30
        let session = RunSession(
            suites: [suite], model: model, directory: RunDirectory(work.path("results/bench")), planner: Planner())

        let cpuBefore = Self.cpuSeconds()
        let started = Date()
        let outcome = try await session.executeAndScore()
        let wall = Date().timeIntervalSince(started)
        let cpu = Self.cpuSeconds() - cpuBefore
        let count = outcome.results.manifest.counts.samples
        let ideal = Double(concurrency) / (latencyMs / 1_000)
        let throughput = Double(count) / outcome.requestSeconds
        print(
            String(
                format: "run engine: %d requests, concurrency %d, mock latency %.0f ms, %d clips", count, concurrency,
                latencyMs, 500))
        print(
            String(
                format: "  asking %.2f s, %.0f requests/s = %.1f%% of the ideal %.0f/s", outcome.requestSeconds,
                throughput, throughput / ideal * 100, ideal))
        print(String(format: "  whole run %.2f s (plan, clip hashing, journal compaction and scoring included)", wall))
        print(String(format: "  hark CPU %.3f s in all, %.1f µs per request", cpu, cpu / Double(count) * 1e6))
        print(String(format: "  peak memory (max RSS) %.1f MiB", Double(Self.maxResidentKiB()) / 1_024))
        print("  errors \(outcome.results.manifest.counts.errors), clips encoded \(outcome.clipsEncoded)")
    }

    static func writeSuite(in work: TemporaryDirectory, clips: Int, templates: Int) throws {
        let list = (0..<templates).map { "\"Is there {object} in the audio? (\($0))\"" }.joined(separator: ", ")
        try work.write(
            "id: bench\nversion: 1\ntask: yes-no\naudio_root: audio\nprompt: {templates: [\(list)]}\n",
            to: "suite/suite.yaml")
        var lines: [String] = []
        for clip in 0..<clips {
            try Signals.writeSine(
                to: work.path("suite/audio/\(clip).wav"), frequency: 200 + Double(clip), seconds: 1, sampleRate: 16_000)
            lines.append(#"{"id": "\#(clip)-y", "audio": "\#(clip).wav", "object": "tone", "label": "yes"}"#)
            lines.append(#"{"id": "\#(clip)-n", "audio": "\#(clip).wav", "object": "dog", "label": "no"}"#)
        }
        try work.write(lines.joined(separator: "\n") + "\n", to: "suite/items.jsonl")
    }

    /// Starts the release `hark` binary beside this one as `hark mock-server` and waits for its port.
    static func startMockServer(latencyMs: Double, work: TemporaryDirectory) throws -> (process: Process, port: Int) {
        let hark = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
            "hark")
        let portFile = work.path("port").path
        let process = Process()
        process.executableURL = hark
        process.arguments = [
            "mock-server", "--policy", "always-yes", "--no-validate", "--latency-ms", String(latencyMs), "--port-file",
            portFile,
        ]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        for _ in 0..<200 {
            if let text = try? String(contentsOfFile: portFile, encoding: .utf8), let port = Int(text) {
                return (process, port)
            }
            usleep(50_000)
        }
        process.terminate()
        throw ValidationError("hark mock-server did not start (is \(hark.path) built?)")
    }

    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec)
            + Double(usage.ru_stime.tv_usec) / 1e6
    }

    static func maxResidentKiB() -> Int {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return usage.ru_maxrss
    }
}
