public import Foundation
internal import CSndFile

/// Encodes audio as a 16-bit PCM WAV file in memory (libsndfile's virtual I/O), the form hark sends
/// to a model.
public enum WAVEncoder {
    public static func pcm16(_ buffer: AudioBuffer) throws(AudioError) -> Data {
        let sink = MemoryFile(capacity: 44 + buffer.samples.count * 2)
        var info = SF_INFO()
        info.samplerate = Int32(buffer.sampleRate)
        info.channels = Int32(buffer.channels)
        info.format = AudioFileFormat.wav16.sndfileFormat
        var io = SF_VIRTUAL_IO(
            get_filelen: { MemoryFile.from($0).length },
            seek: { offset, whence, context in MemoryFile.from(context).seek(offset, whence) },
            read: { destination, count, context in MemoryFile.from(context).read(into: destination, count) },
            write: { source, count, context in MemoryFile.from(context).write(from: source, count) },
            tell: { MemoryFile.from($0).position })
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

/// A growable byte buffer behind libsndfile's virtual I/O callbacks.
private final class MemoryFile {
    var bytes: [UInt8]
    var length: sf_count_t = 0
    var position: sf_count_t = 0

    init(capacity: Int) {
        bytes = [UInt8](repeating: 0, count: capacity)
    }

    static func from(_ context: UnsafeMutableRawPointer?) -> MemoryFile {
        Unmanaged<MemoryFile>.fromOpaque(context!).takeUnretainedValue()
    }

    func seek(_ offset: sf_count_t, _ whence: Int32) -> sf_count_t {
        let base: sf_count_t =
            switch whence {
            case SEEK_CUR: position
            case SEEK_END: length
            default: 0
            }
        position = max(0, base + offset)
        return position
    }

    func read(into destination: UnsafeMutableRawPointer?, _ count: sf_count_t) -> sf_count_t {
        guard let destination, position < length else { return 0 }
        let available = min(count, length - position)
        bytes.withUnsafeBytes { source in
            destination.copyMemory(from: source.baseAddress! + Int(position), byteCount: Int(available))
        }
        position += available
        return available
    }

    func write(from source: UnsafeRawPointer?, _ count: sf_count_t) -> sf_count_t {
        guard let source else { return 0 }
        let end = Int(position + count)
        if end > bytes.count {
            bytes.append(contentsOf: repeatElement(0, count: max(end - bytes.count, bytes.count)))
        }
        bytes.withUnsafeMutableBytes { target in
            (target.baseAddress! + Int(position)).copyMemory(from: source, byteCount: Int(count))
        }
        position += count
        length = max(length, position)
        return count
    }
}
