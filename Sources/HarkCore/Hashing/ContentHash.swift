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

    /// The digest of a file's bytes, read in chunks so that large files are not held in memory.
    public static func sha256(fileAt url: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
        }
        return hex(hasher.finalize())
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
