import Foundation

/// Writing to the terminal: results to standard output, diagnostics to standard error.
enum Terminal {
    /// Writes a line to standard output at once (no buffering), for output other programs wait on.
    static func output(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
