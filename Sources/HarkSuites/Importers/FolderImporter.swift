public import Foundation
import HarkCore

/// Turns a folder of clips into a clip manifest: each clip's objects from its folder's name, its
/// file name's stem, or a sidecar CSV (`clip,objects`, objects separated by `;`).
public enum FolderImporter {
    public enum LabelSource: String, Sendable, CaseIterable {
        case folder, stem
    }

    static let audioExtensions: Set<String> = ["wav", "flac", "ogg", "mp3", "aiff", "aif"]

    public static func manifest(folder: URL, labels: LabelSource, sidecar: String? = nil) throws -> ClipManifest {
        let root = folder.standardizedFileURL.resolvingSymlinksInPath()
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
            throw HarkError.badInput("not a folder", at: SourceLocation(file: folder.path))
        }
        var clips: [String] = []
        for case let url as URL in enumerator where audioExtensions.contains(url.pathExtension.lowercased()) {
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            clips.append(String(path.dropFirst(root.path.count + 1)))
        }
        clips.sort()
        var sidecarObjects: [String: [String]] = [:]
        if let sidecar {
            for entry in try ClipManifest(path: sidecar).entries { sidecarObjects[entry.clip] = entry.objects }
        }
        let entries = clips.map { clip -> ClipManifest.Entry in
            if sidecar != nil { return ClipManifest.Entry(clip: clip, objects: sidecarObjects[clip] ?? []) }
            let name: String =
                switch labels {
                case .folder: ((clip as NSString).deletingLastPathComponent as NSString).lastPathComponent
                case .stem: ((clip as NSString).lastPathComponent as NSString).deletingPathExtension
                }
            // "dog_bark-01" → "dog bark": separators become spaces, trailing numbers go.
            var words = name.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ").split(
                separator: " ")
            while let last = words.last, last.allSatisfy(\.isNumber) { words.removeLast() }
            let label = words.joined(separator: " ")
            return ClipManifest.Entry(clip: clip, objects: label.isEmpty ? [] : [label])
        }
        return ClipManifest(entries: entries)
    }
}
