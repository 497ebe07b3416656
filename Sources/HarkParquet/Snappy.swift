/// Snappy's raw format (what Parquet's SNAPPY codec stores, without framing): the uncompressed
/// length as a varint, then literals and back-references. Every length and offset is checked, so
/// a corrupt block is an error, never a read or write out of bounds.
enum Snappy {
    /// Decompresses `input`, which must expand to exactly `expectedCount` bytes.
    static func decompress(_ input: UnsafeRawBufferPointer, expectedCount: Int) throws(ParquetError) -> [UInt8] {
        var position = 0
        var length: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            try require(position < input.count && shift < 35, "a Snappy block's length is corrupt")
            let byte = input[position]
            position += 1
            length |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { break }
            shift += 7
        }
        try require(
            length == UInt64(expectedCount),
            "a Snappy block holds \(length) bytes where its page header says \(expectedCount)")
        let count = Int(length)
        var failure: ParquetError?
        let output = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            do throws(ParquetError) {
                initialized = try expand(input, from: position, into: buffer)
            } catch {
                failure = error
                initialized = 0
            }
        }
        if let failure { throw failure }
        return output
    }

    private static func expand(
        _ input: UnsafeRawBufferPointer, from start: Int, into output: UnsafeMutableBufferPointer<UInt8>
    ) throws(ParquetError) -> Int {
        var inPosition = start
        var outPosition = 0
        let inCount = input.count
        let outCount = output.count
        guard let out = output.baseAddress else {
            try require(inPosition == inCount, "a Snappy block has data after its end")
            return 0
        }
        while inPosition < inCount {
            let tag = input[inPosition]
            inPosition += 1
            var length: Int
            var offset: Int
            switch tag & 3 {
            case 0:
                length = Int(tag >> 2)
                if length >= 60 {
                    let extra = length - 59
                    try require(inPosition + extra <= inCount, "a Snappy literal's length runs past the block")
                    length = 0
                    for index in 0..<extra { length |= Int(input[inPosition + index]) << (8 * index) }
                    inPosition += extra
                }
                length += 1
                try require(
                    length <= inCount - inPosition && length <= outCount - outPosition,
                    "a Snappy literal runs past the block")
                (out + outPosition).update(
                    from: input.baseAddress!.advanced(by: inPosition).assumingMemoryBound(to: UInt8.self),
                    count: length)
                inPosition += length
                outPosition += length
                continue
            case 1:
                try require(inPosition < inCount, "a Snappy copy runs past the block")
                length = Int((tag >> 2) & 7) + 4
                offset = (Int(tag >> 5) << 8) | Int(input[inPosition])
                inPosition += 1
            case 2:
                try require(inPosition + 2 <= inCount, "a Snappy copy runs past the block")
                length = Int(tag >> 2) + 1
                offset = Int(input[inPosition]) | Int(input[inPosition + 1]) << 8
                inPosition += 2
            default:
                try require(inPosition + 4 <= inCount, "a Snappy copy runs past the block")
                length = Int(tag >> 2) + 1
                offset = 0
                for index in 0..<4 { offset |= Int(input[inPosition + index]) << (8 * index) }
                inPosition += 4
            }
            try require(
                offset > 0 && offset <= outPosition && length <= outCount - outPosition,
                "a Snappy copy refers outside the output")
            if offset >= length {
                (out + outPosition).update(from: out + outPosition - offset, count: length)
            } else {
                for index in 0..<length { out[outPosition + index] = out[outPosition - offset + index] }
            }
            outPosition += length
        }
        try require(outPosition == outCount, "a Snappy block expands to \(outPosition) bytes, not \(outCount)")
        return outPosition
    }
}
