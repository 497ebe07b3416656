/// One column chunk decoded: the definition and repetition levels of every entry (empty when the
/// column's maximum level is zero) and the values of the entries that are defined.
struct DecodedColumn {
    var definitionLevels: [UInt8] = []
    var repetitionLevels: [UInt8] = []
    var values: ColumnValues
    var entryCount = 0
}

/// Decodes a column chunk's pages (the dictionary page, then data pages v1 or v2) from its bytes.
struct ColumnChunkReader {
    let node: ParquetSchema.Node
    let codec: Codec
    let limits: ParquetLimits

    var maxDefinition: Int { node.definitionLevel }
    var maxRepetition: Int { node.repetitionLevel }

    /// Decodes every page of `chunk` (the chunk's bytes, from its first page), `valueCount` entries
    /// in all.
    func decode(_ chunk: UnsafeRawBufferPointer, valueCount: Int) throws(ParquetError) -> DecodedColumn {
        guard let type = node.physicalType else { throw ParquetError("a column is a group") }
        try require(valueCount >= 0, "the column chunk has a negative value count")
        try require(
            valueCount <= limits.maxEntries,
            "the column chunk holds \(valueCount) entries, more than the limit of \(limits.maxEntries)")
        var column = DecodedColumn(values: ColumnValues(type))
        var dictionary: ColumnValues?
        var position = 0
        while column.entryCount < valueCount {
            try require(
                position < chunk.count, "the column chunk ends after \(column.entryCount) of \(valueCount) values")
            var reader = ThriftCompactReader(chunk, position: position)
            let header = try PageHeader(reading: &reader)
            position = reader.position
            try require(
                Int(header.compressedSize) <= chunk.count - position, "a page runs past the end of its column chunk")
            let body = UnsafeRawBufferPointer(rebasing: chunk[position..<position + Int(header.compressedSize)])
            position += Int(header.compressedSize)
            try require(
                Int(header.uncompressedSize) <= limits.maxPageBytes,
                "a page claims \(header.uncompressedSize) bytes, more than the limit of \(limits.maxPageBytes)")
            switch PageType(rawValue: header.type) {
            case .dictionaryPage:
                try require(dictionary == nil, "the column chunk has two dictionary pages")
                guard let (count, encoding) = header.dictionary else {
                    throw ParquetError("a dictionary page has no header")
                }
                try require(count >= 0 && Int(count) <= limits.maxEntries, "a dictionary page claims \(count) values")
                let page = try codec.decompress(body, count: Int(header.uncompressedSize))
                var values = ColumnValues(type)
                try page.withBytes { bytes throws(ParquetError) in
                    var cursor = ByteCursor(bytes)
                    // PLAIN_DICTIONARY (2) and PLAIN (0) dictionary pages are both plain values.
                    try require(encoding == 0 || encoding == 2, "a dictionary page is encoded with \(encoding)")
                    try values.appendPlain(&cursor, count: Int(count), typeLength: node.typeLength)
                }
                dictionary = values
            case .dataPage, .dataPageV2:
                guard let data = header.data else { throw ParquetError("a data page has no header") }
                let entries = Int(data.valueCount)
                try require(
                    entries <= valueCount - column.entryCount,
                    "the pages hold more values than the column chunk's \(valueCount)")
                if header.type == PageType.dataPage.rawValue {
                    let page = try codec.decompress(body, count: Int(header.uncompressedSize))
                    try page.withBytes { bytes throws(ParquetError) in
                        try decodeV1(bytes, data, entries: entries, dictionary: dictionary, into: &column)
                    }
                } else {
                    try decodeV2(body, header, data, entries: entries, dictionary: dictionary, into: &column)
                }
                column.entryCount += entries
            case .indexPage, nil:
                continue
            }
        }
        return column
    }

    private func decodeV1(
        _ page: UnsafeRawBufferPointer, _ data: PageHeader.Data, entries: Int, dictionary: ColumnValues?,
        into column: inout DecodedColumn
    ) throws(ParquetError) {
        var cursor = ByteCursor(page)
        for (maximum, encoding, isRepetition) in [
            (maxRepetition, data.repetitionLevelEncoding, true), (maxDefinition, data.definitionLevelEncoding, false),
        ] where maximum > 0 {
            try require(encoding == Encoding.rle.rawValue, "levels encoded with \(encoding) are not supported")
            let length = Int(try cursor.uint32())
            var levels = ByteCursor(try cursor.take(length, "the levels"))
            try appendLevels(&levels, maximum: maximum, count: entries, repetition: isRepetition, into: &column)
        }
        try appendValues(&cursor, data, entries: entries, dictionary: dictionary, into: &column)
    }

    private func decodeV2(
        _ body: UnsafeRawBufferPointer, _ header: PageHeader, _ data: PageHeader.Data, entries: Int,
        dictionary: ColumnValues?, into column: inout DecodedColumn
    ) throws(ParquetError) {
        var cursor = ByteCursor(body)
        let repetitionBytes = try cursor.take(Int(data.repetitionLevelsLength), "the repetition levels")
        let definitionBytes = try cursor.take(Int(data.definitionLevelsLength), "the definition levels")
        if maxRepetition > 0 {
            var levels = ByteCursor(repetitionBytes)
            try appendLevels(&levels, maximum: maxRepetition, count: entries, repetition: true, into: &column)
        }
        if maxDefinition > 0 {
            var levels = ByteCursor(definitionBytes)
            try appendLevels(&levels, maximum: maxDefinition, count: entries, repetition: false, into: &column)
        }
        let levelsLength = Int(data.repetitionLevelsLength) + Int(data.definitionLevelsLength)
        let valuesLength = Int(header.uncompressedSize) - levelsLength
        try require(valuesLength >= 0, "a v2 page's levels are longer than the page")
        if data.isCompressed && codec != .uncompressed && valuesLength > 0 {
            let values = try codec.decompress(cursor.rest, count: valuesLength)
            try values.withBytes { bytes throws(ParquetError) in
                var valueCursor = ByteCursor(bytes)
                try appendValues(&valueCursor, data, entries: entries, dictionary: dictionary, into: &column)
            }
        } else {
            // An all-null page may keep its empty values section uncompressed, whatever its flag says.
            try require(
                cursor.remaining == valuesLength || valuesLength == 0,
                "a v2 page's values are not the size its header gives")
            try appendValues(&cursor, data, entries: entries, dictionary: dictionary, into: &column)
        }
    }

    private func appendLevels(
        _ cursor: inout ByteCursor, maximum: Int, count: Int, repetition: Bool, into column: inout DecodedColumn
    ) throws(ParquetError) {
        var levels: [UInt32] = []
        try decodeHybrid(&cursor, width: bitWidth(of: maximum), count: count, into: &levels)
        if let level = levels.first(where: { $0 > maximum }) {
            throw ParquetError("a level \(level) is above the column's maximum \(maximum)")
        }
        if repetition {
            if let first = levels.first, first != 0, column.repetitionLevels.isEmpty {
                throw ParquetError("the column chunk's first repetition level is \(first), not 0")
            }
            column.repetitionLevels.append(contentsOf: levels.lazy.map { UInt8($0) })
        } else {
            column.definitionLevels.append(contentsOf: levels.lazy.map { UInt8($0) })
        }
    }

    private func appendValues(
        _ cursor: inout ByteCursor, _ data: PageHeader.Data, entries: Int, dictionary: ColumnValues?,
        into column: inout DecodedColumn
    ) throws(ParquetError) {
        let defined =
            maxDefinition == 0
            ? entries
            : column.definitionLevels[(column.definitionLevels.count - entries)...].lazy.filter {
                Int($0) == maxDefinition
            }.count
        try column.values.append(
            &cursor, encoding: data.encoding, count: defined, typeLength: node.typeLength, dictionary: dictionary,
            maxBytes: limits.maxValueBytes)
        try require(
            column.values.binaries.byteCount <= limits.maxValueBytes,
            "the column chunk's values expand past the limit of \(limits.maxValueBytes) bytes")
    }
}

/// Bounds on what one file may make the reader allocate.
public struct ParquetLimits: Sendable {
    /// The largest page, uncompressed.
    public var maxPageBytes: Int
    /// The most entries (values and nulls) of one column chunk.
    public var maxEntries: Int
    /// The largest footer.
    public var maxFooterBytes: Int
    /// The most bytes of byte-array values one column chunk may decode to (a dictionary value
    /// counted each time it is used).
    public var maxValueBytes: Int

    public init(
        maxPageBytes: Int = 1 << 30, maxEntries: Int = 1 << 26, maxFooterBytes: Int = 1 << 28,
        maxValueBytes: Int = 1 << 32
    ) {
        self.maxPageBytes = maxPageBytes
        self.maxEntries = maxEntries
        self.maxFooterBytes = maxFooterBytes
        self.maxValueBytes = maxValueBytes
    }
}
