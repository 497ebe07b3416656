/// A listening control: the run asks the same questions with the audio changed, so that
/// `hark compare RUN CONTROL` shows whether the answers follow the audio or the question. The
/// control run's sample keys equal the real run's.
public struct ListeningControl: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Each clip replaced by digital silence of the same length and rate.
        case silence
        /// Each clip replaced by pink noise of the same length and rate, at `noiseDBFS` RMS.
        case noise
        /// No audio part at all.
        case none
        /// Each item given another item's clip: seeded, never its own, never one with the same labels.
        case shuffled
    }

    public var kind: Kind
    /// The seed of the shuffle and of the noise.
    public var seed: UInt64
    /// The RMS level of the noise, in dB relative to full scale.
    public var noiseDBFS: Double?

    public static let defaultNoiseDBFS = -30.0

    public init(kind: Kind, seed: UInt64 = 0, noiseDBFS: Double? = nil) {
        self.kind = kind
        self.seed = seed
        self.noiseDBFS = kind == .noise ? noiseDBFS ?? Self.defaultNoiseDBFS : nil
    }

    /// What replaces a clip's samples, for the kinds that keep a clip's length and rate.
    public var substitute: AudioSubstitute? {
        switch kind {
        case .silence: .silence
        case .noise: .pinkNoise(dBFS: noiseDBFS ?? Self.defaultNoiseDBFS, seed: seed)
        case .none, .shuffled: nil
        }
    }

    /// The control as a request's content names it, for the cache key and the request hash.
    public var content: JSONValue {
        var members: [String: JSONValue] = ["kind": .string(kind.rawValue)]
        if kind == .shuffled || kind == .noise { members["seed"] = .integer(Int64(bitPattern: seed)) }
        if let noiseDBFS { members["noise_dbfs"] = .number(noiseDBFS) }
        return .object(members)
    }

    enum CodingKeys: String, CodingKey {
        case kind, seed
        case noiseDBFS = "noise_dbfs"
    }
}

/// Samples sent instead of a clip's own, at its length and rate.
public enum AudioSubstitute: Sendable, Hashable {
    case silence
    case pinkNoise(dBFS: Double, seed: UInt64)
}
