public import Foundation
internal import CSndFile

/// Reads and writes audio files through libsndfile (WAV, FLAC, Ogg/Vorbis, MP3 and the rest of what
/// libsndfile 1.2 reads), any channel count and rate, integer or float samples.
public enum AudioFile {
    /// Decodes a whole file to float samples.
    ///
    /// Throws `AudioError` naming the file: missing, unreadable, not audio, unsupported, truncated,
    /// no frames, or a NaN/infinite sample.
    public static func read(_ url: URL) throws(AudioError) -> AudioBuffer {
        let decoder = try ClipDecoder(url)
        var samples: [Float] = []
        samples.reserveCapacity(min(decoder.announcedFrames, 1 << 27) * decoder.channels)
        try decoder.forEachBlock { block in samples.append(contentsOf: block) }
        return AudioBuffer(samples: samples, channels: decoder.channels, sampleRate: decoder.sampleRate)
    }

    /// Writes samples to a file in the given format; samples outside [-1, 1] are clipped.
    public static func write(_ buffer: AudioBuffer, to url: URL, format: AudioFileFormat) throws(AudioError) {
        var info = SF_INFO()
        info.samplerate = Int32(buffer.sampleRate)
        info.channels = Int32(buffer.channels)
        info.format = format.sndfileFormat
        guard sf_format_check(&info) != 0 else {
            throw AudioError(
                url: url,
                reason: .unsupportedFormat("\(format.rawValue) at \(buffer.sampleRate) Hz, \(buffer.channels) ch"))
        }
        guard let handle = sf_open(url.path, Int32(SFM_WRITE), &info) else {
            throw AudioError(url: url, reason: .unreadable(String(cString: sf_strerror(nil))))
        }
        defer { sf_close(handle) }
        sf_command(handle, Int32(SFC_SET_CLIPPING), nil, Int32(SF_TRUE))
        let written = buffer.samples.withUnsafeBufferPointer { samples in
            sf_writef_float(handle, samples.baseAddress, sf_count_t(buffer.frames))
        }
        guard written == buffer.frames else {
            throw AudioError(url: url, reason: .library(String(cString: sf_strerror(handle))))
        }
    }
}

/// An open libsndfile handle for reading, with the errors of opening mapped to `AudioError`.
struct SoundFile {
    let handle: OpaquePointer
    let info: SF_INFO

    init(reading url: URL) throws(AudioError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw AudioError(url: url, reason: .missing)
        }
        guard !isDirectory.boolValue else { throw AudioError(url: url, reason: .unreadable("is a directory")) }
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw AudioError(url: url, reason: .unreadable("permission denied"))
        }
        var info = SF_INFO()
        guard let handle = sf_open(url.path, Int32(SFM_READ), &info) else {
            let message = String(cString: sf_strerror(nil))
            let reason: AudioError.Reason =
                switch Int(sf_error(nil)) {
                case Int(SF_ERR_UNRECOGNISED_FORMAT): .notAudio(message)
                case Int(SF_ERR_UNSUPPORTED_ENCODING): .unsupportedFormat(message)
                case Int(SF_ERR_MALFORMED_FILE): .truncated(message)
                case Int(SF_ERR_SYSTEM): .unreadable(message)
                default: .notAudio(message)
                }
            throw AudioError(url: url, reason: reason)
        }
        self.handle = handle
        self.info = info
    }

    var errorMessage: String { String(cString: sf_strerror(handle)) }

    /// MP3 and Ogg frame counts can be estimates; the other formats state theirs exactly.
    var isFrameCountExact: Bool {
        let major = info.format & Int32(SF_FORMAT_TYPEMASK)
        return major != Int32(SF_FORMAT_MPEG) && major != Int32(SF_FORMAT_OGG)
    }

    func close() { sf_close(handle) }
}
