import Foundation

/// What `hark validate` shows of a clip: duration, rate, channels, level and whether it is silent.
public struct AudioStats: Sendable, Hashable, Codable {
    /// A clip whose peak is below this level (dBFS) counts as silent.
    public static let silenceThresholdDBFS = -60.0

    public var duration: Double
    public var sampleRate: Int
    public var channels: Int
    public var frames: Int
    /// The largest absolute sample over all channels, linear in [0, 1].
    public var peak: Double
    /// The root mean square over all samples, in dB relative to full scale (-infinity for digital silence).
    public var rmsDBFS: Double

    public var peakDBFS: Double { Self.decibels(peak) }

    public var isSilent: Bool { peakDBFS < Self.silenceThresholdDBFS }

    public init(_ buffer: AudioBuffer) {
        var peak: Float = 0
        var sumOfSquares: Double = 0
        buffer.samples.withUnsafeBufferPointer { samples in
            // Accumulate squares in blocks of Float, then in Double, to stay exact enough and fast.
            var index = 0
            while index < samples.count {
                let end = min(index + 4096, samples.count)
                var block: Float = 0
                for sample in samples[index..<end] {
                    peak = max(peak, abs(sample))
                    block += sample * sample
                }
                sumOfSquares += Double(block)
                index = end
            }
        }
        self.duration = buffer.duration
        self.sampleRate = buffer.sampleRate
        self.channels = buffer.channels
        self.frames = buffer.frames
        self.peak = Double(peak)
        let meanSquare = buffer.samples.isEmpty ? 0 : sumOfSquares / Double(buffer.samples.count)
        self.rmsDBFS = Self.decibels(meanSquare.squareRoot())
    }

    static func decibels(_ linear: Double) -> Double {
        linear > 0 ? 20 * log10(linear) : -.infinity
    }
}
