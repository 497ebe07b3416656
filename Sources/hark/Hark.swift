import ArgumentParser
import HarkCore

@main
struct Hark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hark",
        abstract: "An evaluation harness for audio-aware large language models.",
        version: HarkVersion.description,
        subcommands: [Validate.self, Run.self, Merge.self, MockServerCommand.self])
}
