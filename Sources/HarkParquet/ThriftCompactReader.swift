/// A reader of Thrift's compact protocol (the encoding of Parquet's footer and page headers), over
/// bytes it does not own. Every length and count is checked against the bytes that remain and
/// structs nest at most `maxDepth` deep, so a hostile footer fails with an error, never a crash or
/// an allocation larger than the input.
struct ThriftCompactReader {
    enum FieldType: UInt8 {
        case stop = 0
        case boolTrue = 1
        case boolFalse = 2
        case byte = 3
        case i16 = 4
        case i32 = 5
        case i64 = 6
        case double = 7
        case binary = 8
        case list = 9
        case set = 10
        case map = 11
        case structure = 12
    }

    struct FieldHeader {
        var id: Int16
        var type: FieldType
    }

    static let maxDepth = 64

    /// The bytes and the read position; its varints and zigzag integers are Thrift's.
    private var cursor: ByteCursor
    private var lastFieldIDs: [Int16] = []

    init(_ bytes: UnsafeRawBufferPointer, position: Int = 0) {
        cursor = ByteCursor(bytes, position: position)
    }

    var position: Int { cursor.position }
    var remaining: Int { cursor.remaining }

    mutating func byte() throws(ParquetError) -> UInt8 { try cursor.byte() }
    mutating func varint() throws(ParquetError) -> UInt64 { try cursor.varint() }
    mutating func zigzag() throws(ParquetError) -> Int64 { try cursor.zigzag() }

    mutating func i32() throws(ParquetError) -> Int32 {
        let value = try zigzag()
        try require(value >= Int64(Int32.min) && value <= Int64(Int32.max), "a Thrift i32 is out of range")
        return Int32(value)
    }

    mutating func i64() throws(ParquetError) -> Int64 { try zigzag() }

    mutating func binary() throws(ParquetError) -> UnsafeRawBufferPointer {
        let length = try varint()
        try require(length <= UInt64(remaining), "a Thrift string runs past the end of its data")
        return try cursor.take(Int(length), "a Thrift string")
    }

    mutating func string() throws(ParquetError) -> String {
        String(decoding: try binary(), as: UTF8.self)
    }

    mutating func double() throws(ParquetError) -> Double {
        let bytes = try cursor.take(8, "a Thrift double")
        return Double(bitPattern: UInt64(littleEndian: bytes.loadUnaligned(as: UInt64.self)))
    }

    /// Enters a struct: its field ids are read relative to one another.
    mutating func beginStruct() throws(ParquetError) {
        try require(lastFieldIDs.count < Self.maxDepth, "Thrift structs nest deeper than \(Self.maxDepth)")
        lastFieldIDs.append(0)
    }

    mutating func endStruct() {
        lastFieldIDs.removeLast()
    }

    /// The next field's header, or nil at the struct's stop byte. A boolean field's value is in its
    /// type (`boolTrue`, `boolFalse`).
    mutating func fieldHeader() throws(ParquetError) -> FieldHeader? {
        let header = try byte()
        guard let type = FieldType(rawValue: header & 0x0F) else {
            throw ParquetError("unknown Thrift field type \(header & 0x0F)")
        }
        if type == .stop { return nil }
        let delta = Int16(header >> 4)
        let id: Int16
        if delta == 0 {
            let value = try zigzag()
            try require(value >= Int64(Int16.min) && value <= Int64(Int16.max), "a Thrift field id is out of range")
            id = Int16(value)
        } else {
            id = lastFieldIDs[lastFieldIDs.count - 1] &+ delta
        }
        lastFieldIDs[lastFieldIDs.count - 1] = id
        return FieldHeader(id: id, type: type)
    }

    /// A list's element type and count; the count is checked against the bytes left.
    mutating func listHeader() throws(ParquetError) -> (type: FieldType, count: Int) {
        let header = try byte()
        var count = UInt64(header >> 4)
        if count == 15 { count = try varint() }
        guard let type = FieldType(rawValue: header & 0x0F) else {
            throw ParquetError("unknown Thrift list element type \(header & 0x0F)")
        }
        // Every element takes at least one byte, booleans included.
        try require(count <= UInt64(remaining), "a Thrift list claims more elements than its bytes hold")
        return (type, Int(count))
    }

    /// A list of `element`s.
    mutating func list<Element>(
        _ element: (inout ThriftCompactReader) throws(ParquetError) -> Element
    ) throws(ParquetError) -> [Element] {
        let (_, count) = try listHeader()
        var elements: [Element] = []
        elements.reserveCapacity(count)
        for _ in 0..<count { elements.append(try element(&self)) }
        return elements
    }

    /// A boolean in a list (one byte), not a field.
    mutating func listBool() throws(ParquetError) -> Bool { try byte() == 1 }

    /// A struct read field by field with `field`, which reads or skips each one.
    mutating func structure(
        _ field: (inout ThriftCompactReader, FieldHeader) throws(ParquetError) -> Void
    ) throws(ParquetError) {
        try beginStruct()
        while let header = try fieldHeader() { try field(&self, header) }
        endStruct()
    }

    /// Skips a value of `type` (nested structs, lists and maps included).
    mutating func skip(_ type: FieldType, depth: Int = 0) throws(ParquetError) {
        try require(depth < Self.maxDepth, "Thrift values nest deeper than \(Self.maxDepth)")
        switch type {
        case .stop: throw ParquetError("a Thrift stop where a value was expected")
        case .boolTrue, .boolFalse: return
        case .byte: _ = try byte()
        case .i16, .i32, .i64: _ = try varint()
        case .double: _ = try cursor.take(8, "a Thrift double")
        case .binary: _ = try binary()
        case .list, .set:
            let (elementType, count) = try listHeader()
            for _ in 0..<count {
                if elementType == .boolTrue || elementType == .boolFalse {
                    _ = try byte()
                } else {
                    try skip(elementType, depth: depth + 1)
                }
            }
        case .map:
            let count = try varint()
            guard count > 0 else { return }
            try require(count <= UInt64(remaining), "a Thrift map claims more entries than its bytes hold")
            let types = try byte()
            guard let key = FieldType(rawValue: types >> 4), let value = FieldType(rawValue: types & 0x0F) else {
                throw ParquetError("unknown Thrift map types")
            }
            for _ in 0..<count {
                for type in [key, value] {
                    if type == .boolTrue || type == .boolFalse {
                        _ = try byte()
                    } else {
                        try skip(type, depth: depth + 1)
                    }
                }
            }
        case .structure:
            try structure { reader, header throws(ParquetError) in try reader.skip(header.type, depth: depth + 1) }
        }
    }
}
