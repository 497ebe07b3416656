import Foundation
import HarkTestSupport
import Testing

/// The module graph reads one way: every dependency in Package.swift is one that the module table
/// of docs/architecture.md allows, and points up the table.
@Suite struct ArchitectureTests {
    struct Row {
        var modules: [String]
        var allowed: Set<String>
    }

    /// The table's rows in order: the modules of each, and the dependencies it allows.
    static func table() throws -> [Row] {
        let text = try String(
            contentsOf: HarkCLI.packageRoot.appendingPathComponent("docs/architecture.md"), encoding: .utf8)
        let section = try #require(text.components(separatedBy: "## Modules").dropFirst().first)
        return section.split(separator: "\n").filter { $0.hasPrefix("| `") }.map { line in
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            func names(_ cell: String) -> [String] {
                cell.replacingOccurrences(of: "`", with: "").split(separator: ",").map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
            }
            return Row(modules: names(cells[1]), allowed: Set(names(cells[3])))
        }
    }

    /// Each target of the package that is not a test, with its dependencies, from SwiftPM itself.
    static func targets() throws -> [(name: String, dependencies: [String])] {
        let scratch = try TemporaryDirectory(prefix: "hark-dump")
        defer { scratch.remove() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // A scratch path of its own, so that it never waits on the lock of the build running the tests.
        process.arguments = [
            "swift", "package", "--package-path", HarkCLI.packageRoot.path, "--scratch-path", scratch.url.path,
            "dump-package",
        ]
        let output = scratch.url.appendingPathComponent("package.json")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let package = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: output)) as? [String: Any])
        let targets = try #require(package["targets"] as? [[String: Any]])
        return targets.filter { !["test", "plugin"].contains($0["type"] as? String) }.map { target in
            let dependencies = (target["dependencies"] as? [[String: Any]] ?? []).compactMap { dependency in
                dependency.values.compactMap { ($0 as? [Any])?.first as? String }.first
            }
            return (target["name"] as? String ?? "", dependencies)
        }
    }

    @Test func everyDependencyIsAllowedByTheTableAndPointsUpIt() throws {
        let rows = try Self.table()
        let position = Dictionary(
            rows.enumerated().flatMap { index, row in row.modules.map { ($0, index) } },
            uniquingKeysWith: { first, _ in first })
        let targets = try Self.targets()
        #expect(targets.count > 10)
        let own = Set(targets.map(\.name))
        for target in targets {
            let row = try #require(position[target.name], "\(target.name) has no row in docs/architecture.md")
            for dependency in target.dependencies {
                #expect(
                    rows[row].allowed.contains(dependency),
                    "\(target.name) → \(dependency): not in its row of docs/architecture.md")
                if own.contains(dependency) {
                    let above = try #require(position[dependency], "\(dependency) has no row in docs/architecture.md")
                    #expect(above < row, "\(target.name) → \(dependency) points down the table")
                }
            }
        }
        let reports = try #require(targets.first { $0.name == "HarkReports" })
        let gate = try #require(targets.first { $0.name == "HarkGate" })
        #expect(!reports.dependencies.contains("HarkRun") && !gate.dependencies.contains("HarkRun"))
        let models = try #require(targets.first { $0.name == "HarkModels" })
        #expect(!models.dependencies.contains("HarkSuites") && !models.dependencies.contains("HarkScoring"))
    }
}
