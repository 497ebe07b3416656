public import Foundation

/// The path from a clip on disk to the bytes a model receives: decode, downmix to mono, resample,
/// encode as 16-bit PCM WAV. Configured once per run.
public struct AudioPipeline: Sendable, Hashable {
    public var sampleRate: Int
    public var mono: Bool
    public var resampler: Resampler

    public init(sampleRate: Int = 16_000, mono: Bool = true, quality: Resampler.Quality = .high) {
        self.sampleRate = sampleRate
        self.mono = mono
        self.resampler = Resampler(quality: quality)
    }

    /// The decoded, downmixed and resampled clip. The file is decoded, downmixed and resampled block
    /// by block, so that only the output is held whole in memory.
    public func prepare(_ url: URL) throws(AudioError) -> AudioBuffer {
        let decoder = try ClipDecoder(url)
        let channels = decoder.channels
        let outputChannels = mono ? 1 : channels
        let stream =
            decoder.sampleRate == sampleRate
            ? nil
            : try ResamplerStream(
                from: decoder.sampleRate, to: sampleRate, channels: outputChannels, quality: resampler.quality)
        let expected = Resampler.outputFrames(
            min(decoder.announcedFrames, 1 << 27), from: decoder.sampleRate, to: sampleRate)
        var output: [Float] = []
        output.reserveCapacity((expected + 64) * outputChannels)
        var mixed = [Float](repeating: 0, count: outputChannels == channels ? 0 : ClipDecoder.blockFrames)
        do {
            try decoder.forEachBlock { block throws(AudioError) in
                if outputChannels == channels {
                    if let stream { try stream.process(block, into: &output) } else { output.append(contentsOf: block) }
                    return
                }
                let frames = block.count / channels
                mixed.withUnsafeMutableBufferPointer { mixed in Downmix.average(block, channels: channels, into: mixed)
                }
                try mixed.withUnsafeBufferPointer { mixed throws(AudioError) in
                    let frameSlice = UnsafeBufferPointer(rebasing: mixed[..<frames])
                    if let stream {
                        try stream.process(frameSlice, into: &output)
                    } else {
                        output.append(contentsOf: frameSlice)
                    }
                }
            }
            guard let stream else {
                return AudioBuffer(samples: output, channels: outputChannels, sampleRate: sampleRate)
            }
            try stream.finish(into: &output)
        } catch {
            throw AudioError(url: url, reason: error.reason)
        }
        return Resampler.fitted(
            output, frames: decoder.framesRead, from: decoder.sampleRate, to: sampleRate, channels: outputChannels)
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
