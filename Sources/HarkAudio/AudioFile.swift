internal import CSndFile
public import Foundation

/// Reads and writes audio files through libsndfile (WAV, FLAC, Ogg/Vorbis, MP3 and the rest of what
/// libsndfile 1.2 reads), any channel count and rate, integer or float samples.
public enum AudioFile {
    /// Decodes a whole file to float samples.
    ///
    /// Throws `AudioError` naming the file: missing, unreadable, not audio, unsupported, truncated,
    /// no frames, or a NaN/infinite sample.
    public static func read(_ url: URL) throws(AudioError) -> AudioBuffer {
        try read(ClipDecoder(url))
    }

    /// Decodes encoded audio held in memory (WAV, FLAC, MP3, …); `name` stands for it in errors.
    public static func decode(_ bytes: Data, name: String = "<memory>") throws(AudioError) -> AudioBuffer {
        try read(ClipDecoder(SoundFile(reading: bytes, name: name), name: name))
    }

    private static func read(_ decoder: ClipDecoder) throws(AudioError) -> AudioBuffer {
        var samples: [Float] = []
        samples.reserveCapacity(min(decoder.announcedFrames, 1 << 27) * decoder.channels)
        try decoder.forEachBlock { block in samples.append(contentsOf: block) }
        return AudioBuffer(samples: samples, channels: decoder.channels, sampleRate: decoder.sampleRate)
    }

    /// The header facts of a file without decoding it: frames (an estimate for MP3 and Ogg), rate,
    /// channels.
    public static func info(_ url: URL) throws(AudioError) -> (frames: Int, sampleRate: Int, channels: Int) {
        let file = try SoundFile(reading: url)
        defer { file.close() }
        return (Int(file.info.frames), Int(file.info.samplerate), Int(file.info.channels))
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
    /// The bytes behind a handle opened on memory, kept alive as long as the handle.
    private var memory: MemoryFile?

    /// Opens encoded audio held in memory; `name` stands for the file in errors.
    init(reading bytes: Data, name: String) throws(AudioError) {
        let memory = MemoryFile(contents: bytes)
        var io = MemoryFile.virtualIO
        var info = SF_INFO()
        guard let handle = sf_open_virtual(&io, Int32(SFM_READ), &info, Unmanaged.passUnretained(memory).toOpaque())
        else {
            throw AudioError(path: name, reason: Self.openFailure(String(cString: sf_strerror(nil))))
        }
        self.handle = handle
        self.info = info
        self.memory = memory
    }

    init(reading url: URL) throws(AudioError) {
        let path = url.path
        var info = SF_INFO()
        guard let handle = sf_open(path, Int32(SFM_READ), &info) else {
            let failure = Self.openFailure(String(cString: sf_strerror(nil)))
            throw AudioError(url: url, reason: Self.fileProblem(path) ?? failure)
        }
        self.handle = handle
        self.info = info
    }

    /// Why a file that libsndfile could not open cannot be opened at all (missing, a directory,
    /// unreadable), if it cannot: asked only after a failed open, which is rare.
    static func fileProblem(_ path: String) -> AudioError.Reason? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .missing }
        if isDirectory.boolValue { return .unreadable("is a directory") }
        return FileManager.default.isReadableFile(atPath: path) ? nil : .unreadable("permission denied")
    }

    /// Maps the error of a failed open to a reason; libsndfile keeps it process-wide, so it is read
    /// right after the failed call.
    static func openFailure(_ message: String) -> AudioError.Reason {
        switch Int(sf_error(nil)) {
        case Int(SF_ERR_UNRECOGNISED_FORMAT): .notAudio(message)
        case Int(SF_ERR_UNSUPPORTED_ENCODING): .unsupportedFormat(message)
        case Int(SF_ERR_MALFORMED_FILE): .truncated(message)
        case Int(SF_ERR_SYSTEM): .unreadable(message)
        default: .notAudio(message)
        }
    }

    var errorMessage: String { String(cString: sf_strerror(handle)) }

    /// MP3 and Ogg frame counts can be estimates; the other formats state theirs exactly.
    var isFrameCountExact: Bool {
        let major = info.format & Int32(SF_FORMAT_TYPEMASK)
        return major != Int32(SF_FORMAT_MPEG) && major != Int32(SF_FORMAT_OGG)
    }

    func close() { sf_close(handle) }
}
