internal import CSoxr

/// A libsoxr stream: blocks of input in, resampled output appended to an array. Feeding a signal
/// in blocks gives the same samples as feeding it at once.
final class ResamplerStream {
    private static let outputBlockFrames = 1 << 14

    private let handle: soxr_t
    private let channels: Int
    private var outputBlock: [Float]

    init(from sourceRate: Int, to targetRate: Int, channels: Int, quality: Resampler.Quality) throws(AudioError) {
        var failure: soxr_error_t?
        var ioSpec = soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I)
        var qualitySpec = soxr_quality_spec(quality.recipe, 0)
        var runtimeSpec = soxr_runtime_spec(1)
        let created = soxr_create(
            Double(sourceRate), Double(targetRate), UInt32(channels), &failure, &ioSpec, &qualitySpec, &runtimeSpec)
        guard let created, failure == nil else {
            let message = failure.map { String(cString: $0) } ?? "cannot create a resampler"
            throw AudioError(path: "<resampler>", reason: .library("libsoxr: " + message))
        }
        handle = created
        self.channels = channels
        outputBlock = [Float](repeating: 0, count: Self.outputBlockFrames * channels)
    }

    deinit { soxr_delete(handle) }

    /// Resamples interleaved `input` and appends what comes out to `output`.
    func process(_ input: UnsafeBufferPointer<Float>, into output: inout [Float]) throws(AudioError) {
        let frames = input.count / channels
        var consumed = 0
        while consumed < frames {
            var used = 0
            let produced = try run(input.baseAddress.map { $0 + consumed * channels }, frames - consumed, &used)
            output.append(contentsOf: outputBlock[..<(produced * channels)])
            consumed += used
            if used == 0 && produced == 0 { break }
        }
    }

    /// Flushes the filter's tail into `output` at the end of the input.
    func finish(into output: inout [Float]) throws(AudioError) {
        while true {
            var used = 0
            let produced = try run(nil, 0, &used)
            guard produced > 0 else { return }
            output.append(contentsOf: outputBlock[..<(produced * channels)])
        }
    }

    private func run(_ input: UnsafePointer<Float>?, _ frames: Int, _ used: inout Int) throws(AudioError) -> Int {
        var produced = 0
        let failure = outputBlock.withUnsafeMutableBufferPointer { out in
            soxr_process(handle, input, frames, &used, out.baseAddress, Self.outputBlockFrames, &produced)
        }
        if let failure {
            throw AudioError(path: "<resampler>", reason: .library("libsoxr: " + String(cString: failure)))
        }
        return produced
    }
}
