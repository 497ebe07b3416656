internal import CSoxr

/// Sample-rate conversion with libsoxr, the resampler librosa (`soxr_hq`, its default) and vLLM use,
/// so that hark sends a model what a Python pipeline would.
public struct Resampler: Sendable, Hashable {
    /// libsoxr's quality recipes.
    public enum Quality: String, Sendable, Hashable, CaseIterable {
        case quick, low, medium, high, veryHigh = "very-high"

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
        guard targetRate > 0 else {
            throw AudioError(path: "<buffer>", reason: .library("target sample rate must be positive, got \(targetRate)"))
        }
        let channels = buffer.channels
        let outputFrames = Self.outputFrames(buffer.frames, from: buffer.sampleRate, to: targetRate)
        var ioSpec = soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I)
        var qualitySpec = soxr_quality_spec(quality.recipe, 0)
        var failure: soxr_error_t?
        let output = [Float](unsafeUninitializedCapacity: outputFrames * channels) { out, initialized in
            var produced = 0
            failure = buffer.samples.withUnsafeBufferPointer { input in
                soxr_oneshot(
                    Double(buffer.sampleRate), Double(targetRate), UInt32(channels),
                    input.baseAddress, buffer.frames, nil,
                    out.baseAddress, outputFrames, &produced,
                    &ioSpec, &qualitySpec, nil)
            }
            // Pad a short tail with silence so every clip has exactly `outputFrames` frames.
            for index in (produced * channels)..<(outputFrames * channels) { out[index] = 0 }
            initialized = outputFrames * channels
        }
        if let failure {
            throw AudioError(path: "<buffer>", reason: .library("libsoxr: " + String(cString: failure)))
        }
        return AudioBuffer(samples: output, channels: channels, sampleRate: targetRate)
    }
}
