/// Byte strings stored end to end, with the offset where each starts.
struct BinaryValues {
    var storage: [UInt8] = []
    var offsets: [Int] = [0]

    var count: Int { offsets.count - 1 }

    subscript(index: Int) -> ArraySlice<UInt8> { storage[offsets[index]..<offsets[index + 1]] }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        storage.append(contentsOf: bytes)
        offsets.append(storage.count)
    }

    mutating func append(_ bytes: ArraySlice<UInt8>) {
        storage.append(contentsOf: bytes)
        offsets.append(storage.count)
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
            for index in indices { binaries.append(dictionary.binaries[Int(index)]) }
        }
    }
}
