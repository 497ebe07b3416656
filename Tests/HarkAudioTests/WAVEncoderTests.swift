import Foundation
import HarkAudio
import HarkTestSupport
import Testing

@Suite struct WAVEncoderTests {
    @Test func encodesA16BitPCMWAVThatDecodesToTheSameSamples() throws {
        let tone = Signals.sine(frequency: 300, seconds: 0.3, sampleRate: 16_000)
        let bytes = try WAVEncoder.pcm16(tone)

        #expect(bytes.count == 44 + tone.frames * 2)
        #expect(bytes.prefix(4) == Data("RIFF".utf8))
        #expect(bytes[8..<16] == Data("WAVEfmt ".utf8))

        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let decoded = try AudioFile.read(try directory.write(bytes, to: "encoded.wav"))
        #expect(decoded.sampleRate == 16_000)
        #expect(decoded.frames == tone.frames)
        let worst = zip(decoded.samples, tone.samples).map { abs($0 - $1) }.max() ?? 1
        #expect(worst <= 1.0 / 32_000)
    }

    @Test func clipsSamplesOutsideFullScale() throws {
        let loud = AudioBuffer(samples: [2, -2, 0.5], channels: 1, sampleRate: 8_000)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let decoded = try AudioFile.read(try directory.write(try WAVEncoder.pcm16(loud), to: "loud.wav"))
        #expect(decoded.samples[0] > 0.999)
        #expect(decoded.samples[1] <= -0.999)
    }

    @Test func pipelineProducesModelReadyWAV() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = try Signals.writeSine(
            to: directory.path("in.flac"), seconds: 1, sampleRate: 48_000, channels: 2, format: .flac)
        let bytes = try AudioPipeline().wav(url)
        let decoded = try AudioFile.read(try directory.write(bytes, to: "out.wav"))
        #expect(decoded.sampleRate == 16_000)
        #expect(decoded.channels == 1)
        #expect(decoded.frames == 16_000)
    }
}
