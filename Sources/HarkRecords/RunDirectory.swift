public import Foundation
public import HarkCore

/// The files of one run under `results/<run>/`.
public struct RunDirectory: Sendable {
    public let url: URL

    public init(_ url: URL) {
        self.url = url
    }

    /// A run given by name (under `resultsRoot`) or by path (read against `base`): a reference with a
    /// slash, or a folder holding a journal, is a path.
    public static func locate(_ reference: String, resultsRoot: URL, base: URL) -> RunDirectory {
        let direct = URL(fileURLWithPath: reference, relativeTo: base).standardizedFileURL
        if FileManager.default.fileExists(atPath: direct.appendingPathComponent("samples.jsonl").path)
            || reference.contains("/")
        {
            return RunDirectory(direct)
        }
        return RunDirectory(resultsRoot.appendingPathComponent(reference))
    }

    public var name: String { url.lastPathComponent }
    public var samples: URL { url.appendingPathComponent("samples.jsonl") }
    public var manifest: URL { url.appendingPathComponent("manifest.json") }
    public var results: URL { url.appendingPathComponent("results.json") }
    public var scores: URL { url.appendingPathComponent("scores.jsonl") }
    /// The judge's replies (`hark judge`), one per judged sample, under the sample's key.
    public var judgements: URL { url.appendingPathComponent("judgements.jsonl") }

    public func create() throws {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    public func write<Value: Encodable>(_ value: Value, to file: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(UInt8(ascii: "\n"))
        do {
            try data.write(to: file, options: .atomic)
        } catch {
            throw HarkError.writeFailed("write", file.path, error)
        }
    }

    public func readManifest() throws -> RunManifest? {
        guard let data = FileManager.default.contents(atPath: manifest.path) else { return nil }
        do {
            return try JSONDecoder().decode(RunManifest.self, from: data)
        } catch {
            throw HarkError.badInput("not a hark run manifest: \(error)", at: SourceLocation(file: manifest.path))
        }
    }

    /// Decodes `results.json` (once: the schema is checked after, or, when decoding fails, to say
    /// why).
    public func readResults() throws -> RunResults {
        guard let data = FileManager.default.contents(atPath: results.path) else {
            throw HarkError(
                .incomplete, "no results.json: the run did not finish", at: SourceLocation(file: results.path))
        }
        ReadCounter.count(.results)
        struct Schema: Decodable { var schema: String? }
        func checkSchema(_ schema: String?) throws {
            if let schema, schema != RunResults.schemaVersion {
                throw HarkError.badInput(
                    "written by schema \(schema); this hark reads \(RunResults.schemaVersion)",
                    at: SourceLocation(file: results.path))
            }
        }
        let decoded: RunResults
        do {
            decoded = try JSONDecoder().decode(RunResults.self, from: data)
        } catch {
            try checkSchema((try? JSONDecoder().decode(Schema.self, from: data))?.schema)
            throw HarkError.badInput("not a hark results file: \(error)", at: SourceLocation(file: results.path))
        }
        try checkSchema(decoded.schema)
        return decoded
    }
}
