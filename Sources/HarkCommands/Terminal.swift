public import Foundation

/// Where a command runs: the folder its relative paths are read against, and where its output
/// goes. The process's own (`process`) unless a caller runs the command in-process with another,
/// bound for the task (`CommandContext.$current`): tests run commands that way, in parallel, each
/// in a folder of its own.
public struct CommandContext: Sendable {
    public var workingDirectory: URL
    public var output: @Sendable (String) -> Void
    public var error: @Sendable (String) -> Void
    /// Whether the command owns the process (`process` alone): it may then handle signals and draw
    /// on the terminal.
    public private(set) var ownsProcess: Bool
    /// The command's arguments, without the program name (set by `Hark.run`).
    public var arguments: [String] = []

    public init(
        workingDirectory: URL, output: @escaping @Sendable (String) -> Void,
        error: @escaping @Sendable (String) -> Void,
        ownsProcess: Bool = false
    ) {
        self.workingDirectory = workingDirectory
        self.output = output
        self.error = error
        self.ownsProcess = ownsProcess
    }

    /// The process's working directory, standard output and standard error, written at once.
    public static let process = CommandContext(
        workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true),
        output: { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) },
        error: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }, ownsProcess: true)

    @TaskLocal public static var current = CommandContext.process

    /// A path as given on the command line, read against the working directory.
    public func url(_ path: String) -> URL {
        URL(fileURLWithPath: path, relativeTo: workingDirectory).standardizedFileURL
    }

    /// `url(path).path`: for the library calls that take paths as strings.
    public func path(_ path: String) -> String { url(path).path }
}

/// Writing to the command's terminal: results to its output, diagnostics to its error stream.
enum Terminal {
    static func output(_ line: String) { CommandContext.current.output(line) }
    static func error(_ line: String) { CommandContext.current.error(line) }
}

/// The command's working directory, for reading the paths it was given (`CommandContext.current`).
enum WorkingDirectory {
    static var url: URL { CommandContext.current.workingDirectory }
    static func url(_ path: String) -> URL { CommandContext.current.url(path) }
    static func path(_ path: String) -> String { CommandContext.current.path(path) }
}
