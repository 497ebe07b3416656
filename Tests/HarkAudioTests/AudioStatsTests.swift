import Foundation
import HarkAudio
import HarkTestSupport
import Testing

@Suite struct AudioStatsTests {
    @Test func sineLevels() {
        let stats = AudioStats(
            Signals.sine(frequency: 1_000, seconds: 1, sampleRate: 48_000, channels: 2, amplitude: 0.5))
        #expect(abs(stats.peakDBFS - 20 * log10(0.5)) < 0.01)
        #expect(abs(stats.rmsDBFS - 20 * log10(0.5 / 2.0.squareRoot())) < 0.01)
        #expect(stats.duration == 1)
        #expect(stats.channels == 2)
        #expect(stats.frames == 48_000)
        #expect(!stats.isSilent)
    }

    @Test func digitalSilence() {
        let stats = AudioStats(Signals.silence(seconds: 0.5, sampleRate: 16_000))
        #expect(stats.isSilent)
        #expect(stats.rmsDBFS == -.infinity)
        #expect(stats.peak == 0)
    }

    @Test func aVeryQuietToneCountsAsSilent() {
        #expect(AudioStats(Signals.sine(frequency: 100, seconds: 0.1, sampleRate: 8_000, amplitude: 0.0005)).isSilent)
        #expect(!AudioStats(Signals.sine(frequency: 100, seconds: 0.1, sampleRate: 8_000, amplitude: 0.01)).isSilent)
    }
}
