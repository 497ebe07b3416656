import Foundation

/// hark's version and the git revision it was built from.
public enum HarkVersion {
    public static let number = "0.1.0"

    /// The commit of the source tree hark was built from (with `-dirty` when it had uncommitted
    /// changes), read once from git beside the sources; `HARK_GIT_REVISION` overrides it, and it is
    /// "unknown" when neither is available.
    public static let gitRevision: String = {
        if let override = ProcessInfo.processInfo.environment["HARK_GIT_REVISION"], !override.isEmpty {
            return override
        }
        let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        guard let commit = git(["rev-parse", "HEAD"], in: sourceRoot), !commit.isEmpty else { return "unknown" }
        let status = git(["status", "--porcelain", "--untracked-files=no"], in: sourceRoot) ?? ""
        return status.isEmpty ? commit : commit + "-dirty"
    }()

    /// `0.1.0 (3f2c…)`, as `hark --version` prints it.
    public static var description: String { "\(number) (\(gitRevision))" }

    private static func git(_ arguments: [String], in directory: URL) -> String? {
        guard FileManager.default.fileExists(atPath: directory.path) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory.path] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
