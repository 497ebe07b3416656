/// A file's schema as a tree: groups (the root, structs, lists, maps) and leaves (the columns),
/// with each node's maximum definition and repetition levels.
public struct ParquetSchema: Sendable {
    public struct Node: Sendable {
        public var name: String
        public var repetition: Repetition
        /// Nil for a group.
        public var physicalType: PhysicalType?
        public var typeLength: Int
        public var logicalType: LogicalType?
        public var children: [Int]
        /// The names from the root's child down to this node.
        public var path: [String]
        /// The definition level at which this node is present, and the repetition level of its
        /// occurrences (both count this node itself).
        public var definitionLevel: Int
        public var repetitionLevel: Int
        /// The leaves under this node (itself, for a leaf), as indices into `columns`.
        public var leaves: [Int]

        public var isLeaf: Bool { physicalType != nil }
        public var dottedPath: String { path.joined(separator: ".") }
    }

    /// Deeper than this, a schema is refused (levels are stored in a byte).
    static let maxDepth = 100

    public private(set) var nodes: [Node] = []
    /// The leaf nodes in file order: column `i` of every row group is `nodes[columns[i]]`.
    public private(set) var columns: [Int] = []

    public var root: Node { nodes[0] }

    /// The root's children: the top-level fields of every row.
    public var fields: [Node] { root.children.map { nodes[$0] } }

    init(_ elements: [SchemaElement]) throws(ParquetError) {
        try require(!elements.isEmpty, "the schema is empty")
        var next = 0
        _ = try add(elements, &next, parent: nil, depth: 0)
        try require(next == elements.count, "the schema has \(elements.count - next) elements outside its root")
    }

    /// Adds `elements[next]` and its children, depth first; returns the node's index.
    private mutating func add(_ elements: [SchemaElement], _ next: inout Int, parent: Int?, depth: Int)
        throws(ParquetError) -> Int
    {
        try require(depth <= Self.maxDepth, "the schema nests deeper than \(Self.maxDepth)")
        try require(next < elements.count, "the schema ends inside a group")
        let element = elements[next]
        next += 1
        let index = nodes.count
        let parentNode = parent.map { nodes[$0] }
        let isRoot = parent == nil
        let repetition = isRoot ? Repetition.required : element.repetition
        var node = Node(
            name: element.name, repetition: repetition,
            physicalType: element.childCount > 0 || isRoot ? nil : element.type,
            typeLength: Int(element.typeLength), logicalType: element.logicalType, children: [],
            path: isRoot ? [] : (parentNode?.path ?? []) + [element.name],
            definitionLevel: (parentNode?.definitionLevel ?? 0) + (repetition == .required ? 0 : 1),
            repetitionLevel: (parentNode?.repetitionLevel ?? 0) + (repetition == .repeated ? 1 : 0), leaves: [])
        if !isRoot, element.childCount == 0 {
            try require(element.type != nil, "schema element \(node.dottedPath) has neither a type nor children")
            if element.type == .fixedLenByteArray {
                try require(element.typeLength > 0, "schema element \(node.dottedPath) has no type length")
            }
        }
        try require(element.childCount >= 0, "schema element \(element.name) has a negative child count")
        try require(
            Int(element.childCount) <= elements.count - next, "schema element \(element.name) claims missing children")
        nodes.append(node)
        if node.isLeaf {
            node.leaves = [columns.count]
            columns.append(index)
        } else {
            for _ in 0..<element.childCount {
                let child = try add(elements, &next, parent: index, depth: depth + 1)
                node.children.append(child)
                node.leaves += nodes[child].leaves
            }
        }
        nodes[index] = node
        return index
    }
}
