import Foundation
import HarkCore
import HarkSuites
import HarkTestSupport
import Testing

/// Seeded mutations of a valid suite: loading never crashes or hangs, and every error is located
/// (a line, or a byte offset for text that is not UTF-8) and said in hark's words, never in Swift's.
@Suite struct SuiteFuzzTests {
    @Test(.timeLimit(.minutes(2))) func mutatedSuitesLoadWithLocatedMessages() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try Signals.writeSine(to: directory.path("audio/a.wav"))
        let mutator = SuiteMutator.yesNoSuite
        var failures: [String] = []
        var refused = 0
        for seed in UInt64(0)..<400 {
            let (manifest, items) = mutator.mutate(seed: seed)
            try manifest.write(to: directory.path("suite.yaml"))
            try items.write(to: directory.path("items.jsonl"))
            let result = SuiteLoader.load(directory.url.path)
            if result.suite == nil { refused += 1 }
            failures += SuiteMutator.problems(result.diagnostics).map { "seed \(seed): \($0)" }
        }
        #expect(failures.isEmpty, "\(failures.count) messages: \(failures.prefix(10).joined(separator: "\n"))")
        // The mutations must break most suites, or the test proves little.
        #expect(refused > 200)
    }
}
