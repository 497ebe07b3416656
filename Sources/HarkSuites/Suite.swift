public import Foundation
public import HarkCore

/// A loaded, validated suite: its manifest, its items, and where its files are.
public struct Suite: Sendable {
    public let manifest: SuiteManifest
    public var items: [Item]
    /// The folder holding `suite.yaml`.
    public let directory: URL
    /// The items file as diagnostics name it.
    public var itemsFile: String
    /// The canonical text of each item line, in file order: what the fingerprint covers.
    public var canonicalItems: [String]

    public var id: String { manifest.id }

    /// The folder clip paths are relative to, `audio_root` standardized once at load.
    public let audioRoot: URL
    private let audioRootPath: String

    public init(manifest: SuiteManifest, items: [Item], directory: URL, itemsFile: String, canonicalItems: [String]) {
        self.manifest = manifest
        self.items = items
        self.directory = directory
        self.itemsFile = itemsFile
        self.canonicalItems = canonicalItems
        audioRoot =
            manifest.audioRoot.hasPrefix("/")
            ? URL(fileURLWithPath: manifest.audioRoot, isDirectory: true).standardizedFileURL
            : directory.appendingPathComponent(manifest.audioRoot, isDirectory: true).standardizedFileURL
        audioRootPath = audioRoot.path
    }

    /// Where a clip of an item is on disk: its path under `audio_root` with `.` and `..` resolved —
    /// joined as text, since URL's own appending and standardizing cost several microseconds a clip,
    /// several times over for every clip of a suite before the first request.
    public func url(of audio: AudioRef) -> URL {
        var components = audioRootPath.split(separator: "/", omittingEmptySubsequences: true)
        for component in audio.path.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..": _ = components.popLast()
            default: components.append(component)
            }
        }
        return URL(fileURLWithPath: "/" + components.joined(separator: "/"), isDirectory: false)
    }

    /// Every clip the items refer to, once each, sorted by path.
    public var clips: [AudioRef] {
        Array(Set(items.flatMap(\.audio))).sorted { $0.path < $1.path }
    }
}
