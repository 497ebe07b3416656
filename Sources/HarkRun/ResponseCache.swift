public import Foundation
import GRDB
public import HarkCore

/// Answers already given, by request hash, in SQLite: a second run of the same plan asks the model
/// nothing. Errors and empty answers are never stored.
public final class ResponseCache: Sendable {
    private let database: DatabaseQueue

    /// Opens (or creates) the cache at `url`.
    public init(url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        database = try DatabaseQueue(path: url.path, configuration: configuration)
        try database.write { db in
            try db.execute(sql: """
                CREATE TABLE IF NOT EXISTS responses (
                    hash TEXT PRIMARY KEY NOT NULL,
                    text TEXT NOT NULL,
                    finish_reason TEXT,
                    stored_at TEXT NOT NULL
                )
                """)
        }
    }

    /// The default place: `$XDG_CACHE_HOME/hark/responses.sqlite`, else `~/.cache/hark/responses.sqlite`.
    public static var defaultURL: URL {
        let environment = ProcessInfo.processInfo.environment
        let base = environment["XDG_CACHE_HOME"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache")
        return base.appendingPathComponent("hark/responses.sqlite")
    }

    public func lookup(_ hash: String) async throws -> ModelResponse? {
        try await database.read { db in
            try Row.fetchOne(db, sql: "SELECT text, finish_reason FROM responses WHERE hash = ?", arguments: [hash]).map {
                ModelResponse(text: $0["text"], finishReason: $0["finish_reason"])
            }
        }
    }

    public func store(_ response: ModelResponse, for hash: String) async throws {
        guard !response.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return }
        let now = ISO8601DateFormatter().string(from: Date())
        try await database.write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO responses (hash, text, finish_reason, stored_at) VALUES (?, ?, ?, ?)",
                arguments: [hash, response.text, response.finishReason, now])
        }
    }

    public func count() async throws -> Int {
        try await database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM responses") ?? 0 }
    }
}
