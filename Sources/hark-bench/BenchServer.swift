import ArgumentParser
import Foundation
import HarkTestSupport

/// The model servers of a run-engine scenario: the independent Node server (one process, one port
/// per endpoint, with request timestamps), `hark mock-server` (a process per endpoint), or none (the
/// `always-yes` adapter inside hark).
struct BenchServer {
    var kind: String
    var processes: [Process]
    var ports: [Int]

    static func start(_ kind: String, endpoints: Int, latencyMs: Double, hark: URL, work: TemporaryDirectory) throws
        -> BenchServer
    {
        switch kind {
        case "node":
            let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("../../scripts/bench-server/openai-mock.js").standardizedFileURL
            let portFile = work.path("node-ports").path
            let process = try launch(
                "/usr/bin/env",
                [
                    "node", script.path, "--latency-ms", String(latencyMs), "--ports", String(endpoints), "--port-file",
                    portFile,
                ])
            let ports = try waitForPorts(portFile, count: endpoints, process: process, what: "node openai-mock.js")
            return BenchServer(kind: kind, processes: [process], ports: ports)
        case "hark":
            var processes: [Process] = []
            var ports: [Int] = []
            for endpoint in 0..<endpoints {
                let portFile = work.path("hark-port-\(endpoint)").path
                let process = try launch(
                    hark.path,
                    [
                        "mock-server", "--policy", "always-yes", "--no-validate", "--latency-ms", String(latencyMs),
                        "--port-file", portFile,
                    ])
                processes.append(process)
                ports += try waitForPorts(portFile, count: 1, process: process, what: "hark mock-server")
            }
            return BenchServer(kind: kind, processes: processes, ports: ports)
        default:
            return BenchServer(kind: kind, processes: [], ports: [])
        }
    }

    func stop() {
        for process in processes where process.isRunning { process.terminate() }
    }

    func modelConfig(concurrency: Int) -> String {
        let adapter =
            ports.isEmpty
            ? "adapter: always-yes\n"
            : "adapter: openai\nsettings:\n  model: bench\n  base_url: ["
                + ports.map { "http://127.0.0.1:\($0)/v1" }.joined(separator: ", ") + "]\n"
        return "name: bench\n" + adapter + "concurrency: {max: \(concurrency), timeout: 30}\n"
    }

    /// Requests per second the first endpoint serves to `wrk` over `connections` connections with a
    /// request like the run's: with four times the run's concurrency, the server's ceiling; with the
    /// run's own, what a client without overhead gets from it at that concurrency. nil without a
    /// server or without `wrk`.
    func wrkRate(connections: Int, body: Data, work: TemporaryDirectory) throws -> Double? {
        guard let port = ports.first, let wrk = Self.which("wrk") else { return nil }
        let bodyFile = try work.write(body, to: "wrk-body.json")
        let script = """
            wrk.method = "POST"
            wrk.headers["Content-Type"] = "application/json"
            local file = io.open("\(bodyFile.path)", "rb")
            wrk.body = file:read("*a")
            file:close()
            """
        let scriptFile = try work.write(script, to: "wrk.lua")
        let output = try Self.capture(
            wrk,
            [
                "-t1", "-c\(connections)", "-d4s", "-s", scriptFile.path,
                "http://127.0.0.1:\(port)/v1/chat/completions",
            ])
        guard let line = output.split(separator: "\n").first(where: { $0.contains("Requests/sec:") }),
            let value = line.split(separator: " ").last.flatMap({ Double($0) })
        else { throw ValidationError("wrk printed no Requests/sec:\n\(output)") }
        return value
    }

    /// Zeroes the Node server's counts before a run.
    func reset() throws {
        guard kind == "node", let port = ports.first else { return }
        _ = try Self.capture("/usr/bin/env", ["curl", "-sf", "-X", "POST", "http://127.0.0.1:\(port)/reset"])
    }

    /// What the Node server saw of the run: when the first request came and the last answer left.
    func traffic() throws -> Traffic? {
        guard kind == "node", let port = ports.first else { return nil }
        let text = try Self.capture("/usr/bin/env", ["curl", "-sf", "http://127.0.0.1:\(port)/stats"])
        return try JSONDecoder().decode(Traffic.self, from: Data(text.utf8))
    }

    struct Traffic: Decodable {
        var requests: Int
        var firstRequestMilliseconds: Double?
        var lastResponseMilliseconds: Double?

        enum CodingKeys: String, CodingKey {
            case requests
            case firstRequestMilliseconds = "first_request_ms"
            case lastResponseMilliseconds = "last_response_ms"
        }
    }

    static func launch(_ executable: String, _ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func waitForPorts(_ file: String, count: Int, process: Process, what: String) throws -> [Int] {
        for _ in 0..<200 {
            if let text = try? String(contentsOfFile: file, encoding: .utf8) {
                let ports = text.split(separator: "\n").compactMap { Int($0) }
                if ports.count == count { return ports }
            }
            guard process.isRunning else { break }
            usleep(50_000)
        }
        process.terminate()
        throw ValidationError("\(what) did not start")
    }

    static func capture(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ValidationError("\(([executable] + arguments).joined(separator: " ")) failed")
        }
        return String(decoding: data, as: UTF8.self)
    }

    static func which(_ name: String) -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
