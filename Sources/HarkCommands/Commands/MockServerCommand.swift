import ArgumentParser
import Foundation
import HarkModels
import HarkRun

/// `hark mock-server`: an OpenAI-compatible server for tests, the demo and benchmarks.
struct MockServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mock-server",
        abstract: "Serve simulated models over OpenAI-compatible chat completions on 127.0.0.1.")

    @Option(help: "Port; 0 picks a free one.")
    var port = 0

    @Option(help: "Write the chosen port to this file once listening.")
    var portFile: String?

    @Option(help: "always-yes, always-no, echo, oracle or judge.")
    var policy = "oracle"

    @Option(name: .customLong("suite"), help: "Suites whose labels the oracle answers from (repeat for several).")
    var suites: [String] = []

    @Option(help: "Oracle: share of answers that are wrong.")
    var errorRate = 0.0

    @Option(help: "Oracle: share of absent sounds answered \"yes\".")
    var hallucinationRate = 0.0

    @Option(help: "Seed of the oracle's answers and of fault injection.")
    var seed: UInt64 = 0

    @Option(help: "Latency of each answer in milliseconds (the minimum, with --latency-max-ms).")
    var latencyMs = 0.0

    @Option(help: "Largest latency in milliseconds; each answer waits a uniform draw between the two.")
    var latencyMaxMs: Double?

    @Option(name: .customLong("fail-500"), help: "Share of requests answered 500.")
    var fail500 = 0.0

    @Option(name: .customLong("fail-429"), help: "Share of requests answered 429 with Retry-After.")
    var fail429 = 0.0

    @Option(help: "Retry-After of 429 answers, in seconds.")
    var retryAfter = 0.05

    @Option(help: "Share of requests never answered.")
    var hang = 0.0

    @Option(help: "Share of requests answered with malformed JSON.")
    var malformed = 0.0

    @Option(help: "Share of requests whose connection is dropped.")
    var drop = 0.0

    @Flag(help: "Do not decode the audio parts of requests (for benchmarks).")
    var noValidate = false

    @Flag(
        help:
            "Ignore the audio parts, as a server without an audio slot does: answers and token counts from the text alone."
    )
    var dropAudio = false

    @Option(
        help:
            "A model that does not listen: to missing or silent audio it says \"Yes\" at this rate, else \"No\"."
    )
    var silenceYesRate: Double?

    @Option(help: "The model name GET /v1/models lists.")
    var servedModelName = "mock"

    @Option(help: "The root (checkpoint path) GET /v1/models lists for it.")
    var modelRoot = "mock"

    func run() async throws {
        guard
            let policy = MockPolicy.named(
                self.policy, errorRate: errorRate, hallucinationRate: hallucinationRate, seed: seed)
        else {
            throw ValidationError("--policy takes one of \(MockPolicy.names.joined(separator: ", "))")
        }
        var options = MockServer.Options()
        options.policy = policy
        if case .oracle = policy {
            guard !suites.isEmpty else { throw ValidationError("the oracle policy needs --suite") }
            options.oracle = try MockOracle(suites: try SuiteLoading.load(suites).map(\.suite))
        }
        options.dropAudio = dropAudio
        if let silenceYesRate {
            guard (0...1).contains(silenceYesRate) else {
                throw ValidationError("--silence-yes-rate takes a share from 0 to 1, found \(silenceYesRate)")
            }
            options.silenceYesRate = silenceYesRate
        }
        options.servedModelName = servedModelName
        options.modelRoot = modelRoot
        options.latency = MockLatency(minimumMs: latencyMs, maximumMs: latencyMaxMs ?? latencyMs)
        options.faults.serverErrorRate = fail500
        options.faults.rateLimitRate = fail429
        options.faults.retryAfter = retryAfter
        options.faults.hangRate = hang
        options.faults.malformedRate = malformed
        options.faults.dropRate = drop
        options.faults.seed = seed
        options.validate = !noValidate
        options.keepRequests = 0
        let server = try await MockServer(options: options, port: port)
        if let portFile {
            try String(server.port).write(to: WorkingDirectory.url(portFile), atomically: true, encoding: .utf8)
        }
        Terminal.output("hark mock-server (\(self.policy)) listening on \(server.baseURL)")
        while true { try await Task.sleep(nanoseconds: 3_600 * 1_000_000_000) }
    }
}
