/// What a training sample teaches.
public enum SynthesisKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Describe what is present.
    case positive
    /// Deny an absent sound, and say what is there.
    case negative
    /// Two clips: what differs.
    case differences
    /// Two clips: one caption for both.
    case jointCaption = "joint-caption"

    public var isMultiAudio: Bool { self == .differences || self == .jointCaption }
}
