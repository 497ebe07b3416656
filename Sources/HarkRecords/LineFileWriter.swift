public import Foundation
import HarkCore

/// Writes a file of lines through a temporary sibling of this process and a rename, buffered in
/// 1 MiB blocks (each sent on to the disk as it is written: `WriteBack`): a crash leaves the old file or the new one, never a mix, and no reader sees a
/// half-written file. A write that fails removes the temporary file and names the target.
public final class LineFileWriter {
    private let target: URL
    private let temporary: URL
    private let handle: FileHandle
    private var writeBack: WriteBack
    private var buffer = Data()
    private var committed = false

    public init(replacing target: URL) throws {
        self.target = target
        temporary = target.deletingLastPathComponent().appendingPathComponent(
            ".\(target.lastPathComponent).\(getpid()).writing")
        Self.removeAbandoned(beside: target)
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw HarkError(
                .internal, "cannot create a file beside it: \(String(cString: strerror(errno)))",
                at: SourceLocation(file: target.path))
        }
        do {
            handle = try FileHandle(forWritingTo: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw HarkError.writeFailed("open a file beside", target.path, error)
        }
        writeBack = WriteBack(descriptor: handle.fileDescriptor, from: 0)
    }

    /// Removes temporary files of `target` left by processes that were killed mid-write (their pid
    /// no longer runs); a live writer's file is left alone.
    static func removeAbandoned(beside target: URL) {
        let folder = target.deletingLastPathComponent()
        let prefix = ".\(target.lastPathComponent)."
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        where name.hasPrefix(prefix) && name.hasSuffix(".writing") {
            let pid = name.dropFirst(prefix.count).dropLast(".writing".count)
            guard let number = pid_t(pid), kill(number, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    deinit {
        if !committed {
            try? handle.close()
            try? FileManager.default.removeItem(at: temporary)
        }
    }

    /// Appends one line (the newline is added).
    public func write(_ line: Data) throws {
        buffer.append(line)
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count > 1 << 20 { try flush() }
    }

    /// Writes what is buffered and puts the file in place of the target.
    public func commit() throws {
        try flush()
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw HarkError.writeFailed("write", target.path, error)
        }
        guard rename(temporary.path, target.path) == 0 else {
            throw HarkError(
                .internal, "cannot write the file: \(String(cString: strerror(errno)))",
                at: SourceLocation(file: target.path))
        }
        committed = true
    }

    private func flush() throws {
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw HarkError.writeFailed("write", target.path, error)
        }
        writeBack.wrote(buffer.count)
        buffer.removeAll(keepingCapacity: true)
    }
}
