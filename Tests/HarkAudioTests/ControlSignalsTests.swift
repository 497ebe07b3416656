import HarkAudio
import HarkCore
import Testing

@Suite struct ControlSignalsTests {
    let clip = AudioBuffer(samples: [Float](repeating: 0.5, count: 32_000), channels: 2, sampleRate: 16_000)

    @Test func silenceKeepsTheClipsShapeWithEverySampleZero() {
        let silence = ControlSignals.substitute(.silence, shapedLike: clip, key: "a")
        #expect(silence.frames == clip.frames && silence.channels == 2 && silence.sampleRate == 16_000)
        #expect(silence.samples.allSatisfy { $0 == 0 })
    }

    @Test func pinkNoiseHasTheAskedLevelMoreLowThanHighEnergyAndIsSeededByClip() {
        let noise = ControlSignals.substitute(.pinkNoise(dBFS: -30, seed: 4), shapedLike: clip, key: "a")
        #expect(noise.samples.count == clip.samples.count)
        let stats = AudioStats(noise)
        #expect(abs(stats.rmsDBFS - -30) < 0.01)
        // 1/f in each channel: the first difference (a high-pass) keeps far less energy than white
        // noise would (half); the two channels are different noise.
        for channel in 0..<2 {
            let samples = stride(from: channel, to: noise.samples.count, by: 2).map { noise.samples[$0] }
            let energy = samples.reduce(0.0) { $0 + Double($1 * $1) }
            let differences = zip(samples.dropFirst(), samples).reduce(0.0) {
                $0 + Double(($1.0 - $1.1) * ($1.0 - $1.1))
            }
            #expect(differences / energy < 0.5)
        }
        #expect(noise.samples[0] != noise.samples[1])
        #expect(ControlSignals.substitute(.pinkNoise(dBFS: -30, seed: 4), shapedLike: clip, key: "a") == noise)
        #expect(ControlSignals.substitute(.pinkNoise(dBFS: -30, seed: 4), shapedLike: clip, key: "b") != noise)
    }
}
