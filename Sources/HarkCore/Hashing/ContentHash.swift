import Crypto
public import Foundation

/// SHA-256 digests as lower-case hex, the form hark writes into fingerprints, cache keys and journals.
public enum ContentHash {
    /// The digest of some bytes.
    public static func sha256<Bytes: DataProtocol>(_ bytes: Bytes) -> String {
        hex(SHA256.hash(data: bytes))
    }

    /// The digest of a string's UTF-8 bytes.
    public static func sha256(_ text: String) -> String {
        sha256(Data(text.utf8))
    }

    /// The digest of a file's bytes, read in 64 KiB blocks through one buffer, so that large files
    /// are not held in memory and small ones cost an open, a read or two and a close. (A buffer
    /// over glibc's 128 KiB mmap threshold was mapped and unmapped for every clip, each unmap
    /// flushing the TLBs of every core.)
    public static func sha256(fileAt url: URL) throws -> String {
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw readFailure(url) }
        defer { close(descriptor) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
        defer { buffer.deallocate() }
        var hasher = SHA256()
        while true {
            let count = read(descriptor, buffer.baseAddress, buffer.count)
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw readFailure(url) }
            if count == 0 { break }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[..<count]))
        }
        return hex(hasher.finalize())
    }

    private static func readFailure(_ url: URL) -> HarkError {
        HarkError.badInput(
            "cannot read the file: \(String(cString: strerror(errno)))", at: SourceLocation(file: url.path))
    }

    /// Accumulates a digest over several pieces of text, e.g. a suite's manifest, items and clips.
    public struct Accumulator {
        private var hasher = SHA256()

        public init() {}

        public mutating func add(_ text: String) {
            hasher.update(data: Data(text.utf8))
        }

        public func finalize() -> String {
            ContentHash.hex(hasher.finalize())
        }
    }

    static func hex<Digest: Sequence>(_ digest: Digest) -> String where Digest.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        for byte in digest {
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
