import ArgumentParser
import Foundation
import HarkTestSupport

/// `hark run` measured from outside, as a user runs it: the release binary started as a child
/// process against a model server (an independent Node server by default, or `hark mock-server`),
/// timed from spawn to exit. Reports per scenario the wall time against the ideal (requests ×
/// latency / concurrency), when the first request reached the server, the tail after its last
/// answer, hark's CPU per request and peak RSS — medians of the repeats — and, measured with `wrk`
/// in the same run, the server's own ceiling and what it serves at the run's concurrency.
struct RunEngineBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run-engine",
        abstract: "Wall time against the ideal, start-up, tail, CPU per request and peak RSS of hark run.")

    @Option(help: "Requests in the run (two items per clip, as many templates as it takes).")
    var requests = 5_000

    @Option(help: "Clips in the suite.")
    var clips = 500

    @Option(help: "Seconds of each clip (16 kHz mono WAV).")
    var clipSeconds = 1.0

    @Option(help: "Requests in flight.")
    var concurrency = 64

    @Option(help: "Endpoints (base_url entries) the requests are spread over.")
    var endpoints = 1

    @Option(help: "Latency of the server in milliseconds.")
    var latencyMs = 50.0

    @Option(help: "node (scripts/bench-server/openai-mock.js), hark (hark mock-server) or none (always-yes).")
    var server = "node"

    @Option(help: "Runs of the scenario; figures are their medians.")
    var repeats = 3

    @Option(help: "Also write the figures as JSON to this file.")
    var json: String?

    func validate() throws {
        guard ["node", "hark", "none"].contains(server) else {
            throw ValidationError("--server takes node, hark or none, not \(server)")
        }
        guard requests > 0, clips > 0, concurrency > 0, endpoints > 0, repeats > 0 else {
            throw ValidationError("--requests, --clips, --concurrency, --endpoints and --repeats must be positive")
        }
    }

    func run() async throws {
        let binaries = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let hark = binaries.appendingPathComponent("hark")
        let work = try TemporaryDirectory(prefix: "hark-bench-run")
        defer { work.remove() }
        let templates = (requests + 2 * clips - 1) / (2 * clips)
        try Self.writeSuite(in: work, clips: clips, seconds: clipSeconds, templates: templates)
        let planned = 2 * clips * templates

        let servers = try BenchServer.start(server, endpoints: endpoints, latencyMs: latencyMs, hark: hark, work: work)
        defer { servers.stop() }
        try work.write(servers.modelConfig(concurrency: concurrency), to: "model.yaml")
        let body = try Self.requestBody(work)
        let ceiling = try servers.wrkRate(connections: 4 * concurrency, body: body, work: work)
        // One endpoint at its share of the run's requests in flight, times the endpoints.
        let perEndpoint = max(1, concurrency / endpoints)
        let alone = try servers.wrkRate(connections: perEndpoint, body: body, work: work).map {
            $0 * Double(endpoints)
        }

        var samples: [RunSample] = []
        for repeatIndex in 0..<repeats {
            try servers.reset()
            let child = try ChildProcess.run(
                hark,
                [
                    "run", "--suite", work.path("suite").path, "--model", work.path("model.yaml").path,
                    "--run", "bench-\(repeatIndex)", "--results", work.path("results").path, "--no-preflight",
                    "--no-cache",
                ], log: work.path("run-\(repeatIndex).log"))
            guard child.status == 0 else {
                let log = (try? String(contentsOf: work.path("run-\(repeatIndex).log"), encoding: .utf8)) ?? ""
                throw ValidationError("hark run exited with \(child.status):\n\(log)")
            }
            let traffic = try servers.traffic()
            samples.append(RunSample(child: child, traffic: traffic, requests: planned))
        }
        let ideal = Double(concurrency) / (latencyMs / 1_000)
        let report = RunEngineReport(
            scenario: .init(
                requests: planned, clips: clips, clipSeconds: clipSeconds, concurrency: concurrency,
                endpoints: endpoints, latencyMs: latencyMs, server: server, repeats: repeats),
            idealRequestsPerSecond: server == "none" ? nil : ideal,
            serverCeilingRequestsPerSecond: ceiling, serverAloneRequestsPerSecond: alone, samples: samples)
        print(report.text)
        if let json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(report).write(to: URL(fileURLWithPath: json))
        }
    }

    static func writeSuite(in work: TemporaryDirectory, clips: Int, seconds: Double, templates: Int) throws {
        let list = (0..<templates).map { "\"Is there {object} in the audio? (\($0))\"" }.joined(separator: ", ")
        try work.write(
            "id: bench\nversion: 1\ntask: yes-no\naudio_root: audio\nprompt: {templates: [\(list)]}\n",
            to: "suite/suite.yaml")
        var lines: [String] = []
        for clip in 0..<clips {
            try Signals.writeSine(
                to: work.path("suite/audio/\(clip).wav"), frequency: 200 + Double(clip), seconds: seconds,
                sampleRate: 16_000)
            lines.append(#"{"id": "\#(clip)-y", "audio": "\#(clip).wav", "object": "tone", "label": "yes"}"#)
            lines.append(#"{"id": "\#(clip)-n", "audio": "\#(clip).wav", "object": "dog", "label": "no"}"#)
        }
        try work.write(lines.joined(separator: "\n") + "\n", to: "suite/items.jsonl")
    }

    /// A request like the run's (the first clip as `input_audio`), for measuring the server alone.
    static func requestBody(_ work: TemporaryDirectory) throws -> Data {
        let audio = try Data(contentsOf: work.path("suite/audio/0.wav")).base64EncodedString()
        let body: [String: Any] = [
            "model": "bench", "max_tokens": 64, "temperature": 0,
            "messages": [
                [
                    "role": "user",
                    "content": [
                        ["type": "input_audio", "input_audio": ["data": audio, "format": "wav"]],
                        ["type": "text", "text": "Is there tone in the audio?"],
                    ],
                ]
            ],
        ]
        return try JSONSerialization.data(withJSONObject: body)
    }
}
