/// The parts of Parquet's Thrift footer and page headers that a reader needs (parquet.thrift);
/// every other field is skipped.

/// Parquet's physical types.
public enum PhysicalType: Int32, Sendable {
    case boolean = 0
    case int32 = 1
    case int64 = 2
    case int96 = 3
    case float = 4
    case double = 5
    case byteArray = 6
    case fixedLenByteArray = 7
}

/// How a field repeats: once, at most once, or any number of times.
public enum Repetition: Int32, Sendable {
    case required = 0
    case optional = 1
    case repeated = 2
}

/// The logical types a reader maps values by (the newer `LogicalType` union and the legacy
/// `ConvertedType` enum, read into one).
public enum LogicalType: Sendable, Equatable {
    case string, list, map, enumeration, json, bson, uuid, date
    case decimal(scale: Int32, precision: Int32)
    case integer(bitWidth: Int8, signed: Bool)
    case timestamp, time, float16, unknown
}

enum Codec: Int32 {
    case uncompressed = 0
    case snappy = 1
    case gzip = 2
    case lzo = 3
    case brotli = 4
    case lz4 = 5
    case zstd = 6
    case lz4Raw = 7
}

enum Encoding: Int32 {
    case plain = 0
    case plainDictionary = 2
    case rle = 3
    case bitPacked = 4
    case deltaBinaryPacked = 5
    case deltaLengthByteArray = 6
    case deltaByteArray = 7
    case rleDictionary = 8
    case byteStreamSplit = 9
}

struct SchemaElement {
    var name = ""
    var type: PhysicalType?
    var typeLength: Int32 = 0
    var repetition: Repetition = .required
    var childCount: Int32 = 0
    var logicalType: LogicalType?
}

struct ColumnChunk {
    var type: PhysicalType = .boolean
    var path: [String] = []
    var codec: Codec = .uncompressed
    var valueCount: Int64 = 0
    var compressedSize: Int64 = 0
    var dataPageOffset: Int64 = 0
    var dictionaryPageOffset: Int64?
    var externalFile: String?
}

struct RowGroup {
    var columns: [ColumnChunk] = []
    var rowCount: Int64 = 0
}

struct FileMetadata {
    var schema: [SchemaElement] = []
    var rowCount: Int64 = 0
    var rowGroups: [RowGroup] = []
    var keyValues: [(key: String, value: String?)] = []
    var createdBy: String?
}

enum PageType: Int32 {
    case dataPage = 0
    case indexPage = 1
    case dictionaryPage = 2
    case dataPageV2 = 3
}

struct PageHeader {
    struct Data {
        var valueCount: Int32 = 0
        var encoding: Int32 = 0
        var definitionLevelEncoding: Int32 = Encoding.rle.rawValue
        var repetitionLevelEncoding: Int32 = Encoding.rle.rawValue
        // v2 only
        var definitionLevelsLength: Int32 = 0
        var repetitionLevelsLength: Int32 = 0
        var isCompressed = true
    }

    var type: Int32 = -1
    var uncompressedSize: Int32 = 0
    var compressedSize: Int32 = 0
    var data: Data?
    var dictionary: (valueCount: Int32, encoding: Int32)?
}

extension ThriftCompactReader {
    /// A Thrift enum (an i32) as `Value`, or the error naming what it was.
    mutating func enumeration<Value: RawRepresentable>(_: Value.Type, _ what: String) throws(ParquetError) -> Value
    where Value.RawValue == Int32 {
        let raw = try i32()
        guard let value = Value(rawValue: raw) else { throw ParquetError("unknown \(what) \(raw)") }
        return value
    }
}

extension FileMetadata {
    init(reading reader: inout ThriftCompactReader) throws(ParquetError) {
        self.init()
        try reader.structure { reader, field throws(ParquetError) in
            switch (field.id, field.type) {
            case (2, .list):
                schema = try reader.list { reader throws(ParquetError) in try SchemaElement(reading: &reader) }
            case (3, .i64): rowCount = try reader.i64()
            case (4, .list):
                rowGroups = try reader.list { reader throws(ParquetError) in try RowGroup(reading: &reader) }
            case (5, .list):
                keyValues = try reader.list { reader throws(ParquetError) in
                    var key = ""
                    var value: String?
                    try reader.structure { reader, field throws(ParquetError) in
                        switch (field.id, field.type) {
                        case (1, .binary): key = try reader.string()
                        case (2, .binary): value = try reader.string()
                        default: try reader.skip(field.type)
                        }
                    }
                    return (key, value)
                }
            case (6, .binary): createdBy = try reader.string()
            default: try reader.skip(field.type)
            }
        }
    }
}

extension SchemaElement {
    init(reading reader: inout ThriftCompactReader) throws(ParquetError) {
        self.init()
        var converted: Int32?
        var scale: Int32 = 0
        var precision: Int32 = 0
        var logical: LogicalType?
        try reader.structure { reader, field throws(ParquetError) in
            switch (field.id, field.type) {
            case (1, .i32):
                type = try reader.enumeration(PhysicalType.self, "physical type")
            case (2, .i32): typeLength = try reader.i32()
            case (3, .i32):
                repetition = try reader.enumeration(Repetition.self, "repetition")
            case (4, .binary): name = try reader.string()
            case (5, .i32): childCount = try reader.i32()
            case (6, .i32): converted = try reader.i32()
            case (7, .i32): scale = try reader.i32()
            case (8, .i32): precision = try reader.i32()
            case (10, .structure): logical = try Self.logicalType(&reader)
            default: try reader.skip(field.type)
            }
        }
        logicalType = logical ?? converted.flatMap { Self.convertedType($0, scale: scale, precision: precision) }
    }

    /// The `LogicalType` union: one field, its id naming the type.
    private static func logicalType(_ reader: inout ThriftCompactReader) throws(ParquetError) -> LogicalType? {
        var result: LogicalType?
        try reader.structure { reader, field throws(ParquetError) in
            switch field.id {
            case 1: result = .string
            case 2: result = .map
            case 3: result = .list
            case 4: result = .enumeration
            case 5:
                var scale: Int32 = 0
                var precision: Int32 = 0
                try reader.structure { reader, field throws(ParquetError) in
                    switch (field.id, field.type) {
                    case (1, .i32): scale = try reader.i32()
                    case (2, .i32): precision = try reader.i32()
                    default: try reader.skip(field.type)
                    }
                }
                result = .decimal(scale: scale, precision: precision)
                return
            case 6: result = .date
            case 7: result = .time
            case 8: result = .timestamp
            case 10:
                var width: Int8 = 64
                var signed = true
                try reader.structure { reader, field throws(ParquetError) in
                    switch (field.id, field.type) {
                    case (1, .byte): width = Int8(truncatingIfNeeded: try reader.byte())
                    case (2, .boolTrue): signed = true
                    case (2, .boolFalse): signed = false
                    default: try reader.skip(field.type)
                    }
                }
                result = .integer(bitWidth: width, signed: signed)
                return
            case 12: result = .json
            case 13: result = .bson
            case 14: result = .uuid
            case 15: result = .float16
            default: result = .unknown
            }
            try reader.skip(field.type)
        }
        return result
    }

    private static func convertedType(_ raw: Int32, scale: Int32, precision: Int32) -> LogicalType? {
        switch raw {
        case 0: .string
        case 1, 2: .map
        case 3: .list
        case 4: .enumeration
        case 5: .decimal(scale: scale, precision: precision)
        case 6: .date
        case 7, 8: .time
        case 9, 10: .timestamp
        case 11: .integer(bitWidth: 8, signed: false)
        case 12: .integer(bitWidth: 16, signed: false)
        case 13: .integer(bitWidth: 32, signed: false)
        case 14: .integer(bitWidth: 64, signed: false)
        case 15: .integer(bitWidth: 8, signed: true)
        case 16: .integer(bitWidth: 16, signed: true)
        case 17: .integer(bitWidth: 32, signed: true)
        case 18: .integer(bitWidth: 64, signed: true)
        case 19: .json
        case 20: .bson
        default: nil
        }
    }
}

extension RowGroup {
    init(reading reader: inout ThriftCompactReader) throws(ParquetError) {
        self.init()
        try reader.structure { reader, field throws(ParquetError) in
            switch (field.id, field.type) {
            case (1, .list):
                columns = try reader.list { reader throws(ParquetError) in try ColumnChunk(reading: &reader) }
            case (3, .i64): rowCount = try reader.i64()
            default: try reader.skip(field.type)
            }
        }
    }
}

extension ColumnChunk {
    init(reading reader: inout ThriftCompactReader) throws(ParquetError) {
        self.init()
        var hasMetadata = false
        try reader.structure { reader, field throws(ParquetError) in
            switch (field.id, field.type) {
            case (1, .binary): externalFile = try reader.string()
            case (3, .structure):
                hasMetadata = true
                try readMetadata(&reader)
            default: try reader.skip(field.type)
            }
        }
        try require(hasMetadata, "a column chunk has no metadata")
    }

    private mutating func readMetadata(_ reader: inout ThriftCompactReader) throws(ParquetError) {
        try reader.structure { reader, field throws(ParquetError) in
            switch (field.id, field.type) {
            case (1, .i32):
                type = try reader.enumeration(PhysicalType.self, "physical type")
            case (3, .list): path = try reader.list { reader throws(ParquetError) in try reader.string() }
            case (4, .i32):
                codec = try reader.enumeration(Codec.self, "compression codec")
            case (5, .i64): valueCount = try reader.i64()
            case (7, .i64): compressedSize = try reader.i64()
            case (9, .i64): dataPageOffset = try reader.i64()
            case (11, .i64): dictionaryPageOffset = try reader.i64()
            default: try reader.skip(field.type)
            }
        }
    }
}

extension PageHeader {
    init(reading reader: inout ThriftCompactReader) throws(ParquetError) {
        self.init()
        try reader.structure { reader, field throws(ParquetError) in
            switch (field.id, field.type) {
            case (1, .i32): type = try reader.i32()
            case (2, .i32): uncompressedSize = try reader.i32()
            case (3, .i32): compressedSize = try reader.i32()
            case (5, .structure): data = try Self.dataHeader(&reader, version: 1)
            case (7, .structure):
                var count: Int32 = 0
                var encoding: Int32 = 0
                try reader.structure { reader, field throws(ParquetError) in
                    switch (field.id, field.type) {
                    case (1, .i32): count = try reader.i32()
                    case (2, .i32): encoding = try reader.i32()
                    default: try reader.skip(field.type)
                    }
                }
                dictionary = (count, encoding)
            case (8, .structure): data = try Self.dataHeader(&reader, version: 2)
            default: try reader.skip(field.type)
            }
        }
        try require(uncompressedSize >= 0 && compressedSize >= 0, "a page header gives a negative size")
    }

    private static func dataHeader(_ reader: inout ThriftCompactReader, version: Int) throws(ParquetError) -> Data {
        var data = Data()
        try reader.structure { reader, field throws(ParquetError) in
            switch (version, field.id, field.type) {
            case (_, 1, .i32): data.valueCount = try reader.i32()
            case (1, 2, .i32): data.encoding = try reader.i32()
            case (1, 3, .i32): data.definitionLevelEncoding = try reader.i32()
            case (1, 4, .i32): data.repetitionLevelEncoding = try reader.i32()
            case (2, 4, .i32): data.encoding = try reader.i32()
            case (2, 5, .i32): data.definitionLevelsLength = try reader.i32()
            case (2, 6, .i32): data.repetitionLevelsLength = try reader.i32()
            case (2, 7, .boolTrue): data.isCompressed = true
            case (2, 7, .boolFalse): data.isCompressed = false
            default: try reader.skip(field.type)
            }
        }
        try require(
            data.valueCount >= 0 && data.definitionLevelsLength >= 0 && data.repetitionLevelsLength >= 0,
            "a data page header gives a negative count")
        return data
    }
}
