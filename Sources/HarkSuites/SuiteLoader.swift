import Foundation
public import HarkCore

/// Loads a suite from disk and validates all of it: the manifest, every item line, every clip path.
public enum SuiteLoader {
    public struct Result: Sendable {
        /// The suite, when it has no errors.
        public var suite: Suite?
        /// Every problem found, errors and warnings, in file order.
        public var diagnostics: [Diagnostic]
    }

    /// Loads the suite at `path`: a folder holding `suite.yaml`, or the manifest file itself.
    /// Paths in diagnostics are written as `path` was given.
    public static func load(_ path: String) -> Result {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        let manifestPath = exists && isDirectory.boolValue ? join(path, "suite.yaml") : path
        guard FileManager.default.fileExists(atPath: manifestPath) else {
            return Result(diagnostics: [.error(SourceLocation(file: manifestPath), "no such suite manifest")])
        }
        let manifestURL = URL(fileURLWithPath: manifestPath).standardizedFileURL
        let directory = manifestURL.deletingLastPathComponent()
        let displayDirectory = (manifestPath as NSString).deletingLastPathComponent

        guard let text = try? String(contentsOf: manifestURL, encoding: .utf8) else {
            return Result(diagnostics: [.error(SourceLocation(file: manifestPath), "cannot be read as UTF-8 text")])
        }
        let (parsed, manifestDiagnostics) = ManifestParser.parse(text, file: manifestPath)
        guard let manifest = parsed else { return Result(diagnostics: manifestDiagnostics) }
        var diagnostics = manifestDiagnostics

        let itemsPath = join(displayDirectory, manifest.items)
        let itemsURL = directory.appendingPathComponent(manifest.items)
        guard let data = FileManager.default.contents(atPath: itemsURL.path) else {
            diagnostics.append(
                .error(SourceLocation(file: manifestPath, field: "items"), "no such items file: \(itemsPath)"))
            return Result(diagnostics: diagnostics)
        }
        let parsedItems = ItemParser(manifest: manifest, file: itemsPath).parse(data)
        var itemDiagnostics = parsedItems.diagnostics
        if parsedItems.items.isEmpty && !parsedItems.diagnostics.hasErrors {
            itemDiagnostics.append(.error(SourceLocation(file: itemsPath), "the suite has no items"))
        }

        let suite = Suite(
            manifest: manifest, items: parsedItems.items, directory: directory, itemsFile: itemsPath,
            canonicalItems: parsedItems.canonicalLines)
        itemDiagnostics += audioDiagnostics(suite)
        diagnostics += itemDiagnostics.sortedByLine()
        return Result(suite: diagnostics.hasErrors ? nil : suite, diagnostics: diagnostics)
    }

    /// Clip paths must stay inside `audio_root` (also through symbolic links) and name existing files.
    static func audioDiagnostics(_ suite: Suite) -> [Diagnostic] {
        let root = suite.audioRoot.resolvingSymlinksInPath().path
        var diagnostics: [Diagnostic] = []
        var checked: [String: String?] = [:]
        for item in suite.items {
            for (index, audio) in item.audio.enumerated() {
                let field = item.audio.count > 1 ? "audio[\(index)]" : "audio"
                let found: String?
                if let known = checked[audio.path] {
                    found = known
                } else {
                    found = problem(with: audio, in: suite, root: root)
                    checked[audio.path] = found
                }
                if let problem = found {
                    diagnostics.append(.error(SourceLocation(file: suite.itemsFile, line: item.line, field: field), problem))
                }
            }
        }
        return diagnostics
    }

    static func problem(with audio: AudioRef, in suite: Suite, root: String) -> String? {
        if audio.path.hasPrefix("/") {
            return "\"\(audio.path)\" is absolute; clip paths are relative to audio_root (\(suite.manifest.audioRoot))"
        }
        let resolved = suite.url(of: audio).resolvingSymlinksInPath().path
        guard resolved == root || resolved.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
            return "\"\(audio.path)\" escapes audio_root (\(suite.manifest.audioRoot))"
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory) else {
            return "no such clip: \"\(audio.path)\" under audio_root (\(suite.manifest.audioRoot))"
        }
        return isDirectory.boolValue ? "\"\(audio.path)\" is a folder, not a clip" : nil
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.isEmpty || directory == "." ? name : (directory as NSString).appendingPathComponent(name)
    }
}
