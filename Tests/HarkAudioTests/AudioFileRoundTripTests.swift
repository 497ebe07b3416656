import Foundation
import HarkAudio
import HarkTestSupport
import Testing

@Suite struct AudioFileRoundTripTests {
    static let cases: [(AudioFileFormat, Int, Int)] = AudioFileFormat.allCases.flatMap { format in
        [8_000, 16_000, 22_050, 44_100, 48_000].flatMap { rate in
            (format == .mp3 ? [1, 2] : [1, 2, 3]).map { channels in (format, rate, channels) }
        }
    }

    @Test("every format reads back with its rate, channels and content", arguments: cases)
    func roundTrip(format: AudioFileFormat, sampleRate: Int, channels: Int) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.path("clip.\(format.fileExtension)")
        let original = Signals.sine(frequency: 440, seconds: 0.5, sampleRate: sampleRate, channels: channels)
        try AudioFile.write(original, to: url, format: format)

        let decoded = try AudioFile.read(url)

        #expect(decoded.sampleRate == sampleRate)
        #expect(decoded.channels == channels)
        if format.isLossless {
            #expect(decoded.frames == original.frames)
            let tolerance: Float = format == .wavFloat ? 0 : 1.0 / 32_000
            let worst = zip(decoded.samples, original.samples).map { abs($0 - $1) }.max() ?? 0
            #expect(worst <= tolerance)
        } else {
            // Lossy codecs add encoder delay and padding; the level must survive.
            #expect(abs(decoded.frames - original.frames) < sampleRate / 5)
            let level = AudioStats(decoded).rmsDBFS
            #expect(abs(level - AudioStats(original).rmsDBFS) < 1.0)
        }
    }
}
