import HarkCore

/// A deterministic split of a plan by sample key: shard `index` of `count` (0-based), so that a CI
/// matrix or an indexed job runs each sample exactly once.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    /// Parses `i/N` with 0 ≤ i < N.
    public init(_ text: String) throws {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count > 0,
            (0..<count).contains(index)
        else { throw HarkError.badInput("--shard takes i/N with 0 ≤ i < N, e.g. 0/4; found \"\(text)\"") }
        self.index = index
        self.count = count
    }

    public func contains(_ key: String) -> Bool {
        Int(StableHash.value(key, seed: 0x5348_4152_44) % UInt64(count)) == index
    }

    public var description: String { "\(index)/\(count)" }
}
