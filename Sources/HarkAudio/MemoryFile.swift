internal import CSndFile
import Foundation

/// A growable byte buffer behind libsndfile's virtual I/O callbacks.
final class MemoryFile {
    var bytes: [UInt8]
    var length: sf_count_t = 0
    var position: sf_count_t = 0

    init(capacity: Int) {
        bytes = [UInt8](repeating: 0, count: capacity)
    }

    init(contents: some Collection<UInt8>) {
        bytes = Array(contents)
        length = sf_count_t(bytes.count)
    }

    /// libsndfile's callbacks, each finding the `MemoryFile` through its context pointer.
    static var virtualIO: SF_VIRTUAL_IO {
        SF_VIRTUAL_IO(
            get_filelen: { MemoryFile.from($0).length },
            seek: { offset, whence, context in MemoryFile.from(context).seek(offset, whence) },
            read: { destination, count, context in MemoryFile.from(context).read(into: destination, count) },
            write: { source, count, context in MemoryFile.from(context).write(from: source, count) },
            tell: { MemoryFile.from($0).position })
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
