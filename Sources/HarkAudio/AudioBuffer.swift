/// Decoded audio: interleaved 32-bit float samples in [-1, 1] at a sample rate.
public struct AudioBuffer: Sendable, Hashable {
    /// Interleaved samples: frame 0 channel 0, frame 0 channel 1, ..., frame 1 channel 0, ...
    public var samples: [Float]
    public var channels: Int
    public var sampleRate: Int

    public init(samples: [Float], channels: Int, sampleRate: Int) {
        precondition(channels > 0 && samples.count % channels == 0, "samples must hold whole frames")
        self.samples = samples
        self.channels = channels
        self.sampleRate = sampleRate
    }

    public var frames: Int { samples.count / channels }

    public var duration: Double { Double(frames) / Double(sampleRate) }

    /// The average of the channels, as librosa's `to_mono` makes it.
    public func mono() -> AudioBuffer {
        guard channels > 1 else { return self }
        let frameCount = frames
        let mixed = [Float](unsafeUninitializedCapacity: frameCount) { output, initialized in
            samples.withUnsafeBufferPointer { input in Downmix.average(input, channels: channels, into: output) }
            initialized = frameCount
        }
        return AudioBuffer(samples: mixed, channels: 1, sampleRate: sampleRate)
    }
}

/// Averages interleaved channels into one.
enum Downmix {
    /// Writes the mean of each frame of `input` to `output`, which holds at least as many frames;
    /// summed in channel order, then divided, as numpy's `mean` does for a few channels.
    static func average(
        _ input: UnsafeBufferPointer<Float>, channels: Int, into output: UnsafeMutableBufferPointer<Float>
    ) {
        let frames = input.count / channels
        let count = Float(channels)
        if channels == 2 {
            for frame in 0..<frames { output[frame] = (input[2 * frame] + input[2 * frame + 1]) / count }
            return
        }
        for frame in 0..<frames {
            var sum: Float = 0
            for channel in 0..<channels { sum += input[frame * channels + channel] }
            output[frame] = sum / count
        }
    }
}
