/// JSON decoders keep one of two members with the same key and say nothing; hark refuses them.
public enum JSONDuplicateKeys {
    private struct Level {
        var isObject: Bool
        var keys: Set<[UInt8]> = []
        var expectingKey: Bool
    }

    /// The first key that appears twice in one object of a JSON text, and the 1-based column of its
    /// second appearance; nil when there is none. Keys are compared as written (escapes unresolved).
    public static func first(in bytes: some Collection<UInt8>) -> (key: String, column: Int)? {
        var levels: [Level] = []
        var string: [UInt8]? = nil
        var escaped = false
        var stringStart = 0
        var column = 0
        for byte in bytes {
            column += 1
            if string != nil {
                if escaped {
                    escaped = false
                    string!.append(byte)
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                    string!.append(byte)
                } else if byte == UInt8(ascii: "\"") {
                    let text = string!
                    string = nil
                    if let last = levels.indices.last, levels[last].isObject, levels[last].expectingKey {
                        levels[last].expectingKey = false
                        if !levels[last].keys.insert(text).inserted {
                            return (String(decoding: text, as: UTF8.self), stringStart)
                        }
                    }
                } else {
                    string!.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                string = []
                stringStart = column
            case UInt8(ascii: "{"): levels.append(Level(isObject: true, expectingKey: true))
            case UInt8(ascii: "["): levels.append(Level(isObject: false, expectingKey: false))
            case UInt8(ascii: "}"), UInt8(ascii: "]"): _ = levels.popLast()
            case UInt8(ascii: ","):
                if let last = levels.indices.last, levels[last].isObject { levels[last].expectingKey = true }
            default: break
            }
        }
        return nil
    }
}
