public import Foundation
import HarkCore

/// The Parquet files of a downloaded dataset: the files given, and every `.parquet` under each
/// folder given, in path order, so that shards (`data/test-00000-of-00004.parquet`) read as one
/// dataset in their own order. With a split, only that split's files: those named `<split>-…` or
/// `<split>.parquet`, or under a folder named `<split>` (the hub's converted layout).
public enum HubFiles {
    public static func list(_ paths: [URL], split: String?) throws -> [URL] {
        var files: [URL] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isFolder) else {
                throw HarkError.badInput("no such file or folder", at: SourceLocation(file: path.path))
            }
            if !isFolder.boolValue {
                files.append(path)
                continue
            }
            let found = (FileManager.default.enumerator(at: path, includingPropertiesForKeys: nil)?.allObjects ?? [])
                .compactMap { $0 as? URL }.filter { $0.pathExtension.lowercased() == "parquet" }
                // Hidden folders below the one given (`.cache`), not above it (~/.cache/huggingface).
                .filter { !$0.path(relativeTo: path).split(separator: "/").contains(where: { $0.hasPrefix(".") }) }
                .filter { split == nil || isInSplit($0, split: split!) }
                .sorted { $0.path < $1.path }
            guard !found.isEmpty else {
                throw HarkError.badInput(
                    "holds no .parquet files" + (split.map { " of split \"\($0)\"" } ?? ""),
                    at: SourceLocation(file: path.path))
            }
            files += found
        }
        return files
    }

    static func isInSplit(_ file: URL, split: String) -> Bool {
        let name = file.deletingPathExtension().lastPathComponent
        return name == split || name.hasPrefix(split + "-")
            || file.deletingLastPathComponent().lastPathComponent == split
    }
}
