import Foundation

/// The one truncation libsndfile does not report: a WAV file cut short inside its data chunk reads
/// as a shorter clip (it trusts the file's length over the header's). The header's `data` size
/// says what the file should hold.
enum WAVLength {
    /// How many bytes of audio the header declares and the file holds, when it holds fewer; nil
    /// for a whole file, a file that is not RIFF/WAVE, or a streamed header (size 0 or 0xFFFFFFFF).
    static func shortfall(_ url: URL) -> (declared: Int, present: Int)? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        // Twelve bytes tell a WAV file; only then are its chunk headers read.
        guard let magic = try? handle.read(upToCount: 12), magic.count == 12,
            magic.prefix(4) == Data("RIFF".utf8), magic.suffix(4) == Data("WAVE".utf8),
            let fileSize = try? handle.seekToEnd(), (try? handle.seek(toOffset: 0)) != nil,
            let head = try? handle.read(upToCount: 1 << 20)
        else { return nil }
        var offset = 12
        while offset + 8 <= head.count {
            let size = head[(offset + 4)..<(offset + 8)].reversed().reduce(0) { $0 << 8 | Int($1) }
            if head[offset..<(offset + 4)] == Data("data".utf8) {
                guard size != 0, size != 0xFFFF_FFFF else { return nil }
                let present = Int(fileSize) - (offset + 8)
                return present < size ? (size, max(0, present)) : nil
            }
            offset += 8 + size + (size & 1)
        }
        return nil
    }
}
