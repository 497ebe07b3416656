import ArgumentParser
import Foundation
import HarkApp
import HarkCore

/// `hark overlap`: which evaluation clips are also in a training set.
struct Overlap: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overlap",
        abstract: "Find evaluation clips that are also training clips: same file, same sound, or near duplicates.",
        discussion: """
            TRAIN is a clip manifest, a folder of clips, a synthesis output or a training file (JSON or JSON Lines
            with audio, audios or clip); each EVAL is a suite folder or any of those. Clips are compared by the SHA-256
            of the file, of the decoded 16 kHz PCM (lossless re-encodes), and by a fingerprint that survives lossy
            re-encoding, resampling, gain and trims (see docs/contamination.md). Exits 1 when any clip is shared.
            """)

    @Argument(help: "The training set.")
    var train: String
    @Argument(help: "The evaluation suites or clip sets.")
    var eval: [String]
    @Option(help: "The folder a training manifest's clip paths are relative to (default: its folder).")
    var trainAudioRoot: String?
    @Option(help: "Largest share of differing fingerprint bits for a near duplicate.")
    var maxBitErrorRate = 0.3
    @Flag(help: "Compare file hashes only: read no clip's sound.")
    var filesOnly = false
    @Option(help: "Write the report as JSON to this file.")
    var json: String?

    func validate() throws {
        guard !eval.isEmpty else { throw ValidationError("name at least one evaluation suite or clip set") }
        guard (0...0.5).contains(maxBitErrorRate) else {
            throw ValidationError("--max-bit-error-rate: expected 0 to 0.5, found \(maxBitErrorRate)")
        }
    }

    func run() async throws {
        let training = try ClipSet.read(
            WorkingDirectory.path(train), audioRoot: trainAudioRoot.map(WorkingDirectory.path))
        let evaluation = try eval.map { try ClipSet.read(WorkingDirectory.path($0)) }
        let report = ClipOverlap.check(
            training: training, evaluation: evaluation,
            methods: filesOnly ? [.file] : Set(OverlapMethod.allCases), maximumBitErrorRate: maxBitErrorRate)
        for (path, problem) in report.unreadable.sorted(by: { $0.key < $1.key }) {
            Terminal.error("\(path): warning: sound not read, compared by file hash only: \(problem)")
        }
        for finding in report.findings {
            var line = "\(finding.clip): \(finding.method.rawValue) of \(finding.trainingClip)"
            if let rate = finding.bitErrorRate, let offset = finding.offsetSeconds {
                line += String(format: " (bit error rate %.3f, offset %+.2f s)", rate, offset)
            }
            Terminal.output(line)
        }
        for set in evaluation {
            let shared = report.findings.filter { $0.set == set.name }
            let methods = Dictionary(shared.map { ($0.method.rawValue, 1) }, uniquingKeysWith: +)
                .sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            Terminal.output(
                "\(set.name): \(shared.count) of \(set.clips.count) clips in the training set (\(training.clips.count) clips)"
                    + (methods.isEmpty ? "" : ": " + methods))
        }
        if let json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            try encoder.encode(report).write(to: WorkingDirectory.url(json), options: .atomic)
        }
        if !report.findings.isEmpty { throw ExitCode(ExitStatus.failed.rawValue) }
    }
}
