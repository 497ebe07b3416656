public import Foundation
public import HarkCore

/// Reads a run's `scores.jsonl`.
public enum ScoresFile {
    /// The records of `scores.jsonl`, the first `limit` of them; none when the file is absent.
    public static func read(_ url: URL, limit: Int = .max) throws -> [ScoreRecord] {
        guard var data = FileManager.default.contents(atPath: url.path) else { return [] }
        if limit < .max {
            var newlines = 0
            if let end = data.firstIndex(where: { byte in
                if byte == UInt8(ascii: "\n") { newlines += 1 }
                return newlines >= limit
            }) {
                data = data[..<end]
            }
        }
        return try JSONLines.decode(ScoreRecord.self, from: data, file: url.path)
    }
}
