import ArgumentParser
import Foundation
import HarkApp
import HarkAudio
import HarkCore
import HarkRecords

/// The `hark` command line: the executable is `exit(await HarkCommandLine.run(arguments))`, and
/// tests run the same function in-process with a `CommandContext` of their own.
public enum HarkCommandLine {
    /// Runs the command the arguments name (without the program name) and returns its exit status,
    /// having said every error in words on the context's error stream (`ExitStatus`): argument
    /// errors are usage errors (2, where ArgumentParser alone would end with 64), an `ExitCode` a
    /// command throws is kept, help and `--version` go to the output with 0, and anything hark
    /// does not know is internal (4).
    public static func run(_ arguments: [String]) async -> Int32 {
        var context = CommandContext.current
        context.arguments = arguments
        return await CommandContext.$current.withValue(context) { await execute(arguments) }
    }

    private static func execute(_ arguments: [String]) async -> Int32 {
        do {
            var command = try Hark.parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return 0
        } catch let error as HarkError {
            for diagnostic in error.diagnostics { Terminal.error(diagnostic.description) }
            Terminal.error("hark: " + error.description)
            return error.exitCode
        } catch let error as ExitCode {
            return error.rawValue
        } catch {
            switch Hark.exitCode(for: error) {
            case .success:
                Terminal.output(Hark.fullMessage(for: error))
                return 0
            case .validationFailure:
                Terminal.error(Hark.fullMessage(for: error))
                return ExitStatus.badInput.rawValue
            default:
                Terminal.error("hark: " + describe(error))
                return ExitStatus.of(error).rawValue
            }
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

/// The root command: its subcommands are the tour of the README. Every command names itself:
/// ArgumentParser would derive a name from the type's, through `String(describing:)` and its
/// conformance lookups, for every command at every start (5 ms).
struct Hark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hark",
        abstract: "An evaluation harness for audio-aware large language models.",
        version: HarkVersion.description,
        subcommands: [
            DemoCommand.self, Validate.self, Probes.self, Import.self, Run.self, Judge.self, Score.self, Report.self,
            Compare.self, GateCommand.self, Plan.self, Merge.self, MockServerCommand.self, Synthesize.self,
            Overlap.self,
        ])
}
