import Foundation
import HarkCore
import HarkTestSupport
import Testing

@testable import HarkModels

@Suite struct CommandAdapterTests {
    static let worker = HarkCLI.packageRoot.appendingPathComponent("Tests/Fixtures/workers/faulty_worker.py").path

    func requests(_ count: Int) -> [ModelRequest] {
        (0..<count).map { ModelRequest(suiteID: "s", itemID: "item\($0)", template: "q", prompt: "question \($0)") }
    }

    func answerAll(_ adapter: CommandAdapter, _ requests: [ModelRequest]) async -> [Result<ModelResponse, any Error>] {
        await withTaskGroup(of: (Int, Result<ModelResponse, any Error>).self) { group in
            for (index, request) in requests.enumerated() {
                group.addTask {
                    do { return (index, .success(try await adapter.respond(to: request, audio: []))) } catch {
                        return (index, .failure(error))
                    }
                }
            }
            var results = [Result<ModelResponse, any Error>?](repeating: nil, count: requests.count)
            for await (index, result) in group { results[index] = result }
            return results.compactMap { $0 }
        }
    }

    /// The failures of results that must all have failed; a success is recorded as an issue.
    func failures(_ results: [Result<ModelResponse, any Error>]) -> [RequestFailure] {
        results.compactMap { result in
            guard case .failure(let error as RequestFailure) = result else {
                Issue.record("expected a failure, got \(result)")
                return nil
            }
            return error
        }
    }

    @Test func workerAnswersEveryRequest() async throws {
        let adapter = try CommandAdapter(settings: .init(command: ["python3", Self.worker], maxInFlight: 4))
        let results = await answerAll(adapter, requests(30))
        await adapter.shutdown()
        #expect(results.allSatisfy { (try? $0.get()) != nil })
        let texts = results.compactMap { try? $0.get().text }
        #expect(Set(texts).isSubset(of: ["Yes", "No"]) && texts.count == 30)
    }

    @Test func workerThatCrashesIsRestartedAndTheRunCompletes() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let state = directory.path("crashed").path
        let adapter = try CommandAdapter(
            settings: .init(command: ["python3", Self.worker, "--crash-after", "5", "--state", state], maxInFlight: 3))
        let results = await answerAll(adapter, requests(20))
        await adapter.shutdown()
        #expect(FileManager.default.fileExists(atPath: state), "the worker must have crashed once")
        let failures = results.compactMap { result -> String? in
            if case .failure(let error) = result { return "\(error)" }
            return nil
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test func workerThatPrintsGarbageGetsAClearError() async throws {
        let adapter = try CommandAdapter(
            settings: .init(command: ["python3", Self.worker, "--garbage"], maxInFlight: 2))
        let results = await answerAll(adapter, requests(3))
        await adapter.shutdown()
        for error in failures(results) {
            #expect(error.kind == .worker)
            #expect(error.message.contains("output line 1 is not a JSON object"))
            #expect(error.message.contains("loading model weights..."))
        }
    }

    @Test func workerThatAlwaysDiesIsGivenUpWithItsStderr() async throws {
        let adapter = try CommandAdapter(
            settings: .init(
                command: ["python3", "-c", "import sys; print('boom', file=sys.stderr); sys.exit(3)"], maxRestarts: 1))
        let results = await answerAll(adapter, requests(2))
        await adapter.shutdown()
        for error in failures(results) {
            #expect(error.message.contains("giving up"))
            #expect(error.message.contains("boom"))
        }
    }

    /// Asks once and cancels the request after `seconds`, as the engine's timeout does.
    func askCancelled(_ adapter: CommandAdapter, after seconds: Double, key: Int = 0) async -> (any Error)? {
        let request = requests(key + 1)[key]
        let call = Task { try await adapter.respond(to: request, audio: []) }
        try? await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
        call.cancel()
        do {
            _ = try await call.value
            return nil
        } catch { return error }
    }

    /// A worker that reads and never answers (or answers without the final newline) no longer
    /// hangs the caller: cancellation ends the request, the stuck worker is stopped and restarted,
    /// and after `max_restarts` stalls every request fails at once, naming the stall.
    @Test(.timeLimit(.minutes(1)), arguments: [["--silent"], ["--no-newline"]])
    func stuckWorkerIsStoppedAndGivenUp(_ flags: [String]) async throws {
        let adapter = try CommandAdapter(settings: .init(command: ["python3", Self.worker] + flags, maxRestarts: 1))
        // Each request is cancelled as a timeout would; once the worker has stalled twice (one
        // restart allowed), the next request fails at once instead.
        var cancelled = 0
        var failure: RequestFailure?
        for attempt in 0..<20 where failure == nil {
            let error = await askCancelled(adapter, after: 0.5, key: attempt)
            if error is CancellationError { cancelled += 1 }
            failure = error as? RequestFailure
        }
        #expect(cancelled >= 2)
        let given = try #require(failure, "a worker that keeps stalling must be given up")
        #expect(given.message.contains("wrote nothing for"), "\(given.message)")
        #expect(given.message.contains("giving up"))
        await adapter.shutdown()
    }

    @Test(.timeLimit(.minutes(1))) func answerToAnIDNeverSentIsAProtocolError() async throws {
        let adapter = try CommandAdapter(settings: .init(command: ["python3", Self.worker, "--unknown-id"]))
        let results = await answerAll(adapter, requests(2))
        await adapter.shutdown()
        for error in failures(results) {
            #expect(error.message.contains("which hark never sent"), "\(error.message)")
        }
    }

    /// A worker that closes its standard output but keeps running is stopped, not waited for.
    @Test(.timeLimit(.minutes(1))) func workerThatClosesItsOutputIsStopped() async throws {
        let adapter = try CommandAdapter(
            settings: .init(command: ["python3", Self.worker, "--close-stdout"], maxRestarts: 0))
        let results = await answerAll(adapter, requests(2))
        await adapter.shutdown()
        #expect(failures(results).count == 2)
        #expect(failures(results).allSatisfy { $0.message.contains("giving up") })
    }

    /// Shutting down a worker that ignores the end of its input stops it after the grace.
    @Test(.timeLimit(.minutes(1))) func shutdownStopsAWorkerThatWillNotExit() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let pidFile = directory.path("worker.pid").path
        let adapter = try CommandAdapter(
            settings: .init(command: ["python3", Self.worker, "--ignore-eof", "--pid-file", pidFile]))
        let results = await answerAll(adapter, requests(2))
        #expect(results.allSatisfy { (try? $0.get()) != nil })
        let start = ContinuousClock.now
        await adapter.shutdown()
        let waited = ContinuousClock.now - start
        #expect(waited >= WorkerSupervisor.exitGrace)
        let pid = try #require(Int32(try String(contentsOfFile: pidFile, encoding: .utf8)))
        #expect(kill(pid, 0) != 0, "the worker \(pid) outlived its shutdown")
    }

    @Test func requestLineCarriesTheProtocolAndClips() throws {
        let clip = Clip(path: "a.wav", sha256: "abc", seconds: 1.5, location: URL(fileURLWithPath: "/data/a.wav"))
        let request = ModelRequest(suiteID: "s", itemID: "i", template: "t0", prompt: "Is it?", audio: [clip])
        let line = String(decoding: try CommandAdapter.requestLine(id: "7", request, audio: []), as: UTF8.self)
        #expect(line.hasSuffix("\n"))
        let object = try JSONDecoder().decode(JSONValue.self, from: Data(line.utf8)).objectValue ?? [:]
        #expect(object["protocol"] == .string("hark-worker/1"))
        #expect(object["id"] == .string("7"))
        #expect(object["audio"]?.arrayValue?.first?.objectValue?["path"] == .string("/data/a.wav"))
        #expect(object["audio"]?.arrayValue?.first?.objectValue?["wav_base64"] == nil)
    }
}
