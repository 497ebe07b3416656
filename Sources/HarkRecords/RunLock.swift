import Foundation
import HarkCore

#if canImport(Glibc)
    import Glibc
#endif

/// The one writer of a run folder: an advisory `flock` on `<run>/.lock`, held by `run`, `score`,
/// `judge` and `merge` while they write, and let go when released or when the process ends (the
/// kernel drops a dead process's lock, so a killed run never leaves the folder locked). A second
/// writer is refused at once, with the holder's pid.
public final class RunLock: @unchecked Sendable {
    private let descriptor: Int32

    /// Takes the lock of `directory` (made if need be, unless `creating` is false: then a missing
    /// folder is an error), or throws naming the process that holds it.
    public init(_ directory: RunDirectory, creating: Bool = true) throws {
        if creating {
            try directory.create()
        } else if !FileManager.default.fileExists(atPath: directory.url.path) {
            throw HarkError.badInput("no such run folder", at: SourceLocation(file: directory.url.path))
        }
        let path = directory.url.appendingPathComponent(".lock").path
        let descriptor = open(path, O_RDWR | O_CREAT, 0o644)
        guard descriptor >= 0 else {
            throw HarkError(
                .internal, "the run folder's lock could not be opened: \(String(cString: strerror(errno)))",
                at: SourceLocation(file: path))
        }
        var result = flock(descriptor, LOCK_EX | LOCK_NB)
        while result != 0, errno == EINTR { result = flock(descriptor, LOCK_EX | LOCK_NB) }
        guard result == 0 else {
            guard errno == EWOULDBLOCK else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw HarkError(
                    .internal, "the run folder could not be locked: \(reason)", at: SourceLocation(file: path))
            }
            var buffer = [UInt8](repeating: 0, count: 32)
            let count = pread(descriptor, &buffer, 32, 0)
            let holder = String(decoding: buffer.prefix(max(0, count)), as: UTF8.self).trimmingCharacters(
                in: .whitespacesAndNewlines)
            close(descriptor)
            throw HarkError.badInput(
                "another hark process\(holder.isEmpty ? "" : " (pid \(holder))") is writing this run folder; wait for it, or use another --run",
                at: SourceLocation(file: directory.url.path))
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pwrite(descriptor, pid, pid.count, 0)
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
