import Foundation
import HarkCore
@testable import HarkModels
import HarkTestSupport
import Testing

@Suite struct CommandAdapterTests {
    static let worker = HarkCLI.packageRoot.appendingPathComponent("Tests/Fixtures/workers/faulty_worker.py").path

    func requests(_ count: Int) -> [ModelRequest] {
        (0..<count).map { ModelRequest(suiteID: "s", itemID: "item\($0)", template: "q", prompt: "question \($0)") }
    }

    func answerAll(_ adapter: CommandAdapter, _ requests: [ModelRequest]) async -> [Result<ModelResponse, any Error>] {
        await withTaskGroup(of: (Int, Result<ModelResponse, any Error>).self) { group in
            for (index, request) in requests.enumerated() {
                group.addTask {
                    do { return (index, .success(try await adapter.respond(to: request, audio: []))) } catch { return (index, .failure(error)) }
                }
            }
            var results = [Result<ModelResponse, any Error>?](repeating: nil, count: requests.count)
            for await (index, result) in group { results[index] = result }
            return results.compactMap { $0 }
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
        let adapter = try CommandAdapter(settings: .init(command: ["python3", Self.worker, "--garbage"], maxInFlight: 2))
        let results = await answerAll(adapter, requests(3))
        await adapter.shutdown()
        for result in results {
            guard case .failure(let error as RequestFailure) = result else {
                Issue.record("expected a failure, got \(result)")
                continue
            }
            #expect(error.kind == .worker)
            #expect(error.message.contains("output line 1 is not a JSON object"))
            #expect(error.message.contains("loading model weights..."))
        }
    }

    @Test func workerThatAlwaysDiesIsGivenUpWithItsStderr() async throws {
        let adapter = try CommandAdapter(
            settings: .init(command: ["python3", "-c", "import sys; print('boom', file=sys.stderr); sys.exit(3)"], maxRestarts: 1))
        let results = await answerAll(adapter, requests(2))
        await adapter.shutdown()
        for result in results {
            guard case .failure(let error as RequestFailure) = result else {
                Issue.record("expected a failure")
                continue
            }
            #expect(error.message.contains("giving up"))
            #expect(error.message.contains("boom"))
        }
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
