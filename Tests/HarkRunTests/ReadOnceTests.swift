import Foundation
import HarkApp
import HarkCore
import HarkModels
import HarkRecords
import HarkRun
import HarkSuites
import HarkTestSupport
import Testing

/// Each piece of data is read once per command: counted through `ReadCounter`, the test hook the
/// readers report to.
@Suite struct ReadOnceTests {
    /// A fingerprinted, planned, asked and scored run with its reads counted.
    func countedRun(_ fixture: RunFixture, model: ModelConfig, resume: Bool = false) async throws -> (
        ReadCounter, RunSession.Finished
    ) {
        let counter = ReadCounter()
        let outcome = try await ReadCounter.$current.withValue(counter) {
            let clips = ClipCatalog()
            var session = fixture.session(model)
            session.suites = [(fixture.loaded, try SuiteFingerprint.compute(fixture.loaded, clips: clips))]
            session.resume = resume
            return try await session.executeAndScore(clips: clips)
        }
        return (counter, outcome)
    }

    /// The answers are scored as they arrive, so the journal is never read back.
    @Test func aRunHashesEachClipOnceAndScoresWithoutReadingItsJournal() async throws {
        let fixture = try RunFixture(clips: 5, templates: 2)
        defer { fixture.remove() }
        let server = try await fixture.server()
        defer { Task { try? await server.stop() } }

        let (counter, outcome) = try await countedRun(fixture, model: fixture.model(server))

        let planned = outcome.results.manifest.counts.samples
        let clips = fixture.loaded.clips.count
        #expect(planned > clips)
        #expect(outcome.results.manifest.complete)
        #expect(outcome.results.suites.first?.metrics.isEmpty == false)
        #expect(counter[.journalRecord] == 0)
        #expect(counter[.clipHash] == clips)
        #expect(counter[.clipHeader] == clips)
        #expect(counter[.clipDecode] == clips)
        #expect(FileManager.default.fileExists(atPath: RunDirectory(fixture.output.path("results/run")).scores.path))
    }

    /// The kept records are read to check them and once more to score them; the new answers never.
    @Test func aResumeDecodesTheKeptRecordsTwiceAndNothingElse() async throws {
        let fixture = try RunFixture(clips: 5, templates: 2)
        defer { fixture.remove() }
        let server = try await fixture.server()
        defer { Task { try? await server.stop() } }
        let (_, whole) = try await countedRun(fixture, model: fixture.model(server))
        let directory = RunDirectory(fixture.output.path("results/run"))
        let records = try Journal.read(directory.samples)
        let kept = records.count / 2
        try Journal.write(Array(records.prefix(kept)), to: directory.samples)
        try FileManager.default.removeItem(at: directory.results)

        let (counter, resumed) = try await countedRun(fixture, model: fixture.model(server), resume: true)

        #expect(resumed.results.manifest.counts.resumed == kept)
        #expect(resumed.results.suites.map(\.metrics) == whole.results.suites.map(\.metrics))
        #expect(counter[.journalRecord] == 2 * kept)
    }

    @Test func aReportAndAComparisonDecodeEachRunsFilesOnce() async throws {
        let fixture = try RunFixture(clips: 4, templates: 2)
        defer { fixture.remove() }
        let server = try await fixture.server()
        defer { Task { try? await server.stop() } }
        for run in ["a", "b"] { _ = try await fixture.session(fixture.model(server), run: run).executeAndScore() }

        let counter = ReadCounter()
        try ReadCounter.$current.withValue(counter) {
            let runs = try ["a", "b"].map { try LoadedRun(RunDirectory(fixture.output.path("results/\($0)"))) }
            try RunReport.writeHTML(runs, to: fixture.output.path("report/report.html"))
            _ = try RunReport.junit(runs, thresholds: [], itemCap: 10)
            _ = try ComparisonReports.compare(baseline: runs[0], candidate: runs[1], resamples: 100)
        }

        let samples = try Journal.read(fixture.output.path("results/a/samples.jsonl")).count
        #expect(counter[.results] == 2)
        #expect(counter[.journalRecord] == 2 * samples)
        #expect(counter[.clipHash] == 0)
        #expect(counter[.clipDecode] == 0)
    }

    @Test func rescoringStreamsTheJournalOnce() async throws {
        let fixture = try RunFixture(clips: 4, templates: 2)
        defer { fixture.remove() }
        let server = try await fixture.server()
        defer { Task { try? await server.stop() } }
        let first = try await fixture.session(fixture.model(server)).executeAndScore()
        let directory = RunDirectory(fixture.output.path("results/run"))

        let counter = ReadCounter()
        let rescored = try ReadCounter.$current.withValue(counter) { try RunScoring.rescore(directory) }

        #expect(rescored.suites.map(\.metrics) == first.results.suites.map(\.metrics))
        #expect(counter[.journalRecord] == first.results.manifest.counts.samples)
        #expect(counter[.results] == 1)
    }
}
