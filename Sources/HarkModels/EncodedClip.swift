public import Foundation
import NIOCore
import NIOFoundationCompat

/// A clip as requests send it: its WAV bytes in base64 (which JSON needs no escaping for), encoded
/// once per clip and shared by every request that sends it: a request body holds the buffer, not
/// a copy of it.
public struct EncodedClip: Sendable, Hashable {
    let buffer: ByteBuffer

    public init(wav: Data) {
        buffer = ByteBuffer(data: wav.base64EncodedData())
    }

    /// The base64 text's bytes (a copy).
    public var base64: Data { Data(buffer: buffer) }

    /// The bytes held.
    public var byteCount: Int { buffer.readableBytes }
}
