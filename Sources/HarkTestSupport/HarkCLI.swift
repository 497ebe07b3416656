public import Foundation
import Synchronization

/// Runs the built `hark` executable the way a user does, for end-to-end tests.
public enum HarkCLI {
    public struct Output: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String

        public init(status: Int32, stdout: String, stderr: String) {
            self.status = status
            self.stdout = stdout
            self.stderr = stderr
        }
    }

    /// The package's root folder (the one holding Package.swift).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `hark` binary beside the running test bundle, or `HARK_BINARY` when set.
    public static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["HARK_BINARY"] { return URL(fileURLWithPath: path) }
        let runner = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        var directory = runner.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("hark")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/hark")
    }

    /// Runs `hark` with the arguments in `directory` (the package root by default) and waits for it.
    /// Its output goes to files, not pipes, so that a chatty process never blocks on a full pipe.
    public static func run(_ arguments: [String], in directory: URL = packageRoot) throws -> Output {
        let scratch = try TemporaryDirectory(prefix: "hark-cli")
        defer { scratch.remove() }
        let outURL = try scratch.write("", to: "stdout")
        let errURL = try scratch.write("", to: "stderr")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: try String(contentsOf: outURL, encoding: .utf8),
            stderr: try String(contentsOf: errURL, encoding: .utf8))
    }

    /// Starts `hark` without waiting for it, for tests that signal or kill it: standard output goes
    /// to `stdout` when given (else it is discarded), standard error to `stderr` when given.
    public static func start(
        _ arguments: [String], in directory: URL = packageRoot, stdout: Pipe? = nil, stderr: URL? = nil
    ) throws -> Process {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdout ?? FileHandle.nullDevice
        if let stderr {
            _ = FileManager.default.createFile(atPath: stderr.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: stderr)
        } else {
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        return process
    }

    /// The first line written to `pipe`, once it is written (nil if the writer closes it first).
    public static func firstLine(of pipe: Pipe) async -> String? {
        await withCheckedContinuation { (read: CheckedContinuation<String?, Never>) in
            DispatchQueue.global().async {
                var bytes = Data()
                while !bytes.contains(UInt8(ascii: "\n")) {
                    let chunk = pipe.fileHandleForReading.availableData
                    if chunk.isEmpty { break }
                    bytes.append(chunk)
                }
                let text = String(decoding: bytes, as: UTF8.self)
                read.resume(returning: bytes.isEmpty ? nil : String(text.prefix { $0 != "\n" }))
            }
        }
    }

    /// Waits for a started process to exit, killing it after `seconds` (a hang ends the test instead
    /// of stalling it); returns its status and whether it had to be killed.
    public static func waitForExit(_ process: Process, within seconds: Double) async -> (status: Int32, killed: Bool) {
        let pid = process.processIdentifier
        let killed = Mutex(false)
        let watchdog = Task {
            try await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
            killed.withLock { $0 = true }
            kill(pid, SIGKILL)
        }
        await withCheckedContinuation { (exited: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                process.waitUntilExit()
                exited.resume()
            }
        }
        watchdog.cancel()
        return (process.terminationStatus, killed.withLock { $0 })
    }
}
