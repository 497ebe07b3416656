public import Foundation
import HarkAudio
public import HarkCore
import Synchronization

/// What one command knows of the clips it has read: each file's SHA-256 (read whole once, for the
/// fingerprint) and duration (from the header, for the plan), reused by whoever asks again. Keyed by path, size and
/// modification time, so that a clip changed in between is read again.
public final class ClipCatalog: Sendable {
    private struct Stamp: Hashable {
        var path: String
        var size: Int64
        var modifiedSeconds: Int
        var modifiedNanoseconds: Int
    }

    private let known = Mutex<[Stamp: (sha256: String, seconds: Double?)]>([:])

    public init() {}

    /// Reads the hashes and durations of `urls` over the cores, for the calls that follow; a clip
    /// that cannot be read is left for them to report.
    public func prefetch(_ urls: [URL]) {
        let counter = ReadCounter.current
        DispatchQueue.concurrentPerform(iterations: urls.count) { position in
            ReadCounter.$current.withValue(counter) { _ = try? entry(urls[position], withDuration: true) }
        }
    }

    /// The clip's SHA-256.
    public func sha256(_ url: URL) throws -> String {
        try entry(url, withDuration: false).sha256
    }

    /// The clip's SHA-256 and duration (read from its header).
    public func clip(_ url: URL, path: String) throws -> Clip {
        let entry = try entry(url, withDuration: true)
        return Clip(path: path, sha256: entry.sha256, seconds: entry.seconds ?? 0, location: url)
    }

    private func entry(_ url: URL, withDuration: Bool) throws -> (sha256: String, seconds: Double?) {
        let stamp = try Self.stamp(url)
        let known = known.withLock { $0[stamp] }
        let sha256: String
        if let hashed = known?.sha256 {
            sha256 = hashed
        } else {
            ReadCounter.count(.clipHash)
            sha256 = try ContentHash.sha256(fileAt: url)
            // Kept even if the header below cannot be read.
            self.known.withLock { $0[stamp] = (sha256, nil) }
        }
        var seconds = known?.seconds
        if withDuration, seconds == nil {
            ReadCounter.count(.clipHeader)
            let info = try AudioFile.info(url)
            seconds = Double(info.frames) / Double(max(info.sampleRate, 1))
        }
        self.known.withLock { $0[stamp] = (sha256, seconds) }
        return (sha256, seconds)
    }

    /// One `stat` of the file (what FileManager's attributes cost many times over). The path is
    /// standardized only when it has `.` or `..` in it: a suite's clip URLs are standardized already.
    private static func stamp(_ url: URL) throws -> Stamp {
        let written = url.path
        let path = written.contains("/.") ? url.standardizedFileURL.path : written
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw HarkError.badInput(
                "cannot read the clip: \(String(cString: strerror(errno)))", at: SourceLocation(file: path))
        }
        return Stamp(
            path: path, size: Int64(info.st_size), modifiedSeconds: info.st_mtim.tv_sec,
            modifiedNanoseconds: info.st_mtim.tv_nsec)
    }
}
