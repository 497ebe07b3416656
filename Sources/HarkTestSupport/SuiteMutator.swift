public import Foundation
public import HarkCore

/// Seeded mutations of a suite's files, the way a careless edit, a bad export or a hostile file
/// breaks them: bytes cut, inserted or flipped (invalid UTF-8, NUL), lines doubled, dropped or
/// swapped, values of another JSON type, keys given twice, YAML anchors, aliases and flow
/// syntax. The fuzz test and `hark-bench fuzz` share it.
public struct SuiteMutator: Sendable {
    public var manifest: String
    public var items: [String]

    /// A valid yes-no suite of three items (with tags, a list of clips, an own question) to mutate.
    public static let yesNoSuite = SuiteMutator(manifest: yesNoManifest, items: yesNoItems)

    static let yesNoManifest = """
        id: fuzz
        version: 1
        task: yes-no
        audio_root: audio/
        prompt:
          templates: ["Is there a sound of {object} in the audio?", "Do you hear {object}?"]
        scoring:
          positive_class: "yes"

        """
    static let yesNoItems = [
        #"{"id": "a1", "audio": "a.wav", "object": "dog barking", "label": "yes", "tags": {"sampling": "random"}}"#,
        #"{"id": "a2", "audio": "a.wav", "object": "siren", "label": "no", "tags": {"sampling": "popular"}}"#,
        #"{"id": "a3", "audio": ["a.wav"], "object": "rain", "label": "no", "question": "Is it raining?"}"#,
    ]

    /// Words that give a Swift type or an error's internals away.
    static let internals = [
        "DecodingError", "Dictionary<", "Array<", "Optional(", "typeMismatch", "keyNotFound", "valueNotFound",
        "dataCorrupted", "Swift.",
        "CodingKeys", "NSCocoaErrorDomain",
    ]

    /// The problems with one load's diagnostics: an error without a place, or in Swift's words.
    public static func problems(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.compactMap { diagnostic in
            let text = diagnostic.description
            if internals.contains(where: text.contains) { return "internals: \(text)" }
            guard diagnostic.severity == .error else { return nil }
            let location = diagnostic.location
            return location.line == nil && location.byteOffset == nil ? "no location: \(text)" : nil
        }
    }

    public init(manifest: String, items: [String]) {
        self.manifest = manifest
        self.items = items
    }

    /// The mutated manifest and items file of mutation `seed`: one to three edits, each to one of
    /// the two files.
    public func mutate(seed: UInt64) -> (manifest: Data, items: Data) {
        var random = SeededRandom(seed: seed)
        var manifestBytes = Array(manifest.utf8)
        var itemLines = items.map { Array($0.utf8) }
        for _ in 0..<(1 + random.below(3)) {
            if random.below(3) == 0 {
                manifestBytes = Self.edit(manifestBytes, lines: true, &random)
            } else if !itemLines.isEmpty {
                let index = random.below(itemLines.count)
                switch random.below(4) {
                case 0: itemLines.insert(itemLines[index], at: index)
                case 1: itemLines.remove(at: index)
                case 2: itemLines.swapAt(index, random.below(itemLines.count))
                default: itemLines[index] = Self.edit(itemLines[index], lines: false, &random)
                }
            }
        }
        let joined = itemLines.map { Data($0) }.reduce(into: Data()) {
            $0.append($1)
            $0.append(0x0A)
        }
        return (Data(manifestBytes), joined)
    }

    static let fragments: [String] = [
        "\"", "{", "}", "[", "]", ",", ":", "null", "true", "1e999", "-0", "\"\\u0000\"", "\"\\ud800\"", "{\"id\": 1}",
        "&a", "*a", "*undefined", ": ", "- ", "\t", "\n", "---", "!!binary", "? ", "|", ">", "#", "%YAML 1.1",
        "\u{FEFF}",
        "\"label\": \"maybe\"", "\"audio\": [1, 2]", "\"tags\": {\"a\": {}}", "\"choices\": []", "\"id\": \"a\"",
    ]

    /// One edit of a byte string: a cut, an inserted fragment or random bytes, a flipped byte, a
    /// cut at the end, or (for line-based text) a line doubled.
    static func edit(_ bytes: [UInt8], lines: Bool, _ random: inout SeededRandom) -> [UInt8] {
        var bytes = bytes
        let position = bytes.isEmpty ? 0 : random.below(bytes.count + 1)
        switch random.below(lines ? 7 : 6) {
        case 0 where !bytes.isEmpty:
            let end = min(bytes.count, position + 1 + random.below(12))
            bytes.removeSubrange(min(position, bytes.count - 1)..<end)
        case 1: bytes.insert(contentsOf: Array(fragments[random.below(fragments.count)].utf8), at: position)
        case 2:
            bytes.insert(contentsOf: (0..<(1 + random.below(4))).map { _ in UInt8(random.below(256)) }, at: position)
        case 3 where !bytes.isEmpty: bytes[min(position, bytes.count - 1)] ^= UInt8(1 << random.below(8))
        case 4: bytes = Array(bytes.prefix(position))
        case 5: bytes.insert(contentsOf: [0xC3], at: position)
        case 6:
            let text = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
            guard !text.isEmpty else { break }
            let line = random.below(text.count)
            var lines = text.map(Array.init)
            lines.insert(lines[line], at: line)
            bytes = Array(lines.joined(separator: [0x0A]))
        default: break
        }
        return bytes
    }
}

/// SplitMix64, for mutations that are the same on every machine.
public struct SeededRandom: Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<bound.
    public mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }
}
