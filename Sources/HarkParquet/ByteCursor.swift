/// A read position in bytes the cursor does not own, every read checked against the end.
struct ByteCursor {
    let bytes: UnsafeRawBufferPointer
    var position: Int

    init(_ bytes: UnsafeRawBufferPointer, position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    var remaining: Int { bytes.count - position }
    var rest: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: bytes[position...]) }

    mutating func take(_ count: Int, _ what: @autoclosure () -> String) throws(ParquetError) -> UnsafeRawBufferPointer {
        try require(count >= 0 && count <= remaining, "\(what()) runs past the end of its bytes")
        defer { position += count }
        return UnsafeRawBufferPointer(rebasing: bytes[position..<position + count])
    }

    mutating func byte() throws(ParquetError) -> UInt8 {
        try require(position < bytes.count, "the bytes end early")
        defer { position += 1 }
        return bytes[position]
    }

    mutating func uint32() throws(ParquetError) -> UInt32 {
        try require(remaining >= 4, "the bytes end early")
        defer { position += 4 }
        return UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt32.self))
    }

    mutating func varint() throws(ParquetError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            try require(shift < 64, "a varint is longer than 10 bytes")
            result |= UInt64(next & 0x7F) << shift
            if next & 0x80 == 0 { return result }
            shift += 7
        }
    }

    mutating func zigzag() throws(ParquetError) -> Int64 {
        let raw = try varint()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }
}

/// The number of bits that hold values up to `maximum`.
func bitWidth(of maximum: Int) -> Int {
    maximum <= 0 ? 0 : Int.bitWidth - maximum.leadingZeroBitCount
}

/// The RLE / bit-packed hybrid encoding (levels, dictionary indices, RLE booleans): `count` values
/// of `width` bits, appended to `output`. Runs that claim more values than asked for are cut to
/// the count, so a hostile header cannot make the decoder allocate.
func decodeHybrid(
    _ cursor: inout ByteCursor, width: Int, count: Int, into output: inout [UInt32]
) throws(ParquetError) {
    try require(width >= 0 && width <= 32, "a bit width of \(width) is out of range")
    let target = output.count + count
    // Runs may expand a few bytes to many values; reserve for what plain packing would hold.
    output.reserveCapacity(output.count + min(count, 8 * cursor.remaining + 64))
    let valueBytes = (width + 7) / 8
    let mask: UInt64 = width == 32 ? 0xFFFF_FFFF : (1 << UInt64(width)) - 1
    while output.count < target {
        let header = try cursor.varint()
        let wanted = target - output.count
        if header & 1 == 0 {
            let runLength = header >> 1
            var value: UInt32 = 0
            for index in 0..<valueBytes { value |= UInt32(try cursor.byte()) << (8 * index) }
            try require(UInt64(value) <= mask, "a run's value \(value) is wider than \(width) bits")
            let repeats = Int(min(runLength, UInt64(wanted)))
            try require(runLength > 0, "an RLE run is empty")
            output.append(contentsOf: repeatElement(value, count: repeats))
        } else {
            let groups = min(header >> 1, UInt64(wanted / 8 + 1))
            let values = Int(min(groups * 8, UInt64(wanted)))
            let available = Int(min(groups * UInt64(width), UInt64(cursor.remaining)))
            let needed = (values * width + 7) / 8
            try require(needed <= available, "a bit-packed run runs past the end of its page")
            let bytes = try cursor.take(available, "a bit-packed run")
            unpack(bytes, width: width, count: values, into: &output)
        }
    }
}

/// `count` values of `width` bits packed least significant bit first, appended to `output`
/// (`bytes` holds at least `count × width` bits).
func unpack(_ bytes: UnsafeRawBufferPointer, width: Int, count: Int, into output: inout [UInt32]) {
    guard width > 0 else {
        output.append(contentsOf: repeatElement(0, count: count))
        return
    }
    let mask: UInt64 = (1 << UInt64(width)) - 1
    var buffer: UInt64 = 0
    var bits = 0
    var position = 0
    for _ in 0..<count {
        while bits < width {
            buffer |= UInt64(bytes[position]) << UInt64(bits)
            position += 1
            bits += 8
        }
        output.append(UInt32(truncatingIfNeeded: buffer & mask))
        buffer >>= UInt64(width)
        bits -= width
    }
}

/// DELTA_BINARY_PACKED: a header (block size, miniblocks per block, value count, first value),
/// then blocks of a minimum delta, miniblock bit widths and bit-packed deltas. Arithmetic wraps,
/// as the format requires. At most `limit` values are accepted.
func decodeDeltaBinaryPacked(_ cursor: inout ByteCursor, limit: Int) throws(ParquetError) -> [Int64] {
    let blockSize = try cursor.varint()
    let miniblockCount = try cursor.varint()
    let total = try cursor.varint()
    var last = try cursor.zigzag()
    try require(
        blockSize > 0 && blockSize % 128 == 0 && blockSize <= 1 << 20 && miniblockCount > 0
            && blockSize % miniblockCount == 0 && (blockSize / miniblockCount) % 32 == 0,
        "a DELTA_BINARY_PACKED header is invalid (block \(blockSize), miniblocks \(miniblockCount))")
    try require(total <= UInt64(limit), "a DELTA_BINARY_PACKED run holds \(total) values where \(limit) were expected")
    let count = Int(total)
    var values: [Int64] = []
    values.reserveCapacity(min(count, 8 * cursor.remaining + 64))
    guard count > 0 else { return values }
    values.append(last)
    let perMiniblock = Int(blockSize / miniblockCount)
    var widths = [Int](repeating: 0, count: Int(miniblockCount))
    var deltas: [UInt64] = []
    deltas.reserveCapacity(perMiniblock)
    while values.count < count {
        let minimum = try cursor.zigzag()
        for index in widths.indices { widths[index] = Int(try cursor.byte()) }
        for width in widths where values.count < count {
            try require(width <= 64, "a DELTA_BINARY_PACKED miniblock is \(width) bits wide")
            let packed = try cursor.take(perMiniblock * width / 8, "a DELTA_BINARY_PACKED miniblock")
            deltas.removeAll(keepingCapacity: true)
            unpack64(packed, width: width, count: perMiniblock, into: &deltas)
            for delta in deltas where values.count < count {
                last = last &+ minimum &+ Int64(bitPattern: delta)
                values.append(last)
            }
        }
    }
    return values
}

/// As `unpack`, for widths up to 64 bits.
private func unpack64(_ bytes: UnsafeRawBufferPointer, width: Int, count: Int, into output: inout [UInt64]) {
    guard width > 0 else {
        output.append(contentsOf: repeatElement(0, count: count))
        return
    }
    var bitPosition = 0
    for _ in 0..<count {
        var value: UInt64 = 0
        var filled = 0
        while filled < width {
            let byte = UInt64(bytes[bitPosition >> 3])
            let offset = bitPosition & 7
            let take = min(8 - offset, width - filled)
            value |= ((byte >> UInt64(offset)) & ((1 << UInt64(take)) - 1)) << UInt64(filled)
            filled += take
            bitPosition += take
        }
        output.append(value)
    }
}

extension Array where Element == UInt8 {
    /// `withUnsafeBytes`, keeping the body's typed error.
    func withBytes<Result>(_ body: (UnsafeRawBufferPointer) throws(ParquetError) -> Result) throws(ParquetError)
        -> Result
    {
        let outcome: Swift.Result<Result, ParquetError> = withUnsafeBytes { bytes in
            do throws(ParquetError) { return .success(try body(bytes)) } catch { return .failure(error) }
        }
        return try outcome.get()
    }
}
