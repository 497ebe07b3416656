import Foundation
import HarkCore

/// Synthetic sound sources, each made in code, so that scenes with exactly known contents can be
/// made anywhere without a download: the labels of a scene are what was mixed into it.
public enum SoundSource: String, Sendable, CaseIterable, Hashable {
    case sineTone = "sine tone"
    case twoToneBeep = "two-tone beep"
    case clickTrain = "click train"
    case chirp
    case whiteNoise = "white noise"
    case pinkNoise = "pink noise"
    case brownNoise = "brown noise"
    case siren

    /// The source's samples at `sampleRate`, deterministic for a seed (noise and click timing).
    public func render(seconds: Double, sampleRate: Int, seed: UInt64) -> [Float] {
        let count = Int(seconds * Double(sampleRate))
        let rate = Double(sampleRate)
        var generator = SplitMix64(seed: seed)
        func uniform() -> Double { Double(generator.next() >> 11) / Double(1 << 53) * 2 - 1 }
        switch self {
        case .sineTone:
            return (0..<count).map { Float(0.5 * sin(2 * .pi * 440 * Double($0) / rate)) }
        case .twoToneBeep:
            // 880 Hz and 660 Hz alternating every 0.25 s, with a short gap.
            return (0..<count).map { index in
                let time = Double(index) / rate
                let slot = Int(time / 0.25)
                guard time - Double(slot) * 0.25 < 0.2 else { return 0 }
                return Float(0.5 * sin(2 * .pi * (slot % 2 == 0 ? 880 : 660) * time))
            }
        case .clickTrain:
            var samples = [Float](repeating: 0, count: count)
            let period = Int(rate * (0.09 + 0.02 * (Double(generator.next() % 100) / 100)))
            for start in stride(from: 0, to: count, by: max(1, period)) {
                for offset in 0..<min(40, count - start) {
                    samples[start + offset] = Float(0.8 * exp(-Double(offset) / 8))
                }
            }
            return samples
        case .chirp:
            // 200 Hz → 4 kHz, linear, over the clip.
            let end = 4_000.0
            let start = 200.0
            return (0..<count).map { index in
                let time = Double(index) / rate
                let phase = 2 * .pi * (start * time + (end - start) / (2 * seconds) * time * time)
                return Float(0.4 * sin(phase))
            }
        case .whiteNoise:
            return (0..<count).map { _ in Float(0.3 * uniform()) }
        case .pinkNoise:
            // Paul Kellet's economy filter over white noise.
            var b0 = 0.0
            var b1 = 0.0
            var b2 = 0.0
            return (0..<count).map { _ in
                let white = uniform()
                b0 = 0.99765 * b0 + white * 0.0990460
                b1 = 0.96300 * b1 + white * 0.2965164
                b2 = 0.57000 * b2 + white * 1.0526913
                return Float(0.1 * (b0 + b1 + b2 + white * 0.1848))
            }
        case .brownNoise:
            var level = 0.0
            return (0..<count).map { _ in
                level = max(-1, min(1, level + 0.02 * uniform()))
                return Float(0.5 * level)
            }
        case .siren:
            // 600–1,200 Hz, sweeping up and down twice a second.
            var phase = 0.0
            return (0..<count).map { index in
                let time = Double(index) / rate
                let frequency = 900 + 300 * sin(2 * .pi * 2 * time)
                phase += 2 * .pi * frequency / rate
                return Float(0.4 * sin(phase))
            }
        }
    }
}

/// A scene: sources mixed at equal weight, scaled to stay within full scale.
public enum SceneSynthesis {
    public static func mix(_ sources: [SoundSource], seconds: Double = 2, sampleRate: Int = 16_000, seed: UInt64)
        -> AudioBuffer
    {
        let count = Int(seconds * Double(sampleRate))
        var samples = [Float](repeating: 0, count: count)
        for (index, source) in sources.enumerated() {
            let rendered = source.render(
                seconds: seconds, sampleRate: sampleRate,
                seed: StableHash.value(source.rawValue, seed: seed &+ UInt64(index)))
            for position in 0..<count { samples[position] += rendered[position] }
        }
        let peak = samples.reduce(0) { max($0, abs($1)) }
        if peak > 0.95 { samples = samples.map { $0 * 0.95 / peak } }
        return AudioBuffer(samples: samples, channels: 1, sampleRate: sampleRate)
    }
}
