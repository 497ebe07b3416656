import Foundation

/// Writing to the terminal: results to standard output, diagnostics to standard error.
enum Terminal {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
