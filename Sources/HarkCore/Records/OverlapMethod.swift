/// How a clip is recognised in another set: the same file (SHA-256 of its bytes), the same sound in
/// another file (SHA-256 of the decoded 16 kHz PCM: a lossless re-encode), or a near duplicate (an
/// audio fingerprint: a lossy re-encode, another sample rate, a gain change, a trim).
public enum OverlapMethod: String, Sendable, Hashable, Codable, CaseIterable {
    case file
    case pcm
    case nearDuplicate = "near-duplicate"
}
