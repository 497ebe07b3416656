public import Foundation
public import HarkAudio

/// Test signals, made in code so that no audio file needs to be committed.
public enum Signals {
    /// A sine tone at `frequency` Hz, the same in every channel.
    public static func sine(
        frequency: Double, seconds: Double, sampleRate: Int, channels: Int = 1, amplitude: Float = 0.5
    ) -> AudioBuffer {
        let frames = Int((seconds * Double(sampleRate)).rounded())
        var samples = [Float](repeating: 0, count: frames * channels)
        let step = 2 * Double.pi * frequency / Double(sampleRate)
        for frame in 0..<frames {
            let value = amplitude * Float(sin(step * Double(frame)))
            for channel in 0..<channels { samples[frame * channels + channel] = value }
        }
        return AudioBuffer(samples: samples, channels: channels, sampleRate: sampleRate)
    }

    /// Digital silence.
    public static func silence(seconds: Double, sampleRate: Int, channels: Int = 1) -> AudioBuffer {
        let frames = Int((seconds * Double(sampleRate)).rounded())
        return AudioBuffer(
            samples: [Float](repeating: 0, count: frames * channels), channels: channels, sampleRate: sampleRate)
    }

    /// Writes a sine clip and returns its URL.
    @discardableResult
    public static func writeSine(
        to url: URL, frequency: Double = 440, seconds: Double = 0.25, sampleRate: Int = 16_000, channels: Int = 1,
        format: AudioFileFormat = .wav16
    ) throws -> URL {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AudioFile.write(
            sine(frequency: frequency, seconds: seconds, sampleRate: sampleRate, channels: channels),
            to: url, format: format)
        return url
    }
}
