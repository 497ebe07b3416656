public import Foundation
public import HarkCore

/// Loads a suite from disk and validates all of it: the manifest, every item line, every clip path.
public enum SuiteLoader {
    public struct Result: Sendable {
        /// The suite, when it has no errors.
        public var suite: Suite?
        /// Every problem found, errors and warnings, in file order.
        public var diagnostics: [Diagnostic]
    }

    /// Loads the suite at `path`: a folder holding `suite.yaml`, or the manifest file itself; a
    /// relative path is read against `base` (the working directory by default). Paths in
    /// diagnostics are written as `path` was given.
    public static func load(_ path: String, relativeTo base: URL? = nil) -> Result {
        let resolved = base.map { URL(fileURLWithPath: path, relativeTo: $0).path } ?? path
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory)
        let manifestPath = exists && isDirectory.boolValue ? join(path, "suite.yaml") : path
        let manifestFile = exists && isDirectory.boolValue ? join(resolved, "suite.yaml") : resolved
        if let problem = RegularFile.problem(at: manifestFile) {
            let message = problem == .missing ? "no such suite manifest" : "the suite manifest \(problem)"
            return Result(diagnostics: [.error(SourceLocation(file: manifestPath), message)])
        }
        let manifestURL = URL(fileURLWithPath: manifestFile).standardizedFileURL
        let directory = manifestURL.deletingLastPathComponent()
        let displayDirectory = (manifestPath as NSString).deletingLastPathComponent

        guard let bytes = FileManager.default.contents(atPath: manifestURL.path) else {
            return Result(diagnostics: [.error(SourceLocation(file: manifestPath), "cannot be read")])
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let location = SourceLocation(file: manifestPath, byteOffset: UTF8Text.firstInvalidByte(bytes))
            return Result(diagnostics: [.error(location, "not UTF-8 text")])
        }
        let (parsed, manifestDiagnostics) = ManifestParser.parse(text, file: manifestPath)
        guard let manifest = parsed else { return Result(diagnostics: manifestDiagnostics) }
        var diagnostics = manifestDiagnostics

        let absoluteItems = manifest.items.hasPrefix("/")
        let itemsPath = absoluteItems ? manifest.items : join(displayDirectory, manifest.items)
        let itemsURL =
            absoluteItems ? URL(fileURLWithPath: manifest.items) : directory.appendingPathComponent(manifest.items)
        let itemsLine = manifestLine(of: "items", in: text)
        if let problem = RegularFile.problem(at: itemsURL.path) {
            let message =
                problem == .missing ? "no such items file: \(itemsPath)" : "the items file \(itemsPath) \(problem)"
            diagnostics.append(.error(SourceLocation(file: manifestPath, line: itemsLine, field: "items"), message))
            return Result(diagnostics: diagnostics)
        }
        guard let data = FileManager.default.contents(atPath: itemsURL.path) else {
            diagnostics.append(
                .error(
                    SourceLocation(file: manifestPath, line: itemsLine, field: "items"),
                    "cannot read the items file \(itemsPath)"))
            return Result(diagnostics: diagnostics)
        }
        let parsedItems = ItemParser(manifest: manifest, file: itemsPath).parse(data)
        var itemDiagnostics = parsedItems.diagnostics
        if parsedItems.items.isEmpty && !parsedItems.diagnostics.hasErrors {
            itemDiagnostics.append(.error(SourceLocation(file: itemsPath, line: 1), "the suite has no items"))
        }

        let (items, sliceDiagnostics) = limitSlices(parsedItems.items, file: itemsPath)
        itemDiagnostics += sliceDiagnostics
        let suite = Suite(
            manifest: manifest, items: items, directory: directory, itemsFile: itemsPath,
            canonicalItems: parsedItems.canonicalLines)
        itemDiagnostics += audioDiagnostics(suite)
        diagnostics += itemDiagnostics.sortedByLine()
        return Result(suite: diagnostics.hasErrors ? nil : suite, diagnostics: diagnostics)
    }

    /// Clip paths must stay inside `audio_root` as written (no `..` above it) and name existing
    /// files. Symbolic links under the root are followed wherever they point: the Hugging Face hub
    /// cache stores every file as a link into `blobs/`, and labs link dataset folders.
    static func audioDiagnostics(_ suite: Suite) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var checked: [String: String?] = [:]
        for item in suite.items {
            for (index, audio) in item.audio.enumerated() {
                let field = item.audio.count > 1 ? "audio[\(index)]" : "audio"
                let found: String?
                if let known = checked[audio.path] {
                    found = known
                } else {
                    found = problem(with: audio, in: suite)
                    checked[audio.path] = found
                }
                if let problem = found {
                    diagnostics.append(
                        .error(SourceLocation(file: suite.itemsFile, line: item.line, field: field), problem))
                }
            }
        }
        return diagnostics
    }

    static func problem(with audio: AudioRef, in suite: Suite) -> String? {
        if audio.path.hasPrefix("/") {
            return "\"\(audio.path)\" is absolute; clip paths are relative to audio_root (\(suite.manifest.audioRoot))"
        }
        guard staysInside(audio.path) else {
            return "\"\(audio.path)\" escapes audio_root (\(suite.manifest.audioRoot))"
        }
        let limit: Int
        switch RegularFile.maxClipBytes {
        case .success(let bytes): limit = bytes
        case .failure(let error): return error.description
        }
        switch RegularFile.problem(at: suite.url(of: audio).path, limit: limit) {
        case nil: return nil
        case .missing?: return "no such clip: \"\(audio.path)\" under audio_root (\(suite.manifest.audioRoot))"
        case let problem?: return "the clip \"\(audio.path)\" \(problem)"
        }
    }

    /// The line of a top-level key in the manifest's text, for a diagnostic about its value.
    static func manifestLine(of key: String, in text: String) -> Int? {
        var number = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            if line.hasPrefix(key + ":") { return number }
        }
        return nil
    }

    /// The most distinct values a tag may have and still be a slice.
    public static let maxSliceValues = 100

    /// Marks tags with more than `maxSliceValues` distinct values as unsliced (free text, URLs,
    /// per-item ids): kept on the items and in scores.jsonl, but no breakdown in results or reports.
    static func limitSlices(_ items: [Item], file: String) -> ([Item], [Diagnostic]) {
        var values: [String: Set<String>] = [:]
        for item in items {
            for (key, value) in item.tags { values[key, default: []].insert(value) }
        }
        let unsliced = Set(values.filter { $0.value.count > maxSliceValues }.keys)
        guard !unsliced.isEmpty else { return (items, []) }
        let diagnostics = unsliced.sorted().map { key in
            Diagnostic.warning(
                SourceLocation(file: file, field: "tags.\(key)"),
                "\(values[key]?.count ?? 0) distinct values; kept on the items but not sliced (a slice has at most \(maxSliceValues))"
            )
        }
        let marked = items.map { item in
            var item = item
            item.unslicedTags = unsliced.intersection(item.tags.keys)
            return item
        }
        return (marked, diagnostics)
    }

    /// Whether a relative path stays below its folder when read lexically: no `..` climbs above it.
    static func staysInside(_ path: String) -> Bool {
        var depth = 0
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                depth -= 1
                if depth < 0 { return false }
            default: depth += 1
            }
        }
        return true
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.isEmpty || directory == "." ? name : (directory as NSString).appendingPathComponent(name)
    }
}
