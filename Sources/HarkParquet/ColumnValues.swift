/// Byte strings, stored in buffers of one page's values each (so that appending a page never
/// moves the pages before it), with each value's buffer and range.
struct BinaryValues {
    private var buffers: [[UInt8]] = []
    private var buffer: [Int32] = []
    private var starts: [Int] = []
    private var ends: [Int] = []

    /// The bytes of all values (a dictionary value counted each time it is used).
    private(set) var byteCount = 0

    var count: Int { starts.count }

    subscript(index: Int) -> ArraySlice<UInt8> { buffers[Int(buffer[index])][starts[index]..<ends[index]] }

    /// Appends the values at `ranges` of `bytes` (one page's), copying the bytes they span once.
    mutating func append(_ bytes: UnsafeRawBufferPointer, ranges: [Range<Int>]) {
        guard let first = ranges.first?.lowerBound, let last = ranges.last?.upperBound else { return }
        buffers.append([UInt8](UnsafeRawBufferPointer(rebasing: bytes[first..<last])))
        byteCount += last - first
        let index = Int32(buffers.count - 1)
        buffer.append(contentsOf: repeatElement(index, count: ranges.count))
        starts.append(contentsOf: ranges.lazy.map { $0.lowerBound - first })
        ends.append(contentsOf: ranges.lazy.map { $0.upperBound - first })
    }

    /// Appends the values of `dictionary` at `indices`, referring to its buffers (never copying a
    /// value per index, so a small dictionary repeated many times stays small).
    mutating func append(from dictionary: BinaryValues, at indices: [UInt32]) {
        let base = Int32(buffers.count)
        buffers += dictionary.buffers
        buffer.append(contentsOf: indices.lazy.map { base + dictionary.buffer[Int($0)] })
        starts.append(contentsOf: indices.lazy.map { dictionary.starts[Int($0)] })
        ends.append(contentsOf: indices.lazy.map { dictionary.ends[Int($0)] })
        byteCount += indices.reduce(0) { $0 + dictionary.ends[Int($1)] - dictionary.starts[Int($1)] }
    }

    /// Appends values one by one (dictionary lookups, prefix-decoded arrays), into a buffer of their own.
    mutating func append<Values: Sequence>(contentsOf values: Values) where Values.Element == ArraySlice<UInt8> {
        var joined: [UInt8] = []
        let index = Int32(buffers.count)
        for value in values {
            buffer.append(index)
            starts.append(joined.count)
            joined.append(contentsOf: value)
            ends.append(joined.count)
        }
        buffers.append(joined)
        byteCount += joined.count
    }
}

/// The non-null values of one column chunk in the column's physical type: one of the arrays is
/// used, the one of `type` (BYTE_ARRAY, FIXED_LEN_BYTE_ARRAY and INT96 in `binaries`).
struct ColumnValues {
    let type: PhysicalType
    var booleans: [Bool] = []
    var int32s: [Int32] = []
    var int64s: [Int64] = []
    var floats: [Float] = []
    var doubles: [Double] = []
    var binaries = BinaryValues()

    init(_ type: PhysicalType) {
        self.type = type
    }

    var count: Int {
        switch type {
        case .boolean: booleans.count
        case .int32: int32s.count
        case .int64: int64s.count
        case .float: floats.count
        case .double: doubles.count
        case .int96, .byteArray, .fixedLenByteArray: binaries.count
        }
    }

    /// Appends the values of `dictionary` at `indices`, each checked against its size.
    mutating func append(from dictionary: ColumnValues, at indices: [UInt32]) throws(ParquetError) {
        let size = dictionary.count
        if let index = indices.first(where: { Int($0) >= size }) {
            throw ParquetError("a dictionary index \(index) is beyond the dictionary's \(size) entries")
        }
        switch type {
        case .boolean: booleans.append(contentsOf: indices.lazy.map { dictionary.booleans[Int($0)] })
        case .int32: int32s.append(contentsOf: indices.lazy.map { dictionary.int32s[Int($0)] })
        case .int64: int64s.append(contentsOf: indices.lazy.map { dictionary.int64s[Int($0)] })
        case .float: floats.append(contentsOf: indices.lazy.map { dictionary.floats[Int($0)] })
        case .double: doubles.append(contentsOf: indices.lazy.map { dictionary.doubles[Int($0)] })
        case .int96, .byteArray, .fixedLenByteArray:
            binaries.append(from: dictionary.binaries, at: indices)
        }
    }
}
