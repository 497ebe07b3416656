public import Foundation
public import HarkAudio
import HarkCore

/// Distinct clips and transformed copies of them, for measuring how well near duplicates are found:
/// each clip is a seeded sequence of events — tone bursts, glides and band-limited noise bursts at
/// random times, pitches and levels — over a quiet noise floor, so no two clips share content.
public enum OverlapCorpus {
    /// A copy of a clip as it might reach another dataset.
    public enum Transform: Sendable, Hashable, CustomStringConvertible {
        /// The same file.
        case exact
        /// Decoded and written again losslessly (WAV → FLAC).
        case flac
        /// WAV → FLAC → MP3 → WAV.
        case lossyChain
        /// Resampled to another rate and written as WAV.
        case resampled(Int)
        /// A share of the clip cut from its start and from its end.
        case trimmed(start: Double, end: Double)
        /// Louder or quieter by some decibels.
        case gain(Double)

        /// The transform without its parameters.
        public var kind: String {
            switch self {
            case .exact: "exact"
            case .flac: "flac"
            case .lossyChain: "wav-flac-mp3-wav"
            case .resampled: "resampled"
            case .trimmed: "trimmed"
            case .gain: "gain"
            }
        }

        public var description: String {
            switch self {
            case .exact: "exact"
            case .flac: "flac"
            case .lossyChain: "wav-flac-mp3-wav"
            case .resampled(let rate): "resampled-\(rate)"
            case .trimmed(let start, let end): "trimmed-\(Int(start * 100))-\(Int(end * 100))"
            case .gain(let decibels): "gain\(decibels >= 0 ? "+" : "")\(Int(decibels))"
            }
        }

        /// The transforms every measurement applies, drawn per clip from `seed`.
        public static func standard(seed: UInt64) -> [Transform] {
            var generator = SplitMix64(seed: seed)
            func unit() -> Double { Double(generator.next() >> 11) / Double(1 << 53) }
            return [
                .exact, .flac, .lossyChain, .resampled([8_000, 22_050, 44_100][Int(generator.next() % 3)]),
                .trimmed(start: 0.1 * unit(), end: 0.1 * unit()),
                .gain(unit() < 0.5 ? -6 - 6 * unit() : 3 + 3 * unit()),
            ]
        }
    }

    /// Clip `index` of the corpus, at 16 kHz mono.
    public static func clip(_ index: Int, seconds: Double = 3, sampleRate: Int = 16_000) -> AudioBuffer {
        var generator = SplitMix64(seed: StableHash.value("overlap-corpus", seed: UInt64(index)))
        func unit() -> Double { Double(generator.next() >> 11) / Double(1 << 53) }
        let count = Int(seconds * Double(sampleRate))
        let rate = Double(sampleRate)
        var samples = (0..<count).map { _ in Float(0.002 * (unit() * 2 - 1)) }
        let events = 4 + Int(generator.next() % 6)
        for _ in 0..<events {
            let start = Int(unit() * Double(count) * 0.9)
            let length = min(count - start, Int(rate * (0.15 + 0.6 * unit())))
            let level = 0.05 + 0.25 * unit()
            let kind = generator.next() % 3
            let from = 150 * pow(40, unit())
            let to = 150 * pow(40, unit())
            var phase = 0.0
            var low = 0.0
            let smoothing = 0.05 + 0.9 * unit()
            for offset in 0..<length {
                let progress = Double(offset) / Double(length)
                let envelope = sin(.pi * progress)
                let value: Double
                switch kind {
                case 0:  // a tone burst with a harmonic
                    phase += 2 * .pi * from / rate
                    value = sin(phase) + 0.3 * sin(2 * phase)
                case 1:  // a glide
                    phase += 2 * .pi * (from + (to - from) * progress) / rate
                    value = sin(phase)
                default:  // noise, low-passed by a one-pole filter
                    low += smoothing * ((unit() * 2 - 1) - low)
                    value = low * 2
                }
                samples[start + offset] += Float(level * envelope * value)
            }
        }
        let peak = samples.reduce(0) { max($0, abs($1)) }
        if peak > 0 { samples = samples.map { $0 * 0.5 / peak } }
        return AudioBuffer(samples: samples, channels: 1, sampleRate: sampleRate)
    }

    /// Writes `original` (a 16-bit WAV file) as transformed by `transform`, at `url` without its
    /// extension; returns the file written.
    public static func write(_ transform: Transform, of original: URL, to url: URL) throws -> URL {
        let scratch = url.deletingLastPathComponent()
        switch transform {
        case .exact:
            let target = url.appendingPathExtension("wav")
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.copyItem(at: original, to: target)
            return target
        case .flac:
            let target = url.appendingPathExtension("flac")
            try AudioFile.write(try AudioFile.read(original), to: target, format: .flac)
            return target
        case .lossyChain:
            let flac = scratch.appendingPathComponent(url.lastPathComponent + "-step.flac")
            let mp3 = scratch.appendingPathComponent(url.lastPathComponent + "-step.mp3")
            try AudioFile.write(try AudioFile.read(original), to: flac, format: .flac)
            try AudioFile.write(try AudioFile.read(flac), to: mp3, format: .mp3)
            let target = url.appendingPathExtension("wav")
            try AudioFile.write(try AudioFile.read(mp3), to: target, format: .wav16)
            try? FileManager.default.removeItem(at: flac)
            try? FileManager.default.removeItem(at: mp3)
            return target
        case .resampled(let rate):
            let target = url.appendingPathExtension("wav")
            try AudioFile.write(
                try Resampler().resample(try AudioFile.read(original), to: rate), to: target, format: .wav16)
            return target
        case .trimmed(let start, let end):
            var buffer = try AudioFile.read(original)
            let first = Int(Double(buffer.frames) * start)
            let last = buffer.frames - Int(Double(buffer.frames) * end)
            buffer.samples = Array(buffer.samples[(first * buffer.channels)..<(last * buffer.channels)])
            let target = url.appendingPathExtension("wav")
            try AudioFile.write(buffer, to: target, format: .wav16)
            return target
        case .gain(let decibels):
            var buffer = try AudioFile.read(original)
            let factor = Float(pow(10, decibels / 20))
            buffer.samples = buffer.samples.map { $0 * factor }
            let target = url.appendingPathExtension("wav")
            try AudioFile.write(buffer, to: target, format: .wav16)
            return target
        }
    }
}
