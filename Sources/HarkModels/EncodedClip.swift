public import Foundation
public import NIOCore

/// A clip as requests send it: its WAV bytes in base64 (which JSON needs no escaping for), encoded
/// once per clip and shared by every request that sends it — copies of a `ByteBuffer` share its
/// storage, so a request holds no bytes of its own for its clips.
public struct EncodedClip: Sendable, Hashable {
    public let base64: ByteBuffer

    public init(wav: Data) {
        base64 = ByteBuffer(bytes: wav.base64EncodedData())
    }

    /// The bytes held.
    public var byteCount: Int { base64.readableBytes }

    /// The base64 text's length for a WAV of `wavBytes` bytes.
    public static func byteCount(wavBytes: Int) -> Int { (wavBytes + 2) / 3 * 4 }
}
