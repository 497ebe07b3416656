import ArgumentParser
import Foundation
import HarkAudio
import HarkCore

@main
struct Hark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hark",
        abstract: "An evaluation harness for audio-aware large language models.",
        version: HarkVersion.description,
        subcommands: [DemoCommand.self, Validate.self, Probes.self, Import.self, Run.self, Judge.self, Score.self, Report.self, Compare.self, GateCommand.self, Merge.self, MockServerCommand.self])

    /// Runs the command and turns hark's errors into its exit codes: 2 bad input or usage (argument
    /// errors included, which ArgumentParser alone would end with 64), 3 incomplete, 4 internal.
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
        } catch let error as AudioError {
            Terminal.error("hark: " + error.description)
            Self.exit(withError: ExitCode(2))
        } catch let error as CocoaError {
            Terminal.error("hark: " + error.localizedDescription)
            Self.exit(withError: ExitCode(2))
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            Terminal.error(fullMessage(for: error))
            Self.exit(withError: ExitCode(2))
        }
    }
}
