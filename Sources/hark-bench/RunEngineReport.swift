import Foundation

/// One `hark run` of a scenario, measured from outside.
struct RunSample: Codable {
    var wallSeconds: Double
    /// From spawn to the first request at the server (Node server only).
    var firstRequestSeconds: Double?
    /// From the server's last answer to hark's exit (Node server only).
    var tailSeconds: Double?
    var cpuMillisecondsPerRequest: Double
    var peakRSSMiB: Double

    init(child: ChildProcess, traffic: BenchServer.Traffic?, requests: Int) {
        wallSeconds = child.endedAt - child.startedAt
        firstRequestSeconds = traffic?.firstRequestMilliseconds.map { $0 / 1_000 - child.startedAt }
        tailSeconds = traffic?.lastResponseMilliseconds.map { child.endedAt - $0 / 1_000 }
        cpuMillisecondsPerRequest = child.cpuSeconds * 1_000 / Double(requests)
        peakRSSMiB = Double(child.maxResidentKiB) / 1_024
    }

    enum CodingKeys: String, CodingKey {
        case wallSeconds = "wall_s"
        case firstRequestSeconds = "first_request_s"
        case tailSeconds = "tail_s"
        case cpuMillisecondsPerRequest = "cpu_ms_per_request"
        case peakRSSMiB = "peak_rss_mib"
    }
}

/// A scenario's figures: each repeat, and their medians.
struct RunEngineReport: Encodable {
    struct Scenario: Encodable {
        var requests: Int
        var clips: Int
        var clipSeconds: Double
        var concurrency: Int
        var endpoints: Int
        var latencyMs: Double
        var server: String
        var repeats: Int

        enum CodingKeys: String, CodingKey {
            case requests, clips, concurrency, endpoints, server, repeats
            case clipSeconds = "clip_seconds"
            case latencyMs = "latency_ms"
        }
    }

    var scenario: Scenario
    /// Concurrency / latency; nil without a server.
    var idealRequestsPerSecond: Double?
    var serverCeilingRequestsPerSecond: Double?
    /// What `wrk` gets from the server at the run's concurrency (per endpoint, times the
    /// endpoints): the rate no client exceeds against this server, since its latency is never
    /// quite the one asked for.
    var serverAloneRequestsPerSecond: Double?
    var samples: [RunSample]

    var idealSeconds: Double? { idealRequestsPerSecond.map { Double(scenario.requests) / $0 } }

    struct Medians: Encodable {
        var wallSeconds: Double
        /// The ideal wall time over the measured one.
        var ratioToIdeal: Double?
        /// The wall time `wrk`'s rate at the run's concurrency would take over the measured one.
        var ratioToServerAlone: Double?
        var requestsPerSecond: Double
        var firstRequestSeconds: Double?
        var tailSeconds: Double?
        var cpuMillisecondsPerRequest: Double
        var peakRSSMiB: Double

        enum CodingKeys: String, CodingKey {
            case wallSeconds = "wall_s"
            case ratioToIdeal = "ratio_to_ideal"
            case ratioToServerAlone = "ratio_to_server_alone"
            case requestsPerSecond = "requests_per_s"
            case firstRequestSeconds = "first_request_s"
            case tailSeconds = "tail_s"
            case cpuMillisecondsPerRequest = "cpu_ms_per_request"
            case peakRSSMiB = "peak_rss_mib"
        }
    }

    var medians: Medians {
        let wall = Self.median(samples.map(\.wallSeconds)) ?? 0
        return Medians(
            wallSeconds: wall, ratioToIdeal: idealSeconds.map { $0 / wall },
            ratioToServerAlone: serverAloneRequestsPerSecond.map { Double(scenario.requests) / $0 / wall },
            requestsPerSecond: Double(scenario.requests) / wall,
            firstRequestSeconds: Self.median(samples.compactMap(\.firstRequestSeconds)),
            tailSeconds: Self.median(samples.compactMap(\.tailSeconds)),
            cpuMillisecondsPerRequest: Self.median(samples.map(\.cpuMillisecondsPerRequest)) ?? 0,
            peakRSSMiB: Self.median(samples.map(\.peakRSSMiB)) ?? 0)
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        return sorted.count % 2 == 1
            ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    var text: String {
        let s = scenario
        let m = medians
        func milliseconds(_ value: Double?) -> String { value.map { String(format: "%.0f ms", $0 * 1_000) } ?? "–" }
        var lines = [
            String(
                format:
                    "run engine: %d requests over %d clips of %.0f s, %d in flight over %d endpoint(s), %.0f ms, server %@",
                s.requests, s.clips, s.clipSeconds, s.concurrency, s.endpoints, s.latencyMs, s.server)
        ]
        if let ideal = idealRequestsPerSecond, let seconds = idealSeconds {
            lines.append(String(format: "  ideal %.0f requests/s (%.2f s)", ideal, seconds))
        }
        if let ceiling = serverCeilingRequestsPerSecond {
            lines.append(
                String(format: "  server ceiling (wrk, one endpoint, 4× the concurrency) %.0f requests/s", ceiling))
        }
        if let alone = serverAloneRequestsPerSecond {
            lines.append(
                String(
                    format: "  server alone at the run's concurrency (wrk) %.0f requests/s%@", alone,
                    idealRequestsPerSecond.map { String(format: ", %.1f%% of the ideal", alone / $0 * 100) } ?? ""))
        }
        lines.append(
            String(
                format: "  median of %d: wall %.2f s, %.0f requests/s%@%@", samples.count, m.wallSeconds,
                m.requestsPerSecond, m.ratioToIdeal.map { String(format: ", %.1f%% of the ideal", $0 * 100) } ?? "",
                m.ratioToServerAlone.map { String(format: ", %.1f%% of the server alone", $0 * 100) } ?? ""))
        lines.append("  first request \(milliseconds(m.firstRequestSeconds)), tail \(milliseconds(m.tailSeconds))")
        lines.append(
            String(format: "  CPU %.3f ms per request, peak RSS %.1f MiB", m.cpuMillisecondsPerRequest, m.peakRSSMiB))
        for (index, sample) in samples.enumerated() {
            lines.append(
                String(
                    format: "    run %d: wall %.2f s, first %@, tail %@, CPU %.3f ms/request, RSS %.1f MiB", index + 1,
                    sample.wallSeconds, milliseconds(sample.firstRequestSeconds), milliseconds(sample.tailSeconds),
                    sample.cpuMillisecondsPerRequest, sample.peakRSSMiB))
        }
        return lines.joined(separator: "\n")
    }

    enum CodingKeys: String, CodingKey {
        case scenario, samples, medians
        case idealRequestsPerSecond = "ideal_requests_per_s"
        case serverCeilingRequestsPerSecond = "server_ceiling_requests_per_s"
        case serverAloneRequestsPerSecond = "server_alone_requests_per_s"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(scenario, forKey: .scenario)
        try container.encode(samples, forKey: .samples)
        try container.encode(medians, forKey: .medians)
        try container.encodeIfPresent(idealRequestsPerSecond, forKey: .idealRequestsPerSecond)
        try container.encodeIfPresent(serverCeilingRequestsPerSecond, forKey: .serverCeilingRequestsPerSecond)
        try container.encodeIfPresent(serverAloneRequestsPerSecond, forKey: .serverAloneRequestsPerSecond)
    }
}
