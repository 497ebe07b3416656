public import Foundation
import HarkCommands
public import HarkTestSupport
import Synchronization

/// Runs `hark` commands in this process, as the executable would, with their output captured and
/// their relative paths read against a folder of the test's own; tests run them in parallel. Tests
/// where the process is the point (signals, exit of the process, `--version` of the binary) use
/// `HarkCLI`, which spawns the built binary.
public enum CLI {
    /// Runs `hark` with the arguments in `directory` (the package root by default).
    public static func run(_ arguments: [String], in directory: URL = HarkCLI.packageRoot) async -> HarkCLI.Output {
        let output = Mutex("")
        let error = Mutex("")
        let context = CommandContext(
            workingDirectory: directory,
            output: { line in output.withLock { $0 += line + "\n" } },
            error: { line in error.withLock { $0 += line + "\n" } })
        let status = await CommandContext.$current.withValue(context) { await HarkCommandLine.run(arguments) }
        return HarkCLI.Output(status: status, stdout: output.withLock { $0 }, stderr: error.withLock { $0 })
    }
}
