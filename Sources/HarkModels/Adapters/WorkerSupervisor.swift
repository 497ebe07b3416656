import Foundation
import HarkCore
import Subprocess
import SystemPackage

/// Keeps one worker process running: bounds the requests in flight, matches answers to requests by
/// id, restarts a worker that dies or stops answering and re-sends what it had not answered, and
/// gives up with the worker's last stderr lines when it keeps dying or breaks the protocol. A
/// cancelled request (a timeout, a stopped run) is abandoned at once; the worker runs in a process
/// group of its own, so that stopping it stops what it started.
actor WorkerSupervisor {
    private struct Pending {
        var line: Data
        var sentAt: ContinuousClock.Instant
        var continuation: CheckedContinuation<ModelResponse, any Error>
    }

    /// How long a worker may take to exit once its standard input is closed, and once asked to stop.
    static let exitGrace: Duration = .seconds(5)
    static let stopGrace: Duration = .seconds(2)

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
    /// When the running worker last wrote a line to its standard output (or started).
    private var lastOutput = ContinuousClock.now
    /// Set when the running worker was stopped for writing nothing since a request that timed out.
    private var stalledFor: Duration?
    /// The running worker's process id, which is also its process group's.
    private var workerPID: pid_t?

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
        // Timed out while waiting for a slot: never sent, so nothing to abandon (and no stall).
        try Task.checkCancellation()
        nextID += 1
        let id = String(nextID)
        let line = try makeLine(id)
        startIfNeeded()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                pending[id] = Pending(line: line, sentAt: .now, continuation: continuation)
                input?.yield(line)
            }
        } onCancel: {
            Task { await self.abandon(id) }
        }
    }

    /// Closes the worker's standard input and waits for it to exit; one that outlives the grace is
    /// stopped (SIGTERM to its process group, SIGKILL after `stopGrace`).
    func shutdown() async {
        shuttingDown = true
        input?.finish()
        guard let running = worker else { return }
        if await !workerEnds(within: Self.exitGrace) {
            signalWorker(SIGTERM)
            if await !workerEnds(within: Self.stopGrace) { signalWorker(SIGKILL) }
        }
        await running.value
        worker = nil
    }

    /// Whether the running worker ends within `duration`; a cancelled caller does not wait.
    private func workerEnds(within duration: Duration) async -> Bool {
        let deadline = ContinuousClock.now + duration
        while worker != nil, ContinuousClock.now < deadline, !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(20))
        }
        return worker == nil
    }

    /// Signals the worker's process group; before it has reported its pid, cancels its task
    /// instead (Subprocess then stops it with the same steps).
    private func signalWorker(_ number: Int32) {
        if let workerPID {
            kill(-workerPID, number)
        } else {
            worker?.cancel()
        }
    }

    /// Gives up on a cancelled request. A worker that has written nothing since the request was sent
    /// is taken to be stuck and is stopped; what it still had is re-sent to its successor.
    private func abandon(_ id: String) {
        guard let entry = pending.removeValue(forKey: id) else { return }
        entry.continuation.resume(throwing: CancellationError())
        guard !shuttingDown, worker != nil, lastOutput < entry.sentAt, stalledFor == nil else { return }
        stalledFor = ContinuousClock.now - entry.sentAt
        signalWorker(SIGKILL)
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
        lastOutput = .now
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
        case started(pid_t)
        case stdout(String, line: Int)
        case stderr(String)
    }

    /// Runs the worker until its standard output closes; returns how it ended.
    private static func runWorker(
        command: [String], requests: AsyncStream<Data>, onEvent: @escaping @Sendable (Event) async -> Bool
    ) async -> String {
        let executable: Executable = command[0].contains("/") ? .path(FilePath(command[0])) : .name(command[0])
        var options = PlatformOptions()
        options.processGroupID = 0
        options.teardownSequence = [.gracefulShutDown(toProcessGroup: true, allowedDurationToNextStep: stopGrace)]
        do {
            let result = try await Subprocess.run(
                executable, arguments: Arguments(Array(command.dropFirst())), platformOptions: options,
                input: .inputWriter,
                output: .sequence, error: .sequence
            ) { execution in
                _ = await onEvent(.started(execution.processIdentifier.value))
                return try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for await line in requests { _ = try await execution.standardInputWriter.write(Array(line)) }
                        try await execution.standardInputWriter.finish()
                    }
                    group.addTask {
                        for try await line in execution.standardError.strings(
                            separatedBy: .unicodeScalarSequence("\n".unicodeScalars))
                        {
                            _ = await onEvent(.stderr(line))
                        }
                    }
                    var lineNumber = 0
                    for try await line in execution.standardOutput.strings(
                        separatedBy: .unicodeScalarSequence("\n".unicodeScalars),
                        bufferingPolicy: .maxLineLength(64 << 20))
                    {
                        lineNumber += 1
                        guard await onEvent(.stdout(line, line: lineNumber)) else { break }
                    }
                    // Nothing more can be answered: whatever of the worker still runs is stopped.
                    try? execution.send(signal: .kill, toProcessGroup: true)
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
        case .started(let pid):
            guard generation == self.generation else { return true }
            workerPID = pid
            // Found stuck before it said it had started.
            if stalledFor != nil { signalWorker(SIGKILL) }
            return true
        case .stderr(let line):
            stderrTail.append(line)
            if stderrTail.count > 20 { stderrTail.removeFirst(stderrTail.count - 20) }
            return true
        case .stdout(let line, let number):
            guard generation == self.generation else { return true }
            lastOutput = .now
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { return true }
            guard let value = try? JSONValue.decode(Data(trimmed.utf8)),
                let object = value.objectValue, let id = object["id"]?.stringValue
            else {
                let excerpt = trimmed.count > 120 ? String(trimmed.prefix(120)) + "…" : trimmed
                fail(
                    with: RequestFailure(
                        .worker,
                        "worker protocol error: output line \(number) is not a JSON object with an \"id\": \(excerpt)\(stderrNote)"
                    ))
                return false
            }
            guard let entry = pending.removeValue(forKey: id) else {
                // A late answer to an abandoned request is dropped; an id hark never sent is an error.
                if let number = Int(id), (1...nextID).contains(number) { return true }
                fail(
                    with: RequestFailure(
                        .worker,
                        "worker protocol error: output line \(number) answers id \"\(id)\", which hark never sent\(stderrNote)"
                    ))
                return false
            }
            if let message = object["error"]?.stringValue {
                entry.continuation.resume(throwing: RequestFailure(.other, "worker: \(message)"))
            } else if let text = object["text"]?.stringValue {
                entry.continuation.resume(
                    returning: ModelResponse(text: text, finishReason: object["finish_reason"]?.stringValue))
            } else {
                entry.continuation.resume(
                    throwing: RequestFailure(.worker, "worker answer \(id) has neither \"text\" nor \"error\""))
            }
            return true
        }
    }

    private func workerEnded(_ outcome: String, generation: Int) {
        guard generation == self.generation else { return }
        worker = nil
        workerPID = nil
        input?.finish()
        input = nil
        let stalled = stalledFor
        stalledFor = nil
        guard !shuttingDown, broken == nil, stalled != nil || !pending.isEmpty else { return }
        restarts += 1
        let why = stalled.map { "wrote nothing for \(Self.seconds($0)) s after a request and was stopped" } ?? outcome
        guard restarts <= maxRestarts else {
            fail(
                with: RequestFailure(
                    .worker, "the worker \(why), \(restarts) times with requests unanswered; giving up\(stderrNote)"))
            return
        }
        guard !pending.isEmpty else { return }
        startIfNeeded()
        let now = ContinuousClock.now
        for id in pending.keys.sorted(by: { Int($0) ?? 0 < Int($1) ?? 0 }) {
            pending[id]?.sentAt = now
            if let line = pending[id]?.line { input?.yield(line) }
        }
    }

    private static func seconds(_ duration: Duration) -> String {
        String(format: "%.1f", Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
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
