import Foundation
import HarkApp
import HarkCore
import HarkRecords
import HarkRun
import HarkTestSupport
import HarkTesting
import Testing

/// Hostile or broken files are refused in bounded time with a located message, never hang or
/// exhaust memory: FIFOs, devices, alias bombs, truncated clips, duplicate JSON keys.
@Suite struct HostileFileTests {
    static let item = #"{"id": "a", "audio": "a.wav", "object": "dog", "label": "yes"}"#

    /// Runs hark, killing it after `seconds`; returns status, standard error and whether it was killed.
    func bounded(_ arguments: [String], in directory: URL, seconds: Double = 20) async throws -> (
        status: Int32, stderr: String, hung: Bool
    ) {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let stderr = scratch.path("stderr")
        let process = try HarkCLI.start(arguments, in: directory, stderr: stderr)
        let (status, hung) = await HarkCLI.waitForExit(process, within: seconds)
        return (status, try String(contentsOf: stderr, encoding: .utf8), hung)
    }

    func refuses(_ suite: SuiteFixture, _ command: String = "validate", saying expected: String) async throws -> String
    {
        let arguments =
            command == "validate"
            ? ["validate", suite.path] : ["run", "--suite", suite.path, "--model", "always-yes", "--run", "r"]
        let work = try TemporaryDirectory()
        defer { work.remove() }
        let result = try await bounded(arguments, in: work.url)
        #expect(!result.hung, "hark \(command) hung")
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains(expected), "\(result.stderr)")
        return result.stderr
    }

    @Test(arguments: ["validate", "run"])
    func fifoClipIsRefused(_ command: String) async throws {
        let suite = try SuiteFixture(items: [Self.item], clips: [])
        defer { suite.remove() }
        try FileManager.default.createDirectory(at: suite.directory.path("audio"), withIntermediateDirectories: true)
        #expect(mkfifo(suite.directory.path("audio/a.wav").path, 0o644) == 0)
        let message = try await refuses(suite, command, saying: "the clip \"a.wav\" is a FIFO (named pipe), not a file")
        #expect(message.contains("items.jsonl:1: error: audio:"))
    }

    @Test func audioRootLinkedToDevIsRefusedBeforeHashing() async throws {
        let suite = try SuiteFixture(
            manifest: SuiteFixture.yesNoManifest.replacingOccurrences(
                of: "audio_root: audio/", with: "audio_root: dev/"),
            items: [#"{"id": "a", "audio": "zero", "object": "dog", "label": "yes"}"#], clips: [])
        defer { suite.remove() }
        try FileManager.default.createSymbolicLink(
            atPath: suite.directory.path("dev").path, withDestinationPath: "/dev")
        _ = try await refuses(suite, "run", saying: "the clip \"zero\" is a device, not a file")
    }

    @Test func fifoOrFolderItemsFileIsRefused() async throws {
        let fifo = try SuiteFixture(items: [], clips: [])
        defer { fifo.remove() }
        try FileManager.default.removeItem(at: fifo.directory.path("items.jsonl"))
        #expect(mkfifo(fifo.directory.path("items.jsonl").path, 0o644) == 0)
        _ = try await refuses(fifo, saying: "suite.yaml: error: items: the items file")
        let folder = try SuiteFixture(manifest: SuiteFixture.yesNoManifest + "\nitems: audio\n", items: [Self.item])
        defer { folder.remove() }
        _ = try await refuses(folder, saying: "is a folder, not a file")
    }

    @Test func absoluteItemsPathIsReadAsItIs() async throws {
        let elsewhere = try SuiteFixture(items: [Self.item])
        defer { elsewhere.remove() }
        let suite = try SuiteFixture(
            manifest: SuiteFixture.yesNoManifest.replacingOccurrences(
                of: "audio_root: audio/", with: "audio_root: \(elsewhere.path)/audio/")
                + "\nitems: \(elsewhere.path)/items.jsonl\n", items: [])
        defer { suite.remove() }
        let result = try await bounded(["validate", suite.path], in: suite.directory.url)
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func aliasBombUnderAnUnknownKeyIsRefusedWithItsLine() async throws {
        var bomb = "bomb:\n  a: &a [\"x\", \"x\", \"x\", \"x\", \"x\", \"x\", \"x\", \"x\", \"x\"]\n"
        let names = ["b", "c", "d", "e", "f", "g", "h", "i", "j"]
        var previous = "a"
        for name in names {
            bomb += "  \(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
            previous = name
        }
        let suite = try SuiteFixture(manifest: SuiteFixture.yesNoManifest + "\n" + bomb, items: [Self.item])
        defer { suite.remove() }
        let message = try await refuses(suite, saying: "expands to more than")
        #expect(message.contains("suite.yaml:7: error: bomb:"), "\(message)")
    }

    @Test func truncatedClipFailsValidation() async throws {
        let suite = try SuiteFixture(items: [Self.item])
        defer { suite.remove() }
        let clip = suite.directory.path("audio/a.wav")
        try Data(contentsOf: clip).prefix(1_000).write(to: clip)
        _ = try await refuses(suite, saying: "truncated")
    }

    @Test func duplicateJSONKeyInAnItemIsAnErrorWithLineAndKey() async throws {
        let suite = try SuiteFixture(items: [
            Self.item, #"{"id": "b", "audio": "a.wav", "object": "dog", "label": "yes", "label": "no"}"#,
        ])
        defer { suite.remove() }
        _ = try await refuses(suite, saying: "items.jsonl:2:64: error: duplicate key \"label\"")
    }

    @Test func undecodableManifestNamesTheByte() async throws {
        let suite = try SuiteFixture(items: [Self.item])
        defer { suite.remove() }
        var bytes = Data("id: fixture\nversion: 1\n".utf8)
        bytes.append(contentsOf: [0x74, 0x61, 0xFF, 0x0A])
        try bytes.write(to: suite.directory.path("suite.yaml"))
        _ = try await refuses(suite, saying: "suite.yaml: byte 25: error: not UTF-8 text")
    }
}

@Suite struct RegularFileTests {
    @Test func clipsOverTheLimitAreNamedWithTheirSize() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write(Data(count: 3 << 20), to: "big.wav")
        #expect(
            RegularFile.problem(at: file.path, limit: 2 << 20)
                == .unreadable("is 3 MB, over the limit of 2 MB (HARK_MAX_CLIP_MB)"))
        #expect(RegularFile.problem(at: file.path, limit: 4 << 20) == nil)
        #expect(RegularFile.problem(at: directory.path("none").path) == .missing)
    }

    @Test func duplicateKeysAreFoundAtAnyDepthButNotAcrossObjects() {
        #expect(JSONDuplicateKeys.first(in: Array(#"{"a": 1, "b": {"a": 2}}"#.utf8)) == nil)
        #expect(JSONDuplicateKeys.first(in: Array(#"[{"a": 1}, {"a": 2}]"#.utf8)) == nil)
        #expect(JSONDuplicateKeys.first(in: Array(#"{"t": {"x": "a\"b", "x": 1}}"#.utf8))?.key == "x")
        #expect(JSONDuplicateKeys.first(in: Array(#"{"k": ["a", "a"], "v": "k"}"#.utf8)) == nil)
    }

    @Test func firstInvalidUTF8ByteIsLocated() {
        #expect(UTF8Text.firstInvalidByte(Data("héllo".utf8)) == nil)
        #expect(UTF8Text.firstInvalidByte(Data([0x61, 0xC3])) == 1)
        #expect(UTF8Text.firstInvalidByte(Data([0x61, 0xED, 0xA0, 0x80])) == 1)
        #expect(UTF8Text.firstInvalidByte(Data([0x61, 0x62, 0xFF])) == 2)
    }
}

/// A full disk (simulated by a file-size limit: writes past it fail with EFBIG, as ENOSPC would)
/// ends the command with exit 4 naming the file and the operation, leaves no temporary file, and a
/// resume once there is room gives the journal an uninterrupted run would.
@Suite(.serialized) struct DiskFullTests {
    /// Runs hark under `ulimit -f blocks` (512-byte blocks in sh), SIGXFSZ ignored.
    func limited(_ blocks: Int, _ arguments: [String], in directory: URL) throws -> (status: Int32, stderr: String) {
        let command = (["exec", HarkCLI.binary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "trap '' XFSZ; ulimit -f \(blocks); " + command]
        process.currentDirectoryURL = directory
        let errURL = try scratch.write("", to: "stderr")
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, try String(contentsOf: errURL, encoding: .utf8))
    }

    func leftovers(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".writing") }
    }

    @Test func fullDiskDuringARunExitsFourAndResumesToTheSameJournal() async throws {
        let suite = try SuiteFixture.probes(clips: 20, templates: 1)
        defer { suite.remove() }
        let work = try TemporaryDirectory()
        defer { work.remove() }
        let common = ["run", "--suite", suite.path, "--model", "oracle"]
        #expect(await CLI.run(common + ["--run", "full"], in: work.url).status == 0)
        let cut = try limited(8, common + ["--run", "cut"], in: work.url)
        #expect(cut.status == 4, "\(cut.stderr)")
        #expect(
            cut.stderr.contains("results/cut/samples.jsonl: cannot append to the journal: File too large"),
            "\(cut.stderr)")
        #expect(try leftovers(work.path("results/cut")).isEmpty)
        let resumed = await CLI.run(common + ["--run", "cut", "--resume"], in: work.url)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(
            try journalWithoutTimings(work.path("results/cut/samples.jsonl"))
                == journalWithoutTimings(work.path("results/full/samples.jsonl")))
    }

    @Test func fullDiskWhileScoringLeavesNoTemporaryFileAndTheResultsAsTheyWere() async throws {
        let suite = try SuiteFixture.probes(clips: 20, templates: 1)
        defer { suite.remove() }
        let work = try TemporaryDirectory()
        defer { work.remove() }
        #expect(
            await CLI.run(["run", "--suite", suite.path, "--model", "oracle", "--run", "r"], in: work.url).status == 0
        )
        let folder = work.path("results/r")
        let results = try Data(contentsOf: folder.appendingPathComponent("results.json"))
        let scores = try Data(contentsOf: folder.appendingPathComponent("scores.jsonl"))
        #expect(scores.count > 4 * 512)
        let failed = try limited(4, ["score", "r"], in: work.url)
        #expect(failed.status == 4, "\(failed.stderr)")
        #expect(failed.stderr.contains("scores.jsonl: cannot write: File too large"), "\(failed.stderr)")
        #expect(try leftovers(folder).isEmpty)
        #expect(try Data(contentsOf: folder.appendingPathComponent("results.json")) == results)
        #expect(try Data(contentsOf: folder.appendingPathComponent("scores.jsonl")) == scores)
    }
}
