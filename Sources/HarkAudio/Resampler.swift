/// Sample-rate conversion with libsoxr, the resampler librosa (`soxr_hq`, its default) and vLLM use,
/// so that hark sends a model what a Python pipeline would.
public struct Resampler: Sendable, Hashable {
    /// libsoxr's quality recipes.
    public enum Quality: String, Sendable, Hashable, CaseIterable, Codable {
        case quick, low, medium, high
        case veryHigh = "very-high"

        var recipe: UInt {
            switch self {
            case .quick: 0  // SOXR_QQ
            case .low: 1  // SOXR_LQ
            case .medium: 2  // SOXR_MQ
            case .high: 4  // SOXR_HQ = SOXR_20_BITQ
            case .veryHigh: 6  // SOXR_VHQ = SOXR_28_BITQ
            }
        }
    }

    public var quality: Quality

    public init(quality: Quality = .high) {
        self.quality = quality
    }

    /// The number of frames a resampled clip has: ⌈frames × to / from⌉, as `librosa.resample` fixes it.
    public static func outputFrames(_ frames: Int, from sourceRate: Int, to targetRate: Int) -> Int {
        (frames * targetRate + sourceRate - 1) / sourceRate
    }

    /// Converts `buffer` to `targetRate`, keeping its channels. A buffer already at that rate is
    /// returned as it is.
    public func resample(_ buffer: AudioBuffer, to targetRate: Int) throws(AudioError) -> AudioBuffer {
        guard buffer.sampleRate != targetRate else { return buffer }
        let stream = try ResamplerStream(
            from: buffer.sampleRate, to: targetRate, channels: buffer.channels, quality: quality)
        var output: [Float] = []
        output.reserveCapacity(
            (Self.outputFrames(buffer.frames, from: buffer.sampleRate, to: targetRate) + 64) * buffer.channels)
        try buffer.samples.withUnsafeBufferPointer { samples throws(AudioError) in
            try stream.process(samples, into: &output)
        }
        try stream.finish(into: &output)
        return Self.fitted(
            output, frames: buffer.frames, from: buffer.sampleRate, to: targetRate, channels: buffer.channels)
    }

    /// Pads with silence or trims to exactly `outputFrames(frames, from:to:)` frames.
    static func fitted(_ samples: [Float], frames: Int, from sourceRate: Int, to targetRate: Int, channels: Int)
        -> AudioBuffer
    {
        var samples = samples
        let wanted = outputFrames(frames, from: sourceRate, to: targetRate) * channels
        if samples.count > wanted {
            samples.removeLast(samples.count - wanted)
        } else if samples.count < wanted {
            samples.append(contentsOf: repeatElement(0, count: wanted - samples.count))
        }
        return AudioBuffer(samples: samples, channels: channels, sampleRate: targetRate)
    }
}
