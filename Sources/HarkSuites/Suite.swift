public import Foundation
public import HarkCore

/// A loaded, validated suite: its manifest, its items, and where its files are.
public struct Suite: Sendable {
    public var manifest: SuiteManifest
    public var items: [Item]
    /// The folder holding `suite.yaml`.
    public var directory: URL
    /// The items file as diagnostics name it.
    public var itemsFile: String
    /// The canonical text of each item line, in file order: what the fingerprint covers.
    public var canonicalItems: [String]

    public var id: String { manifest.id }

    public var audioRoot: URL {
        manifest.audioRoot.hasPrefix("/")
            ? URL(fileURLWithPath: manifest.audioRoot, isDirectory: true).standardizedFileURL
            : directory.appendingPathComponent(manifest.audioRoot, isDirectory: true).standardizedFileURL
    }

    /// Where a clip of an item is on disk.
    public func url(of audio: AudioRef) -> URL {
        audioRoot.appendingPathComponent(audio.path).standardizedFileURL
    }

    /// Every clip the items refer to, once each, sorted by path.
    public var clips: [AudioRef] {
        Array(Set(items.flatMap(\.audio))).sorted { $0.path < $1.path }
    }
}
