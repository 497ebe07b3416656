public import Foundation

/// A clip as requests send it: its WAV bytes in base64 (which JSON needs no escaping for), encoded
/// once per clip and shared by every request that sends it (`Data` is copied on write only).
public struct EncodedClip: Sendable, Hashable {
    public let base64: Data

    public init(wav: Data) {
        base64 = wav.base64EncodedData()
    }

    /// The bytes held.
    public var byteCount: Int { base64.count }
}
