/// A value of a row: a leaf's value by its physical and logical type, or a group's assembled as a
/// list (LIST, or a repeated field) or a record (a struct, in schema order).
public indirect enum ParquetValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// INT32 and INT64, and unsigned integers that fit.
    case int(Int64)
    /// UINT_64 values above `Int64.max`.
    case unsigned(UInt64)
    /// FLOAT (exactly widened) and DOUBLE.
    case double(Double)
    /// BYTE_ARRAY annotated STRING, ENUM or JSON.
    case string(String)
    /// Any other BYTE_ARRAY, FIXED_LEN_BYTE_ARRAY or INT96.
    case bytes([UInt8])
    case list([ParquetValue])
    case record([ParquetField])

    /// The field named `name` of a record.
    public subscript(name: String) -> ParquetValue? {
        guard case .record(let fields) = self else { return nil }
        return fields.first { $0.name == name }?.value
    }
}

public struct ParquetField: Sendable, Equatable {
    public var name: String
    public var value: ParquetValue

    public init(_ name: String, _ value: ParquetValue) {
        self.name = name
        self.value = value
    }
}
