internal import CSndFile
public import Foundation

/// Encodes audio as a 16-bit PCM WAV file in memory (libsndfile's virtual I/O), the form hark sends
/// to a model.
public enum WAVEncoder {
    public static func pcm16(_ buffer: AudioBuffer) throws(AudioError) -> Data {
        let sink = MemoryFile(capacity: 44 + buffer.samples.count * 2)
        var info = SF_INFO()
        info.samplerate = Int32(buffer.sampleRate)
        info.channels = Int32(buffer.channels)
        info.format = AudioFileFormat.wav16.sndfileFormat
        var io = MemoryFile.virtualIO
        let context = Unmanaged.passUnretained(sink).toOpaque()
        let written: Int = try withExtendedLifetime(sink) { () throws(AudioError) -> Int in
            guard let handle = sf_open_virtual(&io, Int32(SFM_WRITE), &info, context) else {
                throw AudioError(path: "<wav encoder>", reason: .library(String(cString: sf_strerror(nil))))
            }
            defer { sf_close(handle) }
            sf_command(handle, Int32(SFC_SET_CLIPPING), nil, Int32(SF_TRUE))
            return buffer.samples.withUnsafeBufferPointer { samples in
                Int(sf_writef_float(handle, samples.baseAddress, sf_count_t(buffer.frames)))
            }
        }
        guard written == buffer.frames else {
            throw AudioError(path: "<wav encoder>", reason: .library("wrote \(written) of \(buffer.frames) frames"))
        }
        return Data(sink.bytes[..<Int(sink.length)])
    }
}
