/// Deterministic pseudo-random numbers derived from text and a seed: the same on every machine and
/// every run (Swift's `Hasher` is seeded per process, so it cannot serve).
public enum StableHash {
    /// A 64-bit FNV-1a hash of the text, mixed with the seed by SplitMix64.
    public static func value(_ text: String, seed: UInt64) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return SplitMix64.mix(hash ^ SplitMix64.mix(seed))
    }

    /// A number in [0, 1) derived from the text and the seed.
    public static func unit(_ text: String, seed: UInt64) -> Double {
        Double(value(text, seed: seed) >> 11) / Double(1 << 53)
    }
}

/// SplitMix64: a small, fast, well-distributed seeded generator; hark's source of randomness for
/// sampling, bootstraps and simulated models.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state = state &+ 0x9e37_79b9_7f4a_7c15
        return Self.mix(state)
    }

    /// A permutation of `0..<count` by Fisher–Yates with this generator, written out here so that it
    /// does not depend on the standard library's shuffle.
    public mutating func permutation(of count: Int) -> [Int] {
        var order = Array(0..<count)
        for index in stride(from: count - 1, to: 0, by: -1) {
            order.swapAt(index, Int(next() % UInt64(index + 1)))
        }
        return order
    }

    /// The elements in the order of `permutation(of:)`: hark's seeded shuffle.
    public mutating func shuffled<Element>(_ elements: [Element]) -> [Element] {
        permutation(of: elements.count).map { elements[$0] }
    }

    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
