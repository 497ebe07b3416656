public import Foundation

/// The path from a clip on disk to the bytes a model receives: decode, downmix to mono, resample,
/// encode as 16-bit PCM WAV. Configured once per run; each clip goes through it once.
public struct AudioPipeline: Sendable, Hashable {
    public var sampleRate: Int
    public var mono: Bool
    public var resampler: Resampler

    public init(sampleRate: Int = 16_000, mono: Bool = true, quality: Resampler.Quality = .high) {
        self.sampleRate = sampleRate
        self.mono = mono
        self.resampler = Resampler(quality: quality)
    }

    /// The decoded, downmixed and resampled clip.
    public func prepare(_ url: URL) throws(AudioError) -> AudioBuffer {
        var buffer = try AudioFile.read(url)
        if mono { buffer = buffer.mono() }
        do {
            return try resampler.resample(buffer, to: sampleRate)
        } catch {
            throw AudioError(url: url, reason: error.reason)
        }
    }

    /// The clip as WAV bytes, ready to send.
    public func wav(_ url: URL) throws(AudioError) -> Data {
        let buffer = try prepare(url)
        do {
            return try WAVEncoder.pcm16(buffer)
        } catch {
            throw AudioError(url: url, reason: error.reason)
        }
    }
}
