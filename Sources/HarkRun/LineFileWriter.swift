import Foundation
import HarkCore

/// Writes a file of lines through a temporary sibling and a rename, buffered in 1 MiB blocks: a crash
/// leaves the old file or the new one, never a mix.
final class LineFileWriter {
    private let target: URL
    private let temporary: URL
    private let handle: FileHandle
    private var buffer = Data()

    init(replacing target: URL) throws {
        self.target = target
        temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).writing")
        _ = FileManager.default.createFile(atPath: temporary.path, contents: nil)
        handle = try FileHandle(forWritingTo: temporary)
    }

    /// Appends one line (the newline is added).
    func write(_ line: Data) throws {
        buffer.append(line)
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count > 1 << 20 { try flush() }
    }

    /// Writes what is buffered and puts the file in place of the target.
    func commit() throws {
        try flush()
        try handle.synchronize()
        try handle.close()
        guard rename(temporary.path, target.path) == 0 else {
            throw HarkError(.internal, "cannot write the file: \(String(cString: strerror(errno)))", at: SourceLocation(file: target.path))
        }
    }

    private func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
