import ArgumentParser
import CSndFile
import CSoxr
import Foundation
import HarkAudio
import HarkTestSupport

/// The audio path a model request takes (decode, downmix, resample to 16 kHz, WAV encode) on a long
/// 44.1 kHz stereo file, beside the same work done by direct libsndfile and libsoxr calls.
struct AudioPathBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audio", abstract: "Real-time factor of the audio path against the libraries' own calls.")

    @Option(help: "Length of the test file in minutes.")
    var minutes: Double = 10

    @Option(help: "Measured repetitions per figure (after one warm-up).")
    var repeats: Int = 7

    func run() throws {
        let directory = try TemporaryDirectory(prefix: "hark-bench")
        defer { directory.remove() }
        let seconds = minutes * 60
        let signal = Self.testSignal(seconds: seconds, sampleRate: 44_100)
        print(
            String(
                format: "audio path: %.0f s of 44.1 kHz stereo → 16 kHz mono WAV, median of %d runs", seconds, repeats))
        for format in [AudioFileFormat.wav16, .flac] {
            let url = directory.path("long.\(format.fileExtension)")
            try AudioFile.write(signal, to: url, format: format)
            try report(url: url, format: format, seconds: seconds)
        }
    }

    func report(url: URL, format: AudioFileFormat, seconds: Double) throws {
        let pipeline = AudioPipeline(sampleRate: 16_000)
        var bytes = 0
        let whole = try Measurement.of(repeats: repeats) { bytes = try pipeline.wav(url).count }

        var decoded: [Float] = []
        var mono: [Float] = []
        var resampled: [Float] = []
        let decodeWhole = try Measurement.of(repeats: repeats) { decoded = try Self.rawDecode(url) }
        let decodeBlocks = try Measurement.of(repeats: repeats) { try Self.rawDecodeBlocks(url) }
        // The stricter baseline: whichever way of calling libsndfile is faster here.
        let decode = decodeBlocks.medianWall < decodeWhole.medianWall ? decodeBlocks : decodeWhole
        mono = AudioBuffer(samples: decoded, channels: 2, sampleRate: 44_100).mono().samples
        let resample = Measurement.of(repeats: repeats) { resampled = Self.rawResample(mono, from: 44_100, to: 16_000) }
        let encode = Measurement.of(repeats: repeats) { _ = Self.rawEncode(resampled, sampleRate: 16_000) }

        let library = decode.medianWall + resample.medianWall
        let libraryWithEncode = library + encode.medianWall
        print(
            "\n\(format.rawValue) (\(try FileManager.default.attributesOfItem(atPath: url.path)[.size] ?? 0) bytes in, \(bytes) bytes out)"
        )
        row("hark AudioPipeline.wav", whole, seconds)
        row("libsndfile decode, one call", decodeWhole, seconds)
        row("libsndfile decode, 32k blocks", decodeBlocks, seconds)
        row("libsoxr HQ resample alone", resample, seconds)
        row("libsndfile encode alone", encode, seconds)
        print(
            String(
                format: "  %-30@ %8.1f ms  %7.0f× real time", "libraries: decode + resample" as NSString,
                library * 1_000, seconds / library))
        print(String(format: "  ratio hark / (decode + resample)          %.2f", whole.medianWall / library))
        print(String(format: "  ratio hark / (decode + resample + encode) %.2f", whole.medianWall / libraryWithEncode))
        print(
            String(
                format: "  hark CPU / wall                           %.2f (1.00 = one core)",
                whole.medianCPU / whole.medianWall))
    }

    func row(_ name: String, _ measurement: Measurement, _ seconds: Double) {
        print(
            String(
                format: "  %-30@ %8.1f ms  %7.0f× real time  (%@)", name as NSString, measurement.medianWall * 1_000,
                seconds / measurement.medianWall, measurement.spread as NSString))
    }

    /// A chirp with a little noise in both channels (different per channel), so that no codec
    /// shortcut makes the work trivial.
    static func testSignal(seconds: Double, sampleRate: Int) -> AudioBuffer {
        let frames = Int(seconds * Double(sampleRate))
        var samples = [Float](repeating: 0, count: frames * 2)
        var state: UInt32 = 12_345
        for frame in 0..<frames {
            let time = Double(frame) / Double(sampleRate)
            let tone = 0.3 * sin(2 * .pi * (200 * time + 50 * time * time / seconds))
            state = state &* 1_664_525 &+ 1_013_904_223
            let noise = (Double(state >> 8) / Double(1 << 24) - 0.5) * 0.05
            samples[2 * frame] = Float(tone + noise)
            samples[2 * frame + 1] = Float(tone - noise)
        }
        return AudioBuffer(samples: samples, channels: 2, sampleRate: sampleRate)
    }

    static func rawDecode(_ url: URL) throws -> [Float] {
        var info = SF_INFO()
        guard let handle = sf_open(url.path, Int32(SFM_READ), &info) else {
            throw ValidationError("cannot open \(url.path)")
        }
        defer { sf_close(handle) }
        let count = Int(info.frames) * Int(info.channels)
        return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            let frames = sf_readf_float(handle, buffer.baseAddress, info.frames)
            initialized = Int(frames) * Int(info.channels)
        }
    }

    /// Decodes into one reused block: libsndfile's decoding speed without the cost of a large buffer.
    static func rawDecodeBlocks(_ url: URL) throws {
        var info = SF_INFO()
        guard let handle = sf_open(url.path, Int32(SFM_READ), &info) else {
            throw ValidationError("cannot open \(url.path)")
        }
        defer { sf_close(handle) }
        var block = [Float](repeating: 0, count: (1 << 15) * Int(info.channels))
        while sf_readf_float(handle, &block, 1 << 15) > 0 {}
    }

    static func rawResample(_ samples: [Float], from source: Int, to target: Int) -> [Float] {
        let outputFrames = Resampler.outputFrames(samples.count, from: source, to: target)
        var io = soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I)
        var quality = soxr_quality_spec(4, 0)
        return [Float](unsafeUninitializedCapacity: outputFrames) { buffer, initialized in
            var produced = 0
            _ = soxr_oneshot(
                Double(source), Double(target), 1, samples, samples.count, nil, buffer.baseAddress, outputFrames,
                &produced, &io, &quality, nil)
            initialized = produced
        }
    }

    static func rawEncode(_ samples: [Float], sampleRate: Int) -> Int {
        // A file on tmpfs-like storage stands in for libsndfile's own work on the same data.
        let path = NSTemporaryDirectory() + "hark-bench-encode-\(getpid()).wav"
        defer { unlink(path) }
        var info = SF_INFO()
        info.samplerate = Int32(sampleRate)
        info.channels = 1
        info.format = Int32(SF_FORMAT_WAV | SF_FORMAT_PCM_16)
        guard let handle = sf_open(path, Int32(SFM_WRITE), &info) else { return 0 }
        defer { sf_close(handle) }
        return Int(sf_writef_float(handle, samples, sf_count_t(samples.count)))
    }
}
