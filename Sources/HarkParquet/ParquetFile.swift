#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A Parquet file opened for reading: its footer decoded once, then rows read a row group at a
/// time and only for the top-level fields asked for, so memory stays bounded by one row group of
/// those columns whatever the file's size.
public final class ParquetFile: @unchecked Sendable {
    public let path: String
    public let schema: ParquetSchema
    /// The footer's key-value metadata (e.g. `huggingface`, `ARROW:schema`).
    public let metadata: [String: String]
    public let rowCount: Int
    public let createdBy: String?
    let rowGroups: [RowGroup]
    let limits: ParquetLimits
    private let descriptor: Int32
    private let fileSize: Int

    public var rowGroupCount: Int { rowGroups.count }

    public func rowCount(ofRowGroup index: Int) -> Int { Int(rowGroups[index].rowCount) }

    public init(path: String, limits: ParquetLimits = ParquetLimits()) throws(ParquetError) {
        self.path = path
        self.limits = limits
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw ParquetError(file: path, "cannot be opened") }
        var closeOnError = true
        defer { if closeOnError { close(descriptor) } }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw ParquetError(file: path, "cannot be read") }
        let size = Int(status.st_size)
        do throws(ParquetError) {
            try require(size >= 12, "is \(size) bytes, too short for a Parquet file")
            let tail = try Self.read(descriptor, offset: size - 8, count: 8)
            try require(Array(tail[4...]) == Array("PAR1".utf8), "does not end with the Parquet magic PAR1")
            let head = try Self.read(descriptor, offset: 0, count: 4)
            try require(head == Array("PAR1".utf8), "does not start with the Parquet magic PAR1")
            let footerLength = Int(
                UInt32(tail[0]) | UInt32(tail[1]) << 8 | UInt32(tail[2]) << 16 | UInt32(tail[3]) << 24)
            try require(footerLength <= size - 12, "its footer length \(footerLength) is larger than the file")
            try require(footerLength <= limits.maxFooterBytes, "its footer of \(footerLength) bytes is over the limit")
            let footer = try Self.read(descriptor, offset: size - 8 - footerLength, count: footerLength)
            let decoded = try footer.withBytes { bytes throws(ParquetError) in
                var reader = ThriftCompactReader(bytes)
                return try FileMetadata(reading: &reader)
            }
            schema = try ParquetSchema(decoded.schema)
            for (index, group) in decoded.rowGroups.enumerated() {
                try require(
                    group.rowCount >= 0 && group.rowCount <= Int64(limits.maxEntries),
                    "row group \(index) claims \(group.rowCount) rows (the limit is \(limits.maxEntries))")
                try require(
                    group.columns.count == schema.columns.count,
                    "row group \(index) has \(group.columns.count) columns where the schema has \(schema.columns.count)"
                )
            }
            rowGroups = decoded.rowGroups
            rowCount = Int(clamping: decoded.rowCount)
            createdBy = decoded.createdBy
            metadata = Dictionary(decoded.keyValues.map { ($0.key, $0.value ?? "") }, uniquingKeysWith: { $1 })
        } catch {
            throw error.placed(file: path)
        }
        self.descriptor = descriptor
        fileSize = size
        closeOnError = false
    }

    deinit { close(descriptor) }

    /// The rows of row group `index`: each a record of the top-level fields named in `fields` (all
    /// of them when nil), in schema order. Only the columns under those fields are read.
    public func rows(ofRowGroup index: Int, fields names: [String]? = nil) throws(ParquetError) -> [ParquetValue] {
        let fields = try selectedFields(names)
        let group = rowGroups[index]
        // An empty row group may name no pages at all (pyarrow writes one for an empty table).
        guard group.rowCount > 0 else { return [] }
        var columns = [DecodedColumn?](repeating: nil, count: schema.columns.count)
        for field in fields {
            for leaf in schema.nodes[field].leaves {
                let node = schema.nodes[schema.columns[leaf]]
                do throws(ParquetError) {
                    columns[leaf] = try decode(group.columns[leaf], node: node)
                } catch {
                    throw error.placed(file: path, rowGroup: index, column: node.dottedPath)
                }
            }
        }
        do throws(ParquetError) {
            let assembler = try RecordAssembler(schema: schema, columns: columns, rowCount: Int(group.rowCount))
            var rows: [ParquetValue] = []
            rows.reserveCapacity(Int(group.rowCount))
            for row in 0..<Int(group.rowCount) { rows.append(.record(try assembler.row(row, fields: fields))) }
            return rows
        } catch {
            throw error.placed(file: path, rowGroup: index)
        }
    }

    /// The schema indices of the top-level fields named, in schema order.
    private func selectedFields(_ names: [String]?) throws(ParquetError) -> [Int] {
        guard let names else { return schema.root.children }
        let known = Set(schema.fields.map(\.name))
        if let missing = names.first(where: { !known.contains($0) }) {
            throw ParquetError(
                file: path, "has no field \"\(missing)\" (it has \(schema.fields.map(\.name).joined(separator: ", ")))")
        }
        let wanted = Set(names)
        return schema.root.children.filter { wanted.contains(schema.nodes[$0].name) }
    }

    private func decode(_ chunk: ColumnChunk, node: ParquetSchema.Node) throws(ParquetError) -> DecodedColumn {
        try require(chunk.externalFile == nil, "the column chunk is in another file (\(chunk.externalFile ?? ""))")
        try require(chunk.type == node.physicalType, "the column chunk's type differs from its schema's")
        var start = chunk.dataPageOffset
        if let dictionary = chunk.dictionaryPageOffset, dictionary > 0, dictionary < start { start = dictionary }
        try require(
            start >= 4 && chunk.compressedSize >= 0 && start <= Int64(fileSize)
                && chunk.compressedSize <= Int64(fileSize) - start,
            "the column chunk's bytes (\(start), \(chunk.compressedSize)) are outside the file")
        let bytes = try Self.read(descriptor, offset: Int(start), count: Int(chunk.compressedSize))
        let reader = ColumnChunkReader(node: node, codec: chunk.codec, limits: limits)
        return try bytes.withBytes { bytes throws(ParquetError) in
            try reader.decode(bytes, valueCount: Int(clamping: chunk.valueCount))
        }
    }

    private static func read(_ descriptor: Int32, offset: Int, count: Int) throws(ParquetError) -> [UInt8] {
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var done = 0
            while done < count {
                let result = pread(descriptor, buffer.baseAddress! + done, count - done, off_t(offset + done))
                if result <= 0 {
                    failed = true
                    break
                }
                done += result
            }
            initialized = done
        }
        try require(!failed, "cannot be read at offset \(offset)")
        return bytes
    }
}
