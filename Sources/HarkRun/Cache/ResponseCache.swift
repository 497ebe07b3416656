public import Foundation
import GRDB
public import HarkCore

/// Answers already given, in SQLite, each under the request's full key (its content, the model's
/// identity and fingerprint) and under its key without the fingerprint, so that a miss can tell
/// "asked before of another fingerprint of this model" from "never asked". Used only when a run
/// asks for it (`--cache`). Errors and empty answers are never stored. A file that is no cache,
/// or that stays locked, is an error naming it (exit 2).
public final class ResponseCache: Sendable {
    private let database: DatabaseQueue
    public let url: URL

    /// What a look-up found.
    public enum Lookup: Sendable {
        case hit(ModelResponse)
        /// Never asked of this model, in any fingerprint.
        case miss
        /// Asked before, of a model with another fingerprint: not reused.
        case stale
    }

    /// Opens (or creates) the cache at `url`.
    public init(url: URL) throws {
        self.url = url
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            database = try DatabaseQueue(path: url.path, configuration: configuration)
            try database.write { db in
                try db.execute(
                    sql: """
                        CREATE TABLE IF NOT EXISTS answers (
                            hash TEXT PRIMARY KEY NOT NULL,
                            request TEXT NOT NULL,
                            text TEXT NOT NULL,
                            finish_reason TEXT,
                            stored_at TEXT NOT NULL
                        );
                        CREATE INDEX IF NOT EXISTS answers_request ON answers (request);
                        """)
            }
        } catch {
            throw Self.failure(error, url: url, doing: "opened")
        }
    }

    /// The default place: `$XDG_CACHE_HOME/hark/responses.sqlite`, else `~/.cache/hark/responses.sqlite`.
    public static var defaultURL: URL {
        let environment = ProcessInfo.processInfo.environment
        let base =
            environment["XDG_CACHE_HOME"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache")
        return base.appendingPathComponent("hark/responses.sqlite")
    }

    /// The answer stored under `hash`; else whether `request` was answered under another hash.
    public func lookup(_ hash: String, request: String) async throws -> Lookup {
        do {
            return try await database.read { db in
                if let row = try Row.fetchOne(
                    db, sql: "SELECT text, finish_reason FROM answers WHERE hash = ?", arguments: [hash])
                {
                    return .hit(ModelResponse(text: row["text"], finishReason: row["finish_reason"]))
                }
                let earlier =
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM answers WHERE request = ?", arguments: [request])
                    ?? 0
                return earlier > 0 ? .stale : .miss
            }
        } catch {
            throw Self.failure(error, url: url, doing: "read")
        }
    }

    public func store(_ response: ModelResponse, for hash: String, request: String) async throws {
        guard !response.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return }
        let now = Timestamp.now()
        do {
            try await database.write { db in
                try db.execute(
                    sql:
                        "INSERT OR REPLACE INTO answers (hash, request, text, finish_reason, stored_at) VALUES (?, ?, ?, ?, ?)",
                    arguments: [hash, request, response.text, response.finishReason, now])
            }
        } catch {
            throw Self.failure(error, url: url, doing: "written")
        }
    }

    public func count() async throws -> Int {
        try await database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM answers") ?? 0 }
    }

    static func failure(_ error: any Error, url: URL, doing: String) -> HarkError {
        let reason = (error as? DatabaseError).map { $0.message ?? "\($0.resultCode)" } ?? error.localizedDescription
        return HarkError(
            .badInput, "the response cache could not be \(doing): \(reason); remove the file, or run without --cache",
            at: SourceLocation(file: url.path))
    }
}
