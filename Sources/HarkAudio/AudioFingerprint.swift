public import Foundation
import HarkCore

/// What identifies a clip's sound apart from its file: the SHA-256 of its decoded PCM (16 kHz mono,
/// 16-bit), equal across lossless re-encodes and containers, and a fingerprint that survives lossy
/// re-encoding, resampling, gain changes and trims.
///
/// The fingerprint is Haitsma and Kalker's (2002): the clip at 8 kHz is split into 33 bands,
/// log-spaced from 300 to 3,400 Hz (below what resampling to 8 kHz or a lossy codec removes); every
/// 4 ms, the energy of each band over the last 128 ms is taken in decibels, and each of 32 bits is
/// whether the level difference of two neighbouring bands grew since the frame before. A gain, and
/// a change of loudness within the clip, move every band alike and change no bit; a trim shifts the frames by a whole number of hops, up to half
/// a hop. Frames more than 60 dB below the clip's loudest (silence) carry no information and are
/// marked unusable, so that two quiet clips do not match on their silence.
public struct AudioFingerprint: Sendable, Hashable {
    /// One 32-bit word per frame.
    public var frames: [UInt32]
    /// Whether each frame is loud enough to count.
    public var usable: [Bool]
    /// SHA-256 of the clip as 16-bit PCM at 16 kHz, mono.
    public var pcmHash: String

    public var usableCount: Int { usable.lazy.filter { $0 }.count }

    public static let sampleRate = 8_000
    /// The time between two frames.
    public static let secondsPerFrame = Double(hop) / Double(sampleRate)
    static let hop = 32
    static let frameHops = 32
    static let bandCount = 33
    static let lowestHz = 300.0
    static let highestHz = 3_400.0
    /// Frames this far below the loudest frame, in energy, are silence.
    static let quietRatio = 1e-6

    /// The clip at `url` decoded once: its PCM hash and fingerprint.
    public init(url: URL) throws(AudioError) {
        self = try Self.phases(url: url, count: 1)[0]
    }

    /// The clip's fingerprint taken `count` times, each starting a further 1/`count` of a hop into
    /// the clip: a trimmed copy's frames fall between the original's, and one of these phases
    /// lines up with it within 1/(2 × `count`) of a hop.
    public static func phases(url: URL, count: Int) throws(AudioError) -> [AudioFingerprint] {
        let buffer = try AudioPipeline(sampleRate: 16_000, mono: true).prepare(url)
        let pcmHash = Self.pcmHash(buffer.samples)
        let low = try Resampler(quality: .medium).resample(buffer, to: Self.sampleRate).samples
        return (0..<count).map { phase in
            let (frames, usable) = Self.words(Array(low.dropFirst(phase * hop / count)))
            return AudioFingerprint(frames: frames, usable: usable, pcmHash: pcmHash)
        }
    }

    public init(frames: [UInt32], usable: [Bool], pcmHash: String) {
        self.frames = frames
        self.usable = usable
        self.pcmHash = pcmHash
    }

    /// The SHA-256 of samples rounded to 16 bits, little-endian, as a WAV's data would hold them.
    static func pcmHash(_ samples: [Float]) -> String {
        var bytes = [UInt8]()
        bytes.reserveCapacity(samples.count * 2)
        for sample in samples {
            let value = Int16(clamping: Int((max(-1, min(1, sample)) * 32_767).rounded()))
            let bits = UInt16(bitPattern: value)
            bytes.append(UInt8(bits & 0xFF))
            bytes.append(UInt8(bits >> 8))
        }
        return ContentHash.sha256(bytes)
    }

    /// The fingerprint words of 8 kHz samples, and which frames are loud enough.
    static func words(_ samples: [Float]) -> ([UInt32], [Bool]) {
        let blocks = samples.count / hop
        guard blocks > frameHops else { return ([], []) }
        // Energy per band per hop, then summed over a frame of `frameHops` hops.
        var hopEnergy = [Double](repeating: 0, count: blocks * bandCount)
        for (band, filter) in BandFilter.bank().enumerated() {
            var filter = filter
            for block in 0..<blocks {
                var sum = 0.0
                for index in (block * hop)..<((block + 1) * hop) {
                    let output = filter.process(Double(samples[index]))
                    sum += output * output
                }
                hopEnergy[block * bandCount + band] = sum
            }
        }
        let frameCount = blocks - frameHops + 1
        var energy = [Double](repeating: 0, count: frameCount * bandCount)
        var running = [Double](repeating: 0, count: bandCount)
        for block in 0..<blocks {
            for band in 0..<bandCount {
                running[band] += hopEnergy[block * bandCount + band]
                if block >= frameHops { running[band] -= hopEnergy[(block - frameHops) * bandCount + band] }
            }
            if block >= frameHops - 1 {
                let frame = block - frameHops + 1
                for band in 0..<bandCount { energy[frame * bandCount + band] = max(0, running[band]) }
            }
        }
        var totals = [Double](repeating: 0, count: frameCount)
        for frame in 0..<frameCount {
            totals[frame] = energy[(frame * bandCount)..<((frame + 1) * bandCount)].reduce(0, +)
        }
        let floor = max((totals.max() ?? 0) * quietRatio, 1e-12)
        // In decibels, a change of loudness alone (an onset, a fade) moves every band alike and no
        // bit: the bits follow the shape of the spectrum.
        let level = energy.map { log(max($0, floor * 1e-3)) }
        var words: [UInt32] = []
        var usable: [Bool] = []
        words.reserveCapacity(frameCount - 1)
        for frame in 1..<frameCount {
            var word: UInt32 = 0
            let now = frame * bandCount
            let before = (frame - 1) * bandCount
            for bit in 0..<(bandCount - 1) {
                let change =
                    (level[now + bit] - level[now + bit + 1]) - (level[before + bit] - level[before + bit + 1])
                if change > 0 { word |= 1 << UInt32(bit) }
            }
            words.append(word)
            usable.append(totals[frame] >= floor && totals[frame - 1] >= floor)
        }
        return (words, usable)
    }
}

/// A second-order band-pass filter (the Audio EQ Cookbook's, 0 dB peak gain), run in direct form I.
struct BandFilter {
    var b0, b2, a1, a2: Double
    var x1 = 0.0, x2 = 0.0, y1 = 0.0, y2 = 0.0

    init(centreHz: Double, bandwidthHz: Double, sampleRate: Double) {
        let omega = 2 * Double.pi * centreHz / sampleRate
        let alpha = sin(omega) / (2 * centreHz / bandwidthHz)
        let a0 = 1 + alpha
        b0 = alpha / a0
        b2 = -alpha / a0
        a1 = -2 * cos(omega) / a0
        a2 = (1 - alpha) / a0
    }

    mutating func process(_ x: Double) -> Double {
        let y = b0 * x + b2 * x2 - a1 * y1 - a2 * y2
        x2 = x1
        x1 = x
        y2 = y1
        y1 = y
        return y
    }

    /// The fingerprint's bands: log-spaced edges, each filter as wide as its band.
    static func bank() -> [BandFilter] {
        let count = AudioFingerprint.bandCount
        let ratio = pow(AudioFingerprint.highestHz / AudioFingerprint.lowestHz, 1 / Double(count))
        return (0..<count).map { band in
            let low = AudioFingerprint.lowestHz * pow(ratio, Double(band))
            let high = low * ratio
            return BandFilter(
                centreHz: (low * high).squareRoot(), bandwidthHz: high - low,
                sampleRate: Double(AudioFingerprint.sampleRate))
        }
    }
}
