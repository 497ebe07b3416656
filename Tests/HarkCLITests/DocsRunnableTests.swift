import Foundation
import HarkTestSupport
import Testing

/// The fenced blocks marked ```` ```sh runnable ```` in README.md and docs/ run as written: each
/// file's blocks in order, in a fresh folder, with the built `hark` first on the PATH.
@Suite struct DocsRunnableTests {
    static let files: [String] = {
        let root = HarkCLI.packageRoot
        let docs =
            ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("docs").path)) ?? [])
            .filter { $0.hasSuffix(".md") }.map { "docs/" + $0 }
        return (["README.md"] + docs).filter { !blocks(in: $0).isEmpty }.sorted()
    }()

    static func blocks(in file: String) -> [String] {
        guard let text = try? String(contentsOf: HarkCLI.packageRoot.appendingPathComponent(file), encoding: .utf8)
        else { return [] }
        var blocks: [String] = []
        var current: [String]?
        for line in text.components(separatedBy: "\n") {
            if current == nil, line.hasPrefix("```sh runnable") {
                current = []
            } else if current != nil, line.hasPrefix("```") {
                blocks.append(current!.joined(separator: "\n"))
                current = nil
            } else {
                current?.append(line)
            }
        }
        return blocks
    }

    @Test func thereAreRunnableBlocks() {
        #expect(Self.files.contains("docs/getting-started.md"))
    }

    @Test(arguments: files)
    func blocksRunAsWritten(file: String) throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let script = "set -euo pipefail\n" + Self.blocks(in: file).joined(separator: "\n") + "\n"
        try folder.write(script, to: "blocks.sh")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [folder.path("blocks.sh").path]
        process.currentDirectoryURL = folder.url
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = HarkCLI.binary.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "")
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(file): \(stderr.suffix(2_000))")
    }
}
