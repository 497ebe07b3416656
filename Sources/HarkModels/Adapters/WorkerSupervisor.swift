import Foundation
import HarkCore
import Subprocess
import SystemPackage

/// Keeps one worker process running: bounds the requests in flight, matches answers to requests by
/// id, restarts a worker that dies and re-sends what it had not answered, and gives up with the
/// worker's last stderr lines when it keeps dying or breaks the protocol.
actor WorkerSupervisor {
    private struct Pending {
        var line: Data
        var continuation: CheckedContinuation<ModelResponse, any Error>
    }

    private let command: [String]
    private let maxInFlight: Int
    private let maxRestarts: Int
    private var inFlight = 0
    private var slotWaiters: [CheckedContinuation<Void, Never>] = []
    private var pending: [String: Pending] = [:]
    private var nextID = 0
    private var input: AsyncStream<Data>.Continuation?
    private var worker: Task<Void, Never>?
    private var generation = 0
    private var restarts = 0
    private var broken: RequestFailure?
    private var stderrTail: [String] = []
    private var shuttingDown = false

    init(command: [String], maxInFlight: Int, maxRestarts: Int) {
        self.command = command
        self.maxInFlight = maxInFlight
        self.maxRestarts = maxRestarts
    }

    func ask(_ makeLine: (String) throws -> Data) async throws -> ModelResponse {
        if let broken { throw broken }
        await acquireSlot()
        defer { releaseSlot() }
        if let broken { throw broken }
        nextID += 1
        let id = String(nextID)
        let line = try makeLine(id)
        startIfNeeded()
        return try await withCheckedThrowingContinuation { continuation in
            pending[id] = Pending(line: line, continuation: continuation)
            input?.yield(line)
        }
    }

    func shutdown() async {
        shuttingDown = true
        input?.finish()
        await worker?.value
        worker = nil
    }

    private func acquireSlot() async {
        if inFlight < maxInFlight {
            inFlight += 1
            return
        }
        await withCheckedContinuation { slotWaiters.append($0) }
    }

    private func releaseSlot() {
        if slotWaiters.isEmpty {
            inFlight -= 1
        } else {
            slotWaiters.removeFirst().resume()
        }
    }

    private func startIfNeeded() {
        guard worker == nil, broken == nil else { return }
        generation += 1
        let (stream, continuation) = AsyncStream<Data>.makeStream()
        input = continuation
        let command = command
        let generation = generation
        // The task holds the supervisor until the worker ends; `shutdown` ends it.
        worker = Task {
            let outcome = await Self.runWorker(command: command, requests: stream) { event in
                await self.handle(event, generation: generation)
            }
            self.workerEnded(outcome, generation: generation)
        }
    }

    enum Event: Sendable {
        case stdout(String, line: Int)
        case stderr(String)
    }

    /// Runs the worker until its standard output closes; returns how it ended.
    private static func runWorker(
        command: [String], requests: AsyncStream<Data>, onEvent: @escaping @Sendable (Event) async -> Bool
    ) async -> String {
        let executable: Executable = command[0].contains("/") ? .path(FilePath(command[0])) : .name(command[0])
        do {
            let result = try await Subprocess.run(
                executable, arguments: Arguments(Array(command.dropFirst())), input: .inputWriter, output: .sequence,
                error: .sequence
            ) { execution in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for await line in requests { _ = try await execution.standardInputWriter.write(Array(line)) }
                        try await execution.standardInputWriter.finish()
                    }
                    group.addTask {
                        for try await line in execution.standardError.strings(separatedBy: .unicodeScalarSequence("\n".unicodeScalars)) {
                            _ = await onEvent(.stderr(line))
                        }
                    }
                    var lineNumber = 0
                    for try await line in execution.standardOutput.strings(
                        separatedBy: .unicodeScalarSequence("\n".unicodeScalars), bufferingPolicy: .maxLineLength(64 << 20))
                    {
                        lineNumber += 1
                        guard await onEvent(.stdout(line, line: lineNumber)) else {
                            try? execution.send(signal: .kill)
                            break
                        }
                    }
                    group.cancelAll()
                    try? await group.waitForAll()
                }
            }
            return "exited with \(result.terminationStatus)"
        } catch {
            return "could not run: \(error)"
        }
    }

    /// Handles one line from the worker; returns false when the worker broke the protocol.
    private func handle(_ event: Event, generation: Int) -> Bool {
        switch event {
        case .stderr(let line):
            stderrTail.append(line)
            if stderrTail.count > 20 { stderrTail.removeFirst(stderrTail.count - 20) }
            return true
        case .stdout(let line, let number):
            guard generation == self.generation else { return true }
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { return true }
            guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(trimmed.utf8)),
                let object = value.objectValue, let id = object["id"]?.stringValue
            else {
                let excerpt = trimmed.count > 120 ? String(trimmed.prefix(120)) + "…" : trimmed
                fail(with: RequestFailure(
                    .worker, "worker protocol error: output line \(number) is not a JSON object with an \"id\": \(excerpt)\(stderrNote)"))
                return false
            }
            guard let entry = pending.removeValue(forKey: id) else { return true }
            if let message = object["error"]?.stringValue {
                entry.continuation.resume(throwing: RequestFailure(.other, "worker: \(message)"))
            } else if let text = object["text"]?.stringValue {
                entry.continuation.resume(returning: ModelResponse(text: text, finishReason: object["finish_reason"]?.stringValue))
            } else {
                entry.continuation.resume(throwing: RequestFailure(.worker, "worker answer \(id) has neither \"text\" nor \"error\""))
            }
            return true
        }
    }

    private func workerEnded(_ outcome: String, generation: Int) {
        guard generation == self.generation else { return }
        worker = nil
        input?.finish()
        input = nil
        guard !shuttingDown, broken == nil, !pending.isEmpty else { return }
        restarts += 1
        guard restarts <= maxRestarts else {
            fail(with: RequestFailure(
                .worker, "the worker \(outcome), \(restarts) times with requests unanswered; giving up\(stderrNote)"))
            return
        }
        startIfNeeded()
        for entry in pending.values.sorted(by: { $0.line.count < $1.line.count }) { input?.yield(entry.line) }
    }

    private func fail(with failure: RequestFailure) {
        broken = failure
        for entry in pending.values { entry.continuation.resume(throwing: failure) }
        pending.removeAll()
        input?.finish()
    }

    private var stderrNote: String {
        stderrTail.isEmpty ? "" : "; worker stderr: " + stderrTail.suffix(5).joined(separator: " | ")
    }
}
