/// One clip an item refers to, as a path relative to the suite's `audio_root`.
public struct AudioRef: Sendable, Hashable, Codable, CustomStringConvertible {
    public var path: String

    public init(path: String) {
        self.path = path
    }

    public var description: String { path }
}
