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
        let channelCount = channels
        let frameCount = frames
        let scale = 1 / Float(channelCount)
        let mixed = [Float](unsafeUninitializedCapacity: frameCount) { output, initialized in
            samples.withUnsafeBufferPointer { input in
                for frame in 0..<frameCount {
                    let base = frame * channelCount
                    var sum: Float = 0
                    for channel in 0..<channelCount { sum += input[base + channel] }
                    output[frame] = sum * scale
                }
            }
            initialized = frameCount
        }
        return AudioBuffer(samples: mixed, channels: 1, sampleRate: sampleRate)
    }
}
