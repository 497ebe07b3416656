public import HarkCore

/// What `hark validate` reports of a suite: its shape, its slices and its audio.
public struct SuiteSummary: Sendable, Hashable, Codable {
    public var id: String
    public var version: Int
    public var task: TaskKind
    public var items: Int
    /// Items per expected answer where answers are labels (yes-no: yes/no counts).
    public var labels: [String: Int]
    /// For each tag key, the number of items per tag value.
    public var slices: [String: [String: Int]]
    /// Items with no clip (text-only) and items with several clips.
    public var textOnlyItems: Int
    public var multiAudioItems: Int
    public var clips: Int
    /// Total duration of the distinct clips, in seconds.
    public var audioSeconds: Double
    /// Clips per sample rate (Hz) and per channel count.
    public var sampleRates: [Int: Int]
    public var channels: [Int: Int]
    /// Paths (relative to audio_root) of clips whose peak is below the silence threshold.
    public var silentClips: [String]
    public var fingerprint: String?
    public var errors: Int
    public var warnings: Int
}
