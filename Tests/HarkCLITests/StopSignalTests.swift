import Foundation
import HarkApp
import HarkCore
import HarkModels
import HarkRecords
import HarkRun
import HarkSuites
import HarkTestSupport
import HarkTesting
import Testing

/// SIGINT and SIGTERM during `hark run`: intake stops, what is in flight finishes (or is cancelled
/// after the grace or a second signal), the manifest's counts are written, the worker is stopped,
/// the resume command is printed, and the exit status is 128 + the signal.
@Suite(.serialized, .timeLimit(.minutes(2))) struct StopSignalTests {
    struct Started {
        var process: Process
        var work: TemporaryDirectory
        var stderr: URL
        var journal: URL { work.path("results/r/samples.jsonl") }

        /// Waits until hark has written `text` to its standard error (a file: the process is
        /// another), for at most a minute.
        func waitForError(_ text: String) async throws {
            let deadline = Date().addingTimeInterval(60)
            while !errorOutput.contains(text), Date() < deadline { try await Task.sleep(nanoseconds: 10_000_000) }
        }

        /// Waits for the process to exit, killing it after `seconds`; returns its status (9 when
        /// it hung).
        func exit(within seconds: Double) async -> Int32 {
            await HarkCLI.waitForExit(process, within: seconds).status
        }

        var errorOutput: String { (try? String(contentsOf: stderr, encoding: .utf8)) ?? "" }
    }

    func start(_ suite: SuiteFixture, model: String, extra: [String] = []) throws -> Started {
        let work = try TemporaryDirectory()
        try work.write(model, to: "model.yaml")
        let stderr = work.path("stderr.txt")
        let arguments =
            [
                "run", "--suite", suite.path, "--model", "model.yaml", "--run", "r", "--no-preflight", "--concurrency",
                "2",
            ] + extra
        return Started(process: try HarkCLI.start(arguments, in: work.url, stderr: stderr), work: work, stderr: stderr)
    }

    func server(_ suite: SuiteFixture, latencyMs: Double) async throws -> MockServer {
        var options = MockServer.Options()
        options.policy = .oracle(errorRate: 0, hallucinationRate: 0, seed: 1)
        options.oracle = try MockOracle(suites: [try #require(SuiteLoader.load(suite.path).suite)])
        options.latency = MockLatency(fixedMs: latencyMs)
        return try await MockServer(options: options)
    }

    /// The first SIGINT lets the two requests in flight finish: every request the server saw is in
    /// the journal, the manifest counts them, and the printed command resumes to a complete run.
    @Test func sigintFinishesWhatIsInFlightAndResumes() async throws {
        let suite = try SuiteFixture.probes(clips: 20, templates: 2)
        defer { suite.remove() }
        let server = try await server(suite, latencyMs: 150)
        defer { Task { try? await server.stop() } }
        let run = try start(
            suite, model: server.modelConfig(name: "sim"))
        defer { run.work.remove() }
        await server.requests(reaching: 4)
        kill(run.process.processIdentifier, SIGINT)
        let status = await run.exit(within: 60)
        #expect(status == 130, "\(run.errorOutput)")
        let output = run.errorOutput
        #expect(output.contains("SIGINT: sending no more requests"))
        #expect(output.contains("continue with: hark run --suite"), "\(output)")
        #expect(output.contains("--resume"))
        let kept = try Journal.read(run.journal)
        #expect(kept.count < 80)
        #expect(kept.count == server.statistics.requests, "an answer in flight was lost")
        let manifest = try #require(try RunDirectory(run.work.path("results/r")).readManifest())
        #expect(!manifest.complete)
        #expect(manifest.counts.answered == kept.count)
        #expect(manifest.finishedAt == nil)

        let resumed = try HarkCLI.run(
            ["run", "--suite", suite.path, "--model", "model.yaml", "--run", "r", "--no-preflight", "--resume"],
            in: run.work.url)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(Set(try Journal.read(run.journal).map(\.key)).count == 80)
        #expect(server.statistics.requests == 80)
    }

    /// A server that never answers: SIGTERM waits out the grace (its length is `StopStepTests`'),
    /// then cancels; the manifest is still written and the status is 143.
    @Test func sigtermCancelsAfterTheGrace() async throws {
        let suite = try SuiteFixture.probes(clips: 10, templates: 1)
        defer { suite.remove() }
        let server = try await server(suite, latencyMs: 0)
        defer { Task { try? await server.stop() } }
        server.hold(afterMore: 3)
        let run = try start(
            suite, model: server.modelConfig(name: "sim"),
            extra: ["--stop-grace", "1"])
        defer { run.work.remove() }
        // Three answered, and two more held in flight.
        await server.requests(reaching: 5)
        kill(run.process.processIdentifier, SIGTERM)
        let status = await run.exit(within: 60)
        #expect(status == 143, "\(run.errorOutput)")
        #expect(run.errorOutput.contains("the grace of 1 s is over"), "the requests in flight get the grace")
        let manifest = try #require(try RunDirectory(run.work.path("results/r")).readManifest())
        #expect(manifest.counts.answered == 3)
        #expect(!manifest.complete)
    }

    /// A second signal stops at once, and the command worker does not outlive hark.
    @Test func secondSignalStopsAtOnceAndTheWorkerWithIt() async throws {
        let suite = try SuiteFixture.probes(clips: 10, templates: 1)
        defer { suite.remove() }
        let worker = HarkCLI.packageRoot.appendingPathComponent("Tests/Fixtures/workers/faulty_worker.py").path
        let pidFile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "hark-worker-\(UUID().uuidString).pid")
        defer { try? FileManager.default.removeItem(at: pidFile) }
        let run = try start(
            suite,
            model:
                "name: w\nadapter: command\nsettings: {command: [python3, \(worker), --silent, --pid-file, \(pidFile.path)]}\n"
        )
        defer { run.work.remove() }
        let deadline = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: pidFile.path)
            || ((try? String(contentsOf: pidFile, encoding: .utf8)) ?? "").isEmpty,
            Date() < deadline
        {
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        let pid = try #require(Int32(try String(contentsOf: pidFile, encoding: .utf8)))
        kill(run.process.processIdentifier, SIGINT)
        try await run.waitForError("SIGINT: sending no more requests")
        kill(run.process.processIdentifier, SIGINT)
        let status = await run.exit(within: 60)
        #expect(status == 130, "\(run.errorOutput)")
        #expect(run.errorOutput.contains("again: stopping now"))
        #expect(kill(pid, 0) != 0, "the worker \(pid) outlived hark")
        let manifest = try #require(try RunDirectory(run.work.path("results/r")).readManifest())
        #expect(manifest.finishedAt == nil && !manifest.complete)
        #expect(manifest.counts.answered == 0 && manifest.counts.samples == 20)
    }

    /// `timeout` holds for a command worker that never answers: the run ends, each sample an
    /// error, in bounded time (before, it hung for ever).
    @Test func silentWorkerRunEndsWithinTheTimeout() async throws {
        let suite = try SuiteFixture.probes(clips: 3, templates: 1)
        defer { suite.remove() }
        let worker = HarkCLI.packageRoot.appendingPathComponent("Tests/Fixtures/workers/faulty_worker.py").path
        let run = try start(
            suite,
            model:
                "name: w\nadapter: command\nsettings: {command: [python3, \(worker), --silent], max_restarts: 1}\nconcurrency: {timeout: 0.5, retries: 1}\n"
        )
        defer { run.work.remove() }
        let status = await run.exit(within: 60)
        #expect(status == 3, "\(run.errorOutput)")
        let records = try Journal.read(run.journal)
        #expect(records.count == 6 && records.allSatisfy { !$0.isAnswered })
        #expect(records.contains { $0.error?.message.contains("giving up") == true })
    }
}
