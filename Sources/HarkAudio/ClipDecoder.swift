internal import CSndFile
import Foundation
import HarkCore

/// Decodes a file block by block into one reused buffer, so that long clips are never held twice in
/// memory, and checks as it goes what `AudioFile.read` promises: finite samples, no truncation,
/// at least one frame.
final class ClipDecoder {
    static let blockFrames = 1 << 15

    let name: String
    let channels: Int
    let sampleRate: Int
    /// The frame count the header announced (an estimate for MP3 and Ogg).
    let announcedFrames: Int
    private(set) var framesRead = 0
    private let file: SoundFile
    private var block: [Float]

    convenience init(_ url: URL) throws(AudioError) {
        ReadCounter.count(.clipDecode)
        if let (declared, present) = WAVLength.shortfall(url) {
            throw AudioError(
                url: url,
                reason: .truncated("the header declares \(declared) bytes of audio, the file holds \(present)"))
        }
        try self.init(SoundFile(reading: url), name: url.path)
    }

    init(_ file: SoundFile, name: String) {
        self.name = name
        self.file = file
        channels = Int(file.info.channels)
        sampleRate = Int(file.info.samplerate)
        announcedFrames = Int(file.info.frames)
        block = [Float](repeating: 0, count: Self.blockFrames * channels)
    }

    deinit { file.close() }

    /// Calls `body` with each block of interleaved samples until the file ends, then checks that
    /// the file was whole.
    func forEachBlock(_ body: (UnsafeBufferPointer<Float>) throws(AudioError) -> Void) throws(AudioError) {
        while true {
            let frames = block.withUnsafeMutableBufferPointer { buffer in
                Int(sf_readf_float(file.handle, buffer.baseAddress, sf_count_t(Self.blockFrames)))
            }
            guard frames > 0 else { break }
            let samples = frames * channels
            // A plain loop: `first(where:)` over a range is many times slower in debug builds.
            let firstBad = block.withUnsafeBufferPointer { buffer in
                var index = 0
                while index < samples, buffer[index].isFinite { index += 1 }
                return index
            }
            if firstBad < samples {
                throw AudioError(path: name, reason: .nonFiniteSamples(frame: framesRead + firstBad / channels))
            }
            try block.withUnsafeBufferPointer { buffer throws(AudioError) in
                try body(UnsafeBufferPointer(rebasing: buffer[..<samples]))
            }
            framesRead += frames
        }
        if sf_error(file.handle) != 0 {
            throw AudioError(path: name, reason: .truncated(file.errorMessage + " after \(framesRead) frames"))
        }
        guard framesRead > 0 else { throw AudioError(path: name, reason: .zeroFrames) }
        if framesRead < announcedFrames && file.isFrameCountExact {
            throw AudioError(path: name, reason: .truncated("\(framesRead) of \(announcedFrames) frames decoded"))
        }
    }
}
