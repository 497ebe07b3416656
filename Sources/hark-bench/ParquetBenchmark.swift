import ArgumentParser
import Foundation
import HarkCore
import HarkParquet
import HarkSuites
import HarkTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// The Parquet reader over seeded mutations of the golden files: byte flips, extreme integers,
/// truncations and spliced footers. Counts files refused, read, hangs and the peak memory; a crash
/// would end the benchmark.
struct ParquetFuzzBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parquet-fuzz", abstract: "Read 10⁵ mutated and truncated Parquet files; count refusals and hangs."
    )

    @Option(help: "Mutated files to read.")
    var count = 100_000
    @Option(help: "The first seed.")
    var seed: UInt64 = 0
    @Option(help: "The folder of seed files (every .parquet in it).")
    var golden = "Tests/HarkParquetTests/Golden"
    @Option(help: "Seconds a read may take before it counts as a hang.")
    var hangSeconds = 2.0

    func run() async throws {
        let seeds = try FileManager.default.contentsOfDirectory(atPath: golden).filter { $0.hasSuffix(".parquet") }
            .sorted().map { try Data(contentsOf: URL(fileURLWithPath: golden).appendingPathComponent($0)) }
        guard !seeds.isEmpty else { throw ValidationError("no .parquet files in \(golden)") }
        let directory = try TemporaryDirectory(prefix: "hark-parquet-fuzz")
        defer { directory.remove() }
        let path = directory.path("mutant.parquet").path
        // Small limits, so that a file claiming huge pages is refused rather than allocated.
        let limits = ParquetLimits(
            maxPageBytes: 1 << 24, maxEntries: 1 << 20, maxFooterBytes: 1 << 22, maxValueBytes: 1 << 26)
        var refusedOnOpen = 0
        var refusedOnRead = 0
        var readInFull = 0
        var hangs = 0
        var slowest = 0.0
        var kinds: [String: Int] = [:]
        for seed in seed..<(seed + UInt64(count)) {
            var random = SplitMix64(seed: seed)
            let original = [UInt8](seeds[Int(random.next() % UInt64(seeds.count))])
            let (mutant, kind) = Self.mutate(original, &random)
            kinds[kind, default: 0] += 1
            try Data(mutant).write(to: URL(fileURLWithPath: path))
            let start = Measurement.monotonicSeconds()
            do {
                let file = try ParquetFile(path: path, limits: limits)
                do {
                    for group in 0..<file.rowGroupCount { _ = try file.rows(ofRowGroup: group) }
                    readInFull += 1
                } catch {
                    refusedOnRead += 1
                }
            } catch {
                refusedOnOpen += 1
            }
            let seconds = Measurement.monotonicSeconds() - start
            slowest = max(slowest, seconds)
            if seconds > hangSeconds { hangs += 1 }
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        print("files mutated: \(count) (seeds \(seed)..<\(seed + UInt64(count))) from \(seeds.count) golden files")
        print("mutations: " + kinds.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        print("refused on open: \(refusedOnOpen), refused while reading: \(refusedOnRead), read in full: \(readInFull)")
        print("crashes: 0, hangs (> \(hangSeconds) s): \(hangs), slowest: \(String(format: "%.3f", slowest)) s")
        print("peak resident memory: \(usage.ru_maxrss / 1024) MB")
    }

    static func mutate(_ bytes: [UInt8], _ random: inout SplitMix64) -> ([UInt8], String) {
        var bytes = bytes
        let footerLength = bytes.count >= 12 ? Int(bytes[bytes.count - 8]) | Int(bytes[bytes.count - 7]) << 8 : 0
        let footerStart = max(4, bytes.count - 8 - footerLength)
        func position(inFooter: Bool) -> Int {
            inFooter
                ? footerStart + Int(random.next() % UInt64(max(1, bytes.count - 8 - footerStart)))
                : Int(random.next() % UInt64(bytes.count))
        }
        switch random.next() % 5 {
        case 0:
            for _ in 0..<(1 + random.next() % 8) { bytes[position(inFooter: false)] ^= UInt8(1 << (random.next() % 8)) }
            return (bytes, "flips")
        case 1:
            for _ in 0..<(1 + random.next() % 4) {
                bytes[position(inFooter: true)] = UInt8(truncatingIfNeeded: random.next())
            }
            return (bytes, "footer-bytes")
        case 2:
            // A varint or length set to an extreme value.
            let at = position(inFooter: random.next() % 2 == 0)
            let extreme: [UInt8] = [
                [0xFF, 0xFF, 0xFF, 0xFF, 0x0F], [0x80, 0x80, 0x80, 0x80, 0x08], [0x00, 0x00, 0x00, 0x80],
            ][
                Int(random.next() % 3)]
            for (offset, byte) in extreme.enumerated() where at + offset < bytes.count - 8 { bytes[at + offset] = byte }
            return (bytes, "extremes")
        case 3:
            return (Array(bytes.prefix(Int(random.next() % UInt64(bytes.count)))), "truncated")
        default:
            // The data cut short, the footer kept: offsets point past the end.
            let cut = Int(random.next() % UInt64(max(1, footerStart)))
            return (Array(bytes[..<cut]) + Array(bytes[footerStart...]), "spliced")
        }
    }
}

/// Reads a Parquet file in full, and imports it, timed (the medians of `--repeats` runs), with
/// the peak resident memory. `scripts/bench/parquet-vs-pyarrow.py` makes the file and times
/// pyarrow on it in the same run.
struct ParquetReadBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parquet-read", abstract: "Read and import one Parquet file; medians and peak memory.")

    @Argument(help: "The Parquet file.")
    var file: String
    @Option(help: "Timed runs of each.")
    var repeats = 3
    @Flag(help: "Also import it as a suite (clips written, hashed) into a temporary folder.")
    var importSuite = false

    func run() async throws {
        var bytes = 0
        var rows = 0
        let read = try Measurement.of(repeats: repeats, warmup: false) {
            let parquet = try ParquetFile(path: file)
            rows = 0
            for group in 0..<parquet.rowGroupCount { rows += try parquet.rows(ofRowGroup: group).count }
        }
        bytes = (try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        print("file: \(file), \(bytes / 1_000_000) MB, \(rows) rows")
        print(
            String(
                format: "hark read: median %.3f s (%.0f MB/s)", read.medianWall, Double(bytes) / 1e6 / read.medianWall))
        if importSuite {
            let directory = try TemporaryDirectory(prefix: "hark-parquet-import")
            defer { directory.remove() }
            let measured = try Measurement.of(repeats: repeats, warmup: false) {
                try? FileManager.default.removeItem(at: directory.path("suite"))
                _ = try HubImporter(task: .openQA).run(
                    files: [URL(fileURLWithPath: file)], suite: directory.path("suite"))
            }
            print(String(format: "hark import: median %.3f s", measured.medianWall))
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        print("peak resident memory: \(usage.ru_maxrss / 1024) MB")
    }
}
