import Foundation

/// What hark reads must be a regular file (a symbolic link to one is followed) of bounded size: a
/// FIFO would block every reader, `/dev/zero` would be hashed for ever.
public enum RegularFile {
    /// The largest clip read, in bytes: 1 GiB, or `HARK_MAX_CLIP_MB` megabytes (read once); a
    /// value that is not a whole number from 1 to 1,048,576 is the message every clip reports.
    public static let maxClipBytes: Result<Int, LimitError> = {
        guard let text = ProcessInfo.processInfo.environment["HARK_MAX_CLIP_MB"] else { return .success(1 << 30) }
        guard let megabytes = Int(text), (1...(1 << 20)).contains(megabytes) else {
            return .failure(
                LimitError(
                    description:
                        "HARK_MAX_CLIP_MB must be a whole number of megabytes from 1 to 1048576, found \"\(text)\""))
        }
        return .success(megabytes << 20)
    }()

    public struct LimitError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Why a path cannot be read as a file.
    public enum Problem: Sendable, Hashable, CustomStringConvertible {
        case missing
        /// What it is instead, or how far over the limit: "is a FIFO (named pipe), not a file".
        case unreadable(String)

        public var description: String {
            switch self {
            case .missing: "no such file"
            case .unreadable(let what): what
            }
        }
    }

    /// Why `path` cannot be read as a file: missing, not a regular file, or over `limit` bytes.
    /// nil when it can.
    public static func problem(at path: String, limit: Int? = nil, limitName: String = "HARK_MAX_CLIP_MB") -> Problem? {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        let what: String? =
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                if let limit, Int(info.st_size) > limit {
                    "is \(Int(info.st_size) >> 20) MB, over the limit of \(limit >> 20) MB (\(limitName))"
                } else {
                    nil
                }
            case S_IFDIR: "is a folder, not a file"
            case S_IFIFO: "is a FIFO (named pipe), not a file"
            case S_IFCHR, S_IFBLK: "is a device, not a file"
            case S_IFSOCK: "is a socket, not a file"
            default: "is not a regular file"
            }
        return what.map(Problem.unreadable)
    }
}
