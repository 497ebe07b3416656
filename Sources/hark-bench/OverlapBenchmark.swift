import ArgumentParser
import Foundation
import HarkApp
import HarkAudio
import HarkTestSupport

/// How well `hark overlap` finds copies of training clips and leaves distinct clips alone: the
/// training set is `--clips` distinct clips; the evaluation set is every standard transform of the
/// first half of them, and the second half's clips made anew under other seeds (distinct).
struct OverlapBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overlap",
        abstract: "Precision and recall of the contamination check on distinct clips and transformed copies.")

    @Option(help: "Distinct training clips (half of them copied into the evaluation set).")
    var clips = 500

    @Option(help: "Seconds per clip.")
    var seconds = 3.0

    @Option(help: "The largest bit error rate of a near duplicate (0.5 shows how close distinct clips come).")
    var maximumBitErrorRate = FingerprintIndex().maximumBitErrorRate

    @Option(help: "Where the clips are written (a temporary folder by default).")
    var folder: String?

    func run() throws {
        let root =
            folder.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("hark-overlap-\(getpid())")
        let train = root.appendingPathComponent("train")
        let eval = root.appendingPathComponent("eval")
        for folder in [train, eval] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        defer { if folder == nil { try? FileManager.default.removeItem(at: root) } }
        var originals: [URL] = []
        var expected: [String: (original: String, transform: OverlapCorpus.Transform)] = [:]
        var distinct: [URL] = []
        let started = Date()
        for index in 0..<clips {
            let original = train.appendingPathComponent("clip\(index).wav")
            try AudioFile.write(OverlapCorpus.clip(index, seconds: seconds), to: original, format: .wav16)
            originals.append(original)
            if index < clips / 2 {
                for transform in OverlapCorpus.Transform.standard(seed: UInt64(index)) {
                    let copy = try OverlapCorpus.write(
                        transform, of: original, to: eval.appendingPathComponent("clip\(index)-\(transform)"))
                    expected[copy.standardizedFileURL.path] = (original.standardizedFileURL.path, transform)
                }
            } else {
                let other = eval.appendingPathComponent("other\(index).wav")
                try AudioFile.write(OverlapCorpus.clip(clips + index, seconds: seconds), to: other, format: .wav16)
                distinct.append(other.standardizedFileURL)
            }
        }
        let copies = expected.keys.sorted().map { URL(fileURLWithPath: $0) }
        print(
            "wrote \(clips) training clips, \(copies.count) copies and \(distinct.count) distinct clips in \(String(format: "%.1f", Date().timeIntervalSince(started))) s"
        )
        let checking = Date()
        let report = ClipOverlap.check(
            training: ClipSet(name: "train", clips: originals),
            evaluation: [ClipSet(name: "eval", clips: copies + distinct)],
            maximumBitErrorRate: maximumBitErrorRate)
        let elapsed = Date().timeIntervalSince(checking)
        var found: [String: Int] = [:]
        var missed: [String: Int] = [:]
        var worstByKind: [String: Double] = [:]
        var truePositives = 0
        var falsePositives = 0
        var worst = 0.0
        var byPath: [String: ClipOverlap.Finding] = [:]
        for finding in report.findings { byPath[finding.clip] = finding }
        for (copy, truth) in expected {
            if let finding = byPath[copy], finding.trainingClip == truth.original {
                found[truth.transform.kind, default: 0] += 1
                worst = max(worst, finding.bitErrorRate ?? 0)
                worstByKind[truth.transform.kind] = max(
                    worstByKind[truth.transform.kind] ?? 0, finding.bitErrorRate ?? 0)
            } else {
                missed["\(truth.transform)", default: 0] += 1
            }
        }
        for finding in report.findings {
            if expected[finding.clip]?.original == finding.trainingClip {
                truePositives += 1
            } else {
                falsePositives += 1
                let shown = String(format: "%.3f", finding.bitErrorRate ?? 0)
                print(
                    "false: \(finding.clip) ~ \(finding.trainingClip) (\(finding.method.rawValue), bit error rate \(shown))"
                )
            }
        }
        let precision = Double(truePositives) / Double(max(1, truePositives + falsePositives))
        let recall = Double(truePositives) / Double(max(1, expected.count))
        print(
            "checked \(originals.count) training against \(copies.count + distinct.count) evaluation clips in \(String(format: "%.2f", elapsed)) s"
        )
        print(
            "found by method: \(Dictionary(report.findings.map { ($0.method.rawValue, 1) }, uniquingKeysWith: +).sorted { $0.key < $1.key })"
        )
        print("found by transform: \(found.sorted { $0.key < $1.key })")
        print("worst bit error rate by transform: \(worstByKind.sorted { $0.key < $1.key })")
        print("missed: \(missed.sorted { $0.key < $1.key })")
        print(
            String(
                format: "precision %.4f (%d false), recall %.4f (%d of %d), worst matched bit error rate %.3f",
                precision, falsePositives, recall, truePositives, expected.count, worst))
        let methods = Dictionary(report.findings.map { ($0.method.rawValue, 1) }, uniquingKeysWith: +)
        let summary: [String: Any] = [
            "training_clips": originals.count, "copies": copies.count, "distinct": distinct.count,
            "precision": precision, "recall": recall, "false_positives": falsePositives, "seconds": elapsed,
            "methods": methods,
        ]
        let data = try JSONSerialization.data(withJSONObject: summary, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }
}
