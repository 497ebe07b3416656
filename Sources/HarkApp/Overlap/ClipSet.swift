public import Foundation
import HarkCore
import HarkSuites

/// The clips of a training or evaluation set, however it is given: a suite folder (its items'
/// clips), a synthesis output (its samples' clips), another folder (every audio file under it), a
/// labelled clip manifest (`.jsonl`/`.csv` with a `clip` column), or a training file in JSON or
/// JSON Lines whose records name clips in `audio`, `audios` or `clip` (ShareGPT, hark's samples).
/// Relative clip paths are read against `audioRoot`, by default the folder of the file.
public struct ClipSet: Sendable {
    /// The set as the user named it.
    public var name: String
    public var clips: [URL]

    public init(name: String, clips: [URL]) {
        self.name = name
        self.clips = clips
    }

    /// The file extensions a folder's audio files are found by.
    public static let audioExtensions: Set<String> = ["wav", "flac", "mp3", "ogg", "oga", "opus", "aiff", "aif", "au"]

    public static func read(_ path: String, audioRoot: String? = nil) throws -> ClipSet {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            throw HarkError.badInput("no such file or folder", at: SourceLocation(file: path))
        }
        if isFolder.boolValue {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("suite.yaml").path) {
                return ClipSet(name: path, clips: try suiteClips(path))
            }
            if FileManager.default.fileExists(atPath: url.appendingPathComponent(SynthesisFiles.manifest).path) {
                let samples = url.appendingPathComponent(SynthesisFiles.samples)
                return ClipSet(name: path, clips: try recordClips(samples.path, root: url))
            }
            return ClipSet(name: path, clips: audioFiles(under: url))
        }
        let root = audioRoot.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? url.deletingLastPathComponent()
        if url.pathExtension.lowercased() == "csv" {
            return ClipSet(
                name: path,
                clips: try ClipManifest(path: url.path).entries.map { root.appendingPathComponent($0.clip) })
        }
        return ClipSet(name: path, clips: try recordClips(url.path, root: root))
    }

    static func suiteClips(_ path: String) throws -> [URL] {
        let loaded = SuiteLoader.load(path)
        guard let suite = loaded.suite else {
            throw HarkError(.badInput, "\(path): the suite does not load", diagnostics: loaded.diagnostics)
        }
        return suite.clips.map(suite.url(of:))
    }

    /// Every audio file under a folder, sorted by path.
    static func audioFiles(under folder: URL) -> [URL] {
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap {
            $0 as? URL
        }
        return (files ?? []).filter { audioExtensions.contains($0.pathExtension.lowercased()) }
            .map(\.standardizedFileURL).sorted { $0.path < $1.path }
    }

    /// The clips named by records' `audio`, `audios` or `clip` (a path or a list of paths), once each.
    static func recordClips(_ path: String, root: URL) throws -> [URL] {
        let records = try JSONRecords(path: path)
        var seen: Set<String> = []
        var clips: [URL] = []
        for record in records.records {
            guard let key = ["audios", "audio", "clip"].first(where: { record.fields[$0] != nil }) else {
                throw HarkError.badInput(
                    "no clip: expected audios, audio or clip", at: record.location(path))
            }
            let value = record.fields[key] ?? .null
            let paths = value.stringValue.map { [$0] } ?? value.arrayValue?.compactMap(\.stringValue)
            guard let paths, !paths.isEmpty else {
                throw HarkError.badInput("expected a path or a list of paths", at: record.location(path).field(key))
            }
            for clip in paths where seen.insert(clip).inserted {
                clips.append(
                    clip.hasPrefix("/")
                        ? URL(fileURLWithPath: clip) : root.appendingPathComponent(clip).standardizedFileURL)
            }
        }
        return clips
    }
}
