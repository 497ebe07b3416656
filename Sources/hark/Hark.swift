import ArgumentParser
import Foundation
import HarkApp
import HarkAudio
import HarkCore
import HarkRecords

@main
struct Hark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hark",
        abstract: "An evaluation harness for audio-aware large language models.",
        version: HarkVersion.description,
        subcommands: [
            DemoCommand.self, Validate.self, Probes.self, Import.self, Run.self, Judge.self, Score.self, Report.self,
            Compare.self, GateCommand.self, Merge.self, MockServerCommand.self,
        ])

    /// Runs the command and turns every error into its exit code (`ExitStatus`): argument errors
    /// are usage errors (2, where ArgumentParser alone would end with 64), an `ExitCode` a command
    /// throws is kept, and anything hark does not know is internal (4).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as HarkError {
            for diagnostic in error.diagnostics { Terminal.error(diagnostic.description) }
            Terminal.error("hark: " + error.description)
            Self.exit(withError: ExitCode(error.exitCode))
        } catch {
            // Help, version and a command's own exit code pass through as ArgumentParser has them.
            if error is ExitCode || exitCode(for: error) == .success { exit(withError: error) }
            if exitCode(for: error) == .validationFailure {
                Terminal.error(fullMessage(for: error))
                Self.exit(withError: ExitCode(ExitStatus.badInput.rawValue))
            }
            Terminal.error("hark: " + Self.describe(error))
            Self.exit(withError: ExitCode(ExitStatus.of(error).rawValue))
        }
    }

    /// An error in words: hark's own description, else the system's, never a Swift type dump.
    static func describe(_ error: any Error) -> String {
        switch error {
        case let error as AudioError: error.description
        case let error as CocoaError: error.localizedDescription
        default: "internal error: \(String(describing: error))"
        }
    }
}
