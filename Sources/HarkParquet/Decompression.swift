import CZlib
import CZstd

extension Codec {
    var name: String {
        switch self {
        case .uncompressed: "UNCOMPRESSED"
        case .snappy: "SNAPPY"
        case .gzip: "GZIP"
        case .lzo: "LZO"
        case .brotli: "BROTLI"
        case .lz4: "LZ4"
        case .zstd: "ZSTD"
        case .lz4Raw: "LZ4_RAW"
        }
    }

    /// `input` decompressed to exactly `count` bytes (the size its page header gives, which the
    /// caller has checked against its limit).
    func decompress(_ input: UnsafeRawBufferPointer, count: Int) throws(ParquetError) -> [UInt8] {
        switch self {
        case .uncompressed:
            try require(input.count == count, "an uncompressed page holds \(input.count) bytes, not \(count)")
            return [UInt8](input)
        case .snappy: return try Snappy.decompress(input, expectedCount: count)
        case .gzip: return try Self.inflate(input, count: count)
        case .zstd: return try Self.zstd(input, count: count)
        case .lzo, .brotli, .lz4, .lz4Raw: throw ParquetError("the \(name) codec is not supported")
        }
    }

    /// GZIP pages are gzip streams (zlib's automatic header detection also takes raw zlib).
    private static func inflate(_ input: UnsafeRawBufferPointer, count: Int) throws(ParquetError) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ParquetError("zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var status: Int32 = Z_OK
        let output = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.avail_in = uInt(input.count)
            stream.next_out = buffer.baseAddress
            stream.avail_out = uInt(count)
            while true {
                // A full output with input left ends in Z_BUF_ERROR: the page is larger than it says.
                status = CZlib.inflate(&stream, Z_NO_FLUSH)
                guard status == Z_STREAM_END, stream.avail_in > 0 else { break }
                // A gzip stream may hold several members: the next starts where one ends.
                status = inflateReset(&stream)
                guard status == Z_OK else { break }
            }
            initialized = count - Int(stream.avail_out)
        }
        try require(
            status == Z_STREAM_END, "a GZIP page is corrupt or larger than its header says (zlib status \(status))")
        try require(output.count == count, "a GZIP page expands to \(output.count) bytes, not \(count)")
        return output
    }

    private static func zstd(_ input: UnsafeRawBufferPointer, count: Int) throws(ParquetError) -> [UInt8] {
        var written = 0
        let output = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            let result = ZSTD_decompress(buffer.baseAddress, count, input.baseAddress, input.count)
            written = ZSTD_isError(result) != 0 ? -1 : result
            initialized = written < 0 ? 0 : min(written, count)
        }
        try require(written >= 0, "a ZSTD page is corrupt")
        try require(written == count, "a ZSTD page expands to \(written) bytes, not \(count)")
        return output
    }
}
