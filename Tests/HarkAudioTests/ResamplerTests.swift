import Foundation
import HarkAudio
import HarkTestSupport
import Testing

@Suite struct ResamplerTests {
    /// Counts upward zero crossings in the middle of a signal, away from the filter's edges.
    func frequency(of buffer: AudioBuffer) -> Double {
        let samples = buffer.samples
        let start = samples.count / 10
        let end = samples.count - samples.count / 10
        var crossings = 0
        for index in (start + 1)..<end where samples[index - 1] < 0 && samples[index] >= 0 {
            crossings += 1
        }
        return Double(crossings) * Double(buffer.sampleRate) / Double(end - start - 1)
    }

    func rms(ofMiddle buffer: AudioBuffer) -> Double {
        let samples = buffer.samples
        let middle = samples[(samples.count / 10)..<(samples.count - samples.count / 10)]
        let meanSquare = middle.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(middle.count)
        return 10 * log10(meanSquare)
    }

    @Test func sineAt44kStereoResampledTo16kMonoKeepsFrequencyAndLevel() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = try Signals.writeSine(
            to: directory.path("tone.wav"), frequency: 1_000, seconds: 2, sampleRate: 44_100, channels: 2,
            format: .wavFloat)

        let prepared = try AudioPipeline(sampleRate: 16_000).prepare(url)

        #expect(prepared.sampleRate == 16_000)
        #expect(prepared.channels == 1)
        #expect(prepared.frames == 32_000)
        #expect(abs(frequency(of: prepared) - 1_000) < 2)
        let source = Signals.sine(frequency: 1_000, seconds: 2, sampleRate: 44_100)
        #expect(abs(rms(ofMiddle: prepared) - rms(ofMiddle: source)) < 0.1)
    }

    @Test("every quality keeps a tone's frequency", arguments: Resampler.Quality.allCases)
    func qualities(quality: Resampler.Quality) throws {
        let tone = Signals.sine(frequency: 440, seconds: 1, sampleRate: 48_000)
        let resampled = try Resampler(quality: quality).resample(tone, to: 22_050)
        #expect(resampled.frames == 22_050)
        #expect(abs(frequency(of: resampled) - 440) < 2)
    }

    @Test func outputLengthIsTheCeilingOfTheRatio() {
        #expect(Resampler.outputFrames(44_101, from: 44_100, to: 16_000) == 16_001)
        #expect(Resampler.outputFrames(44_100, from: 44_100, to: 16_000) == 16_000)
        #expect(Resampler.outputFrames(1, from: 48_000, to: 16_000) == 1)
    }

    @Test func sameRateIsReturnedUnchanged() throws {
        let tone = Signals.sine(frequency: 440, seconds: 0.1, sampleRate: 16_000)
        #expect(try Resampler().resample(tone, to: 16_000) == tone)
    }

    @Test func downmixAveragesTheChannels() {
        let stereo = AudioBuffer(samples: [1, 0, 0.5, -0.5, -1, 1], channels: 2, sampleRate: 8_000)
        #expect(stereo.mono().samples == [0.5, 0, 0])
        #expect(stereo.mono().channels == 1)
    }
}

@Suite struct StreamingTests {
    @Test("block-by-block pipeline equals resampling the whole clip at once", arguments: [44_100, 48_000, 8_000])
    func pipelineMatchesWholeClip(sourceRate: Int) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // Longer than several decoder blocks, with different content per channel.
        var samples = [Float](repeating: 0, count: 150_001 * 2)
        for index in 0..<150_001 {
            samples[2 * index] = Float(sin(Double(index) * 0.03)) * 0.4
            samples[2 * index + 1] = Float(sin(Double(index) * 0.011)) * 0.3
        }
        let url = directory.path("long.wav")
        try AudioFile.write(
            AudioBuffer(samples: samples, channels: 2, sampleRate: sourceRate), to: url, format: .wavFloat)

        let streamed = try AudioPipeline(sampleRate: 16_000).prepare(url)
        let whole = try Resampler().resample(try AudioFile.read(url).mono(), to: 16_000)

        #expect(streamed.frames == Resampler.outputFrames(150_001, from: sourceRate, to: 16_000))
        #expect(streamed == whole)
    }

    @Test func pipelineKeepsChannelsWhenAskedTo() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = try Signals.writeSine(to: directory.path("s.wav"), seconds: 1, sampleRate: 22_050, channels: 2)
        let prepared = try AudioPipeline(sampleRate: 16_000, mono: false).prepare(url)
        #expect(prepared.channels == 2)
        #expect(prepared.frames == 16_000)
        let sameRate = try AudioPipeline(sampleRate: 22_050, mono: true).prepare(url)
        #expect(sameRate == (try AudioFile.read(url).mono()))
    }
}
