import Foundation
public import HarkCore

/// The training sets a checkpoint was trained on (`training_data:` in its model config), so that
/// `hark run` can warn when an evaluation clip is among them. Written as a path, a list of paths,
/// or `{sets: [...], methods: [file, pcm, near-duplicate], audio_root: ...}`; a set is anything
/// `hark overlap` reads (a manifest, a folder, a synthesis output, a ShareGPT file). The check
/// compares file hashes unless `methods` asks for more (each decodes every clip of both sides).
public struct TrainingData: Sendable, Hashable, Decodable {
    public var sets: [String]
    public var methods: [OverlapMethod] = [.file]
    /// The folder relative clip paths of the sets are read against (default: each set's folder).
    public var audioRoot: String?

    public init(sets: [String], methods: [OverlapMethod] = [.file], audioRoot: String? = nil) {
        self.sets = sets
        self.methods = methods
        self.audioRoot = audioRoot
    }

    static let keys: Set<String> = ["sets", "methods", "audio_root"]

    enum CodingKeys: String, CodingKey {
        case sets, methods
        case audioRoot = "audio_root"
    }

    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer() {
            if let path = try? single.decode(String.self) {
                self.init(sets: [path])
                return
            }
            if let paths = try? single.decode([String].self) {
                self.init(sets: paths)
                return
            }
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            sets: try container.decode([String].self, forKey: .sets),
            methods: try container.decodeIfPresent([OverlapMethod].self, forKey: .methods) ?? [.file],
            audioRoot: try container.decodeIfPresent(String.self, forKey: .audioRoot))
    }

    /// The same sets with relative paths read against `base` (the model config's folder).
    func resolved(against base: URL) -> TrainingData {
        var resolved = self
        resolved.sets = sets.map { URL(fileURLWithPath: $0, relativeTo: base).path }
        resolved.audioRoot = audioRoot.map { URL(fileURLWithPath: $0, relativeTo: base).path }
        return resolved
    }
}
