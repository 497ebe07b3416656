/// The values section of a page in each encoding pyarrow writes, appended to a column's values.
extension ColumnValues {
    /// Appends `count` values encoded with `encoding` from `cursor` (the values section of a page).
    /// `dictionary` is the chunk's dictionary page, for the dictionary encodings.
    mutating func append(
        _ cursor: inout ByteCursor, encoding rawEncoding: Int32, count: Int, typeLength: Int,
        dictionary: ColumnValues?, maxBytes: Int
    ) throws(ParquetError) {
        guard let encoding = Encoding(rawValue: rawEncoding) else {
            throw ParquetError("unknown encoding \(rawEncoding)")
        }
        switch encoding {
        case .plain: try appendPlain(&cursor, count: count, typeLength: typeLength)
        case .plainDictionary, .rleDictionary:
            guard let dictionary else {
                throw ParquetError("a dictionary-encoded page has no dictionary page before it")
            }
            guard count > 0 else { return }
            let width = Int(try cursor.byte())
            var indices: [UInt32] = []
            try decodeHybrid(&cursor, width: width, count: count, into: &indices)
            try append(from: dictionary, at: indices)
        case .rle:
            try require(type == .boolean, "RLE encodes only booleans' values, not \(type)")
            let length = Int(try cursor.uint32())
            var run = ByteCursor(try cursor.take(length, "an RLE run"))
            var bits: [UInt32] = []
            try decodeHybrid(&run, width: 1, count: count, into: &bits)
            booleans.append(contentsOf: bits.lazy.map { $0 != 0 })
        case .deltaBinaryPacked:
            let values = try decodeDeltaBinaryPacked(&cursor, limit: count)
            try require(values.count == count, "a DELTA_BINARY_PACKED page holds \(values.count) values, not \(count)")
            switch type {
            case .int32: int32s.append(contentsOf: values.lazy.map { Int32(truncatingIfNeeded: $0) })
            case .int64: int64s.append(contentsOf: values)
            default: throw ParquetError("DELTA_BINARY_PACKED encodes only integers, not \(type)")
            }
        case .deltaLengthByteArray:
            try require(type == .byteArray, "DELTA_LENGTH_BYTE_ARRAY encodes only byte arrays, not \(type)")
            let lengths = try decodeDeltaBinaryPacked(&cursor, limit: count)
            try require(lengths.count == count, "a DELTA_LENGTH_BYTE_ARRAY page holds \(lengths.count) lengths")
            var ranges: [Range<Int>] = []
            ranges.reserveCapacity(count)
            for length in lengths {
                try require(length >= 0 && length <= Int64(cursor.remaining), "a byte array runs past its page")
                ranges.append(cursor.position..<cursor.position + Int(length))
                cursor.position += Int(length)
            }
            binaries.append(cursor.bytes, ranges: ranges)
        case .deltaByteArray:
            try require(
                type == .byteArray || type == .fixedLenByteArray,
                "DELTA_BYTE_ARRAY encodes only byte arrays, not \(type)")
            let prefixes = try decodeDeltaBinaryPacked(&cursor, limit: count)
            let lengths = try decodeDeltaBinaryPacked(&cursor, limit: count)
            try require(prefixes.count == count && lengths.count == count, "a DELTA_BYTE_ARRAY page is short")
            var previous: [UInt8] = []
            var total = 0
            var decoded: [ArraySlice<UInt8>] = []
            decoded.reserveCapacity(count)
            for (prefix, length) in zip(prefixes, lengths) {
                try require(prefix >= 0 && prefix <= Int64(previous.count), "a DELTA_BYTE_ARRAY prefix is too long")
                try require(length >= 0 && length <= Int64(cursor.remaining), "a byte array runs past its page")
                previous.removeSubrange(Int(prefix)...)
                previous.append(contentsOf: try cursor.take(Int(length), "a byte array"))
                if type == .fixedLenByteArray {
                    try require(previous.count == typeLength, "a fixed-length value is \(previous.count) bytes")
                }
                total += previous.count
                try require(total <= maxBytes, "a DELTA_BYTE_ARRAY page expands past the limit of \(maxBytes) bytes")
                decoded.append(previous[...])
            }
            binaries.append(contentsOf: decoded)
        case .byteStreamSplit:
            let width: Int
            switch type {
            case .int32, .float: width = 4
            case .int64, .double: width = 8
            case .fixedLenByteArray: width = typeLength
            default: throw ParquetError("BYTE_STREAM_SPLIT does not encode \(type)")
            }
            let streams = try cursor.take(width * count, "a BYTE_STREAM_SPLIT page")
            var joined = [UInt8](repeating: 0, count: width * count)
            for stream in 0..<width {
                for index in 0..<count { joined[index * width + stream] = streams[stream * count + index] }
            }
            try joined.withBytes { bytes throws(ParquetError) in
                var plain = ByteCursor(bytes)
                try appendPlain(&plain, count: count, typeLength: typeLength)
            }
        case .bitPacked:
            throw ParquetError("the deprecated BIT_PACKED encoding is not supported for values")
        }
    }

    /// PLAIN: fixed-width values little-endian, booleans one bit each, byte arrays each after a
    /// four-byte length.
    mutating func appendPlain(_ cursor: inout ByteCursor, count: Int, typeLength: Int) throws(ParquetError) {
        switch type {
        case .boolean:
            let bytes = try cursor.take((count + 7) / 8, "PLAIN booleans")
            booleans.reserveCapacity(booleans.count + count)
            for index in 0..<count { booleans.append(bytes[index >> 3] >> UInt8(index & 7) & 1 == 1) }
        case .int32:
            let bytes = try cursor.take(4 * count, "PLAIN INT32 values")
            int32s.append(
                contentsOf: (0..<count).lazy.map {
                    Int32(littleEndian: bytes.loadUnaligned(fromByteOffset: 4 * $0, as: Int32.self))
                })
        case .int64:
            let bytes = try cursor.take(8 * count, "PLAIN INT64 values")
            int64s.append(
                contentsOf: (0..<count).lazy.map {
                    Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: 8 * $0, as: Int64.self))
                })
        case .float:
            let bytes = try cursor.take(4 * count, "PLAIN FLOAT values")
            floats.append(
                contentsOf: (0..<count).lazy.map {
                    Float(
                        bitPattern: UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 4 * $0, as: UInt32.self)))
                })
        case .double:
            let bytes = try cursor.take(8 * count, "PLAIN DOUBLE values")
            doubles.append(
                contentsOf: (0..<count).lazy.map {
                    Double(
                        bitPattern: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 8 * $0, as: UInt64.self)))
                })
        case .int96, .fixedLenByteArray:
            let width = type == .int96 ? 12 : typeLength
            let start = cursor.position
            _ = try cursor.take(width * count, "PLAIN fixed-length values")
            binaries.append(cursor.bytes, ranges: (0..<count).map { start + $0 * width..<start + ($0 + 1) * width })
        case .byteArray:
            var ranges: [Range<Int>] = []
            ranges.reserveCapacity(min(count, cursor.remaining / 4))
            for _ in 0..<count {
                let length = Int(try cursor.uint32())
                try require(length <= cursor.remaining, "a byte array runs past the end of its page")
                ranges.append(cursor.position..<cursor.position + length)
                cursor.position += length
            }
            binaries.append(cursor.bytes, ranges: ranges)
        }
    }
}

extension PhysicalType: CustomStringConvertible {
    public var description: String {
        switch self {
        case .boolean: "BOOLEAN"
        case .int32: "INT32"
        case .int64: "INT64"
        case .int96: "INT96"
        case .float: "FLOAT"
        case .double: "DOUBLE"
        case .byteArray: "BYTE_ARRAY"
        case .fixedLenByteArray: "FIXED_LEN_BYTE_ARRAY"
        }
    }
}
