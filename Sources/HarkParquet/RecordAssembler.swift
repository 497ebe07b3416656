/// Assembles rows from decoded leaf columns by their definition and repetition levels (Dremel
/// record assembly), for any nesting of structs and lists.
struct RecordAssembler {
    let schema: ParquetSchema
    /// The decoded columns, by leaf index; nil for columns not read.
    let columns: [DecodedColumn?]
    /// For each read leaf, the entry index at which each row starts (and one past the last).
    private var rowStarts: [[Int]?]
    /// For each read leaf, the index of its value at each defined entry (-1 where undefined).
    private var valueIndices: [[Int32]?]

    init(schema: ParquetSchema, columns: [DecodedColumn?], rowCount: Int) throws(ParquetError) {
        self.schema = schema
        self.columns = columns
        rowStarts = Array(repeating: nil, count: columns.count)
        valueIndices = Array(repeating: nil, count: columns.count)
        for (leaf, column) in columns.enumerated() {
            guard let column else { continue }
            let node = schema.nodes[schema.columns[leaf]]
            var starts: [Int] = []
            if node.repetitionLevel == 0 {
                try require(
                    column.entryCount == rowCount,
                    "column \(node.dottedPath) holds \(column.entryCount) values for \(rowCount) rows")
            } else {
                starts.reserveCapacity(min(rowCount, column.entryCount) + 1)
                for (index, level) in column.repetitionLevels.enumerated() where level == 0 { starts.append(index) }
                try require(
                    starts.count == rowCount, "column \(node.dottedPath) holds \(starts.count) rows, not \(rowCount)")
                starts.append(column.entryCount)
                rowStarts[leaf] = starts
            }
            var indices = [Int32](repeating: -1, count: column.entryCount)
            var next: Int32 = 0
            let maximum = UInt8(node.definitionLevel)
            if maximum == 0 {
                for index in indices.indices { indices[index] = Int32(index) }
                next = Int32(column.entryCount)
            } else {
                for (index, level) in column.definitionLevels.enumerated() where level == maximum {
                    indices[index] = next
                    next += 1
                }
            }
            try require(
                Int(next) == column.values.count,
                "column \(node.dottedPath) has \(column.values.count) values for \(next) defined entries")
            valueIndices[leaf] = indices
        }
    }

    /// The top-level fields named in `fields` (every field when nil) of row `row`.
    func row(_ row: Int, fields: [Int]) throws(ParquetError) -> [ParquetField] {
        try fields.map { (child: Int) throws(ParquetError) -> ParquetField in
            let node = schema.nodes[child]
            let ranges = node.leaves.map { leaf in
                rowStarts[leaf].map { $0[row]..<$0[row + 1] } ?? row..<row + 1
            }
            return ParquetField(node.name, try occurrences(of: node, in: ranges))
        }
    }

    /// `node`'s value within one instance of its parent, whose entries for each of `node`'s leaves
    /// are `ranges`: a list of its occurrences if it repeats, else its one value or null.
    private func occurrences(of node: ParquetSchema.Node, in ranges: [Range<Int>]) throws(ParquetError) -> ParquetValue
    {
        let first = ranges[0].lowerBound
        try require(!ranges[0].isEmpty, "column \(node.dottedPath) has no entry for a value")
        let definition = level(definition: node.leaves[0], at: first)
        switch node.repetition {
        case .repeated:
            if definition < node.definitionLevel { return .list([]) }
            var starts = ranges.map { [$0.lowerBound] }
            for (slot, leaf) in node.leaves.enumerated() {
                for index in ranges[slot].dropFirst() where level(repetition: leaf, at: index) <= node.repetitionLevel {
                    starts[slot].append(index)
                }
            }
            let count = starts[0].count
            try require(
                starts.allSatisfy { $0.count == count }, "the columns under \(node.dottedPath) disagree on its length")
            var elements: [ParquetValue] = []
            elements.reserveCapacity(count)
            for element in 0..<count {
                let elementRanges = ranges.indices.map { slot in
                    starts[slot][element]..<(element + 1 < count ? starts[slot][element + 1] : ranges[slot].upperBound)
                }
                elements.append(try value(of: node, in: elementRanges))
            }
            return .list(elements)
        case .optional:
            if definition < node.definitionLevel { return .null }
            return try value(of: node, in: ranges)
        case .required:
            return try value(of: node, in: ranges)
        }
    }

    /// One present instance of `node`.
    private func value(of node: ParquetSchema.Node, in ranges: [Range<Int>]) throws(ParquetError) -> ParquetValue {
        if node.isLeaf {
            let leaf = node.leaves[0]
            try require(ranges[0].count == 1, "column \(node.dottedPath) repeats where its schema does not")
            let index = valueIndices[leaf]![ranges[0].lowerBound]
            return index < 0 ? .null : try leafValue(leaf, node, Int(index))
        }
        var fields: [ParquetField] = []
        fields.reserveCapacity(node.children.count)
        var slot = 0
        for child in node.children {
            let childNode = schema.nodes[child]
            let childRanges = Array(ranges[slot..<slot + childNode.leaves.count])
            slot += childNode.leaves.count
            fields.append(ParquetField(childNode.name, try occurrences(of: childNode, in: childRanges)))
        }
        switch node.logicalType {
        case .list:
            // LIST: one repeated child. Its elements are the repeated group's one field (three-level
            // lists), or the repeated node itself (two-level: a repeated leaf, `array`, `<name>_tuple`).
            guard fields.count == 1, case .list(let occurrences) = fields[0].value else { return .record(fields) }
            let repeated = schema.nodes[node.children[0]]
            let unwrap =
                !repeated.isLeaf && repeated.children.count == 1 && repeated.name != "array"
                && !repeated.name.hasSuffix("_tuple")
            return .list(
                unwrap ? occurrences.map { $0[schema.nodes[repeated.children[0]].name] ?? .null } : occurrences)
        case .map:
            guard fields.count == 1, case .list(let pairs) = fields[0].value else { return .record(fields) }
            return .list(pairs)
        default:
            return .record(fields)
        }
    }

    private func level(definition leaf: Int, at index: Int) -> Int {
        let levels = columns[leaf]!.definitionLevels
        return levels.isEmpty ? schema.nodes[schema.columns[leaf]].definitionLevel : Int(levels[index])
    }

    private func level(repetition leaf: Int, at index: Int) -> Int {
        let levels = columns[leaf]!.repetitionLevels
        return levels.isEmpty ? 0 : Int(levels[index])
    }

    private func leafValue(_ leaf: Int, _ node: ParquetSchema.Node, _ index: Int) throws(ParquetError) -> ParquetValue {
        let values = columns[leaf]!.values
        switch values.type {
        case .boolean: return .bool(values.booleans[index])
        case .int32:
            let raw = values.int32s[index]
            if case .integer(_, false) = node.logicalType { return .int(Int64(UInt32(bitPattern: raw))) }
            return .int(Int64(raw))
        case .int64:
            let raw = values.int64s[index]
            if case .integer(_, false) = node.logicalType, raw < 0 { return .unsigned(UInt64(bitPattern: raw)) }
            return .int(raw)
        case .float: return .double(Double(values.floats[index]))
        case .double: return .double(values.doubles[index])
        case .byteArray, .fixedLenByteArray, .int96:
            let bytes = values.binaries[index]
            switch node.logicalType {
            case .string, .enumeration, .json:
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    throw ParquetError("column \(node.dottedPath) holds a string that is not valid UTF-8")
                }
                return .string(text)
            default:
                return .bytes(Array(bytes))
            }
        }
    }
}
