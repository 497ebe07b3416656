import Foundation
public import HarkCore

/// The signals a listening control sends instead of a clip: of the clip's length, channels and rate.
public enum ControlSignals {
    /// `buffer`'s shape filled with `substitute`; `key` (the clip's hash) varies the noise by clip,
    /// so that every clip gets noise of its own and the same clip the same noise on every run.
    public static func substitute(_ substitute: AudioSubstitute, shapedLike buffer: AudioBuffer, key: String)
        -> AudioBuffer
    {
        switch substitute {
        case .silence:
            return AudioBuffer(
                samples: [Float](repeating: 0, count: buffer.samples.count), channels: buffer.channels,
                sampleRate: buffer.sampleRate)
        case .pinkNoise(let dBFS, let seed):
            // Each channel pink on its own, interleaved.
            var samples = [Float](repeating: 0, count: buffer.samples.count)
            for channel in 0..<buffer.channels {
                var generator = SplitMix64(seed: StableHash.value(key + "#\(channel)", seed: seed))
                let noise = pinkNoise(count: buffer.frames, rmsDBFS: dBFS, generator: &generator)
                for (frame, value) in noise.enumerated() { samples[frame * buffer.channels + channel] = value }
            }
            return AudioBuffer(samples: samples, channels: buffer.channels, sampleRate: buffer.sampleRate)
        }
    }

    /// Pink (1/f) noise by Paul Kellet's economy filter over uniform white noise, scaled to an RMS
    /// of `rmsDBFS` and clipped to [-1, 1].
    public static func pinkNoise(count: Int, rmsDBFS: Double, generator: inout SplitMix64) -> [Float] {
        var (b0, b1, b2) = (0.0, 0.0, 0.0)
        var values = [Double](repeating: 0, count: count)
        var sumOfSquares = 0.0
        for index in 0..<count {
            let white = Double(generator.next() >> 11) / Double(1 << 52) - 1
            b0 = 0.99765 * b0 + white * 0.0990460
            b1 = 0.96300 * b1 + white * 0.2965164
            b2 = 0.57000 * b2 + white * 1.0526913
            let pink = b0 + b1 + b2 + white * 0.1848
            values[index] = pink
            sumOfSquares += pink * pink
        }
        guard count > 0, sumOfSquares > 0 else { return [Float](repeating: 0, count: count) }
        let target = pow(10, rmsDBFS / 20)
        let scale = target / (sumOfSquares / Double(count)).squareRoot()
        return values.map { Float(max(-1, min(1, $0 * scale))) }
    }
}
