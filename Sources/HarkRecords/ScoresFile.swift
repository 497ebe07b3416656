public import Foundation
public import HarkCore

/// Reads a run's `scores.jsonl`.
public enum ScoresFile {
    /// The records of `scores.jsonl`; none when the file is absent.
    public static func read(_ url: URL) throws -> [ScoreRecord] {
        guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
        return try JSONLines.decode(ScoreRecord.self, from: data, file: url.path)
    }
}
