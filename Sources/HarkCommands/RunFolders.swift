import ArgumentParser
import Foundation
import HarkRecords

/// `--results`, the folder runs are found in and written to, shared by every command that names
/// runs.
struct RunFolders: ParsableArguments {
    @Option(help: "Where runs are found and written.")
    var results = "results"

    /// A run named on the command line: a name under `--results`, or a path.
    func locate(_ reference: String) -> RunDirectory {
        RunDirectory.locate(reference, resultsRoot: WorkingDirectory.url(results), base: WorkingDirectory.url)
    }

    /// The folder of a new run called `name`.
    func folder(named name: String) -> RunDirectory {
        RunDirectory(WorkingDirectory.url(results).appendingPathComponent(name))
    }
}
