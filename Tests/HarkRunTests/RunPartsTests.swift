import Foundation
import HarkApp
import HarkAudio
import HarkCore
import HarkModels
import HarkRecords
import HarkSuites
import HarkTestSupport
import Testing

@testable import HarkRun

@Suite struct PlannerTests {
    @Test func itemsTimesTemplatesTimesRepeatsInOrder() throws {
        let fixture = try SuiteFixture.probes(clips: 2, templates: 2, prefix: "Listen.")
        defer { fixture.remove() }
        let suite = try #require(SuiteLoader.load(fixture.path).suite)
        let plan = Array(try Planner(repeats: 2).plan([suite]))
        #expect(plan.count == 2 * 2 * 2 * 2)
        #expect(
            plan.prefix(4).map(\.key) == [
                "probes/c0-yes#t0", "probes/c0-yes#t0@r1", "probes/c0-yes#t1", "probes/c0-yes#t1@r1",
            ])
        #expect(plan[0].prompt == "Listen. Template 0: is there tone 0?")
        #expect(plan[0].audio.map(\.path) == ["clip0.wav"])
        #expect(plan[0].audio[0].sha256 == (try ContentHash.sha256(fileAt: fixture.directory.path("audio/clip0.wav"))))
        #expect(abs(plan[0].audio[0].seconds - 0.1) < 1e-9)
    }

    @Test func shardsPartitionThePlan() throws {
        let fixture = try SuiteFixture.probes(clips: 20)
        defer { fixture.remove() }
        let suite = try #require(SuiteLoader.load(fixture.path).suite)
        let whole = try Planner().plan([suite]).map(\.key)
        var seen: [String] = []
        for index in 0..<3 { seen += try Planner(shard: try Shard("\(index)/3")).plan([suite]).map(\.key) }
        #expect(seen.sorted() == whole.sorted())
        #expect(Set(seen).count == seen.count)
    }

    /// The keys and counts a run writes its manifest and journal by are those of the requests.
    @Test func keysAndCountsAreThoseOfTheRequests() throws {
        let probes = try SuiteFixture.probes(clips: 7, templates: 3)
        defer { probes.remove() }
        let questions = try SuiteFixture(
            items: [
                #"{"id": "own", "audio": "a.wav", "question": "Is it raining?", "label": "no"}"#,
                #"{"id": "templated", "audio": "a.wav", "object": "rain", "label": "yes"}"#,
            ])
        defer { questions.remove() }
        let suites = try [probes.path, questions.path].map { try #require(SuiteLoader.load($0).suite) }
        for (repeats, limit, shard) in [(1, nil, nil), (3, 2, nil), (2, nil, "1/3"), (1, 5, "0/2")]
            as [(Int, Int?, String?)]
        {
            let plan = try Planner(repeats: repeats, limit: limit, shard: try shard.map(Shard.init)).plan(suites)
            let requests = Array(plan)
            #expect(Array(plan.keys) == requests.map(\.key))
            #expect(plan.samplesBySuite == Dictionary(requests.map { ($0.suiteID, 1) }, uniquingKeysWith: +))
            #expect(plan.count == requests.count)
        }
    }

    @Test func badShardIsRefused() {
        #expect(throws: HarkError.self) { try Shard("4/4") }
        #expect(throws: HarkError.self) { try Shard("1") }
    }

    @Test func limitTakesTheFirstItems() throws {
        let fixture = try SuiteFixture.probes(clips: 5, templates: 1)
        defer { fixture.remove() }
        let suite = try #require(SuiteLoader.load(fixture.path).suite)
        #expect(try Planner(limit: 3).plan([suite]).map(\.itemID) == ["c0-yes", "c0-no", "c1-yes"])
    }

    @Test func sampledRepeatsGetTheirOwnContent() {
        let greedy = ModelRequest(suiteID: "s", itemID: "i", template: "q", repeatIndex: 1, prompt: "p")
        let greedyFirst = ModelRequest(suiteID: "s", itemID: "i", template: "q", repeatIndex: 0, prompt: "p")
        #expect(greedy.content == greedyFirst.content)
        let sampled = GenerationSettings(temperature: 0.7)
        #expect(
            ModelRequest(suiteID: "s", itemID: "i", template: "q", repeatIndex: 1, prompt: "p", generation: sampled)
                .content
                != ModelRequest(
                    suiteID: "s", itemID: "i", template: "q", repeatIndex: 0, prompt: "p", generation: sampled
                ).content)
    }
}

@Suite struct RetryPolicyTests {
    let policy = RetryPolicy(maxRetries: 3, baseDelay: 1, maxDelay: 5)

    @Test func backoffDoublesUpToTheCapWithJitter() {
        let failure = RequestFailure(.serverError, "boom", status: 503)
        #expect(policy.delay(after: failure, retry: 1, jitter: 0.5) == 0.5)
        #expect(policy.delay(after: failure, retry: 2, jitter: 0.5) == 1)
        #expect(policy.delay(after: failure, retry: 3, jitter: 0.999)! < 4)
        #expect(policy.delay(after: failure, retry: 4, jitter: 0.5) == nil)
    }

    @Test func retryAfterIsHonoured() {
        let failure = RequestFailure.http(status: 429, message: "slow down", retryAfter: 2.5)
        #expect(failure.kind == .rateLimited)
        #expect(policy.delay(after: failure, retry: 1, jitter: 0) == 2.5)
    }

    @Test("4xx other than 408, 409 and 429 is not retried", arguments: [400, 401, 403, 404, 413, 422])
    func clientErrorsAreFinal(status: Int) {
        let failure = RequestFailure.http(status: status, message: "bad")
        #expect(failure.kind == .clientError)
        #expect(policy.delay(after: failure, retry: 1, jitter: 0.5) == nil)
    }

    @Test("408, 409 and 5xx are retried", arguments: [408, 409, 500, 502, 503])
    func serverErrorsAreRetried(status: Int) {
        #expect(policy.delay(after: RequestFailure.http(status: status, message: "x"), retry: 1, jitter: 0.5) != nil)
    }
}

@Suite struct JournalTests {
    func record(_ key: String) -> SampleRecord {
        SampleRecord(
            request: ModelRequest(suiteID: "s", itemID: key, template: "q", prompt: "p"), requestHash: "h",
            response: ModelResponse(text: "Yes"), error: nil, latencyMs: 1, attempts: 1, cached: false)
    }

    @Test func appendingAfterATornOrUnterminatedLastLineStartsALineOfItsOwn() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.path("samples.jsonl")
        let whole = String(decoding: record("a").jsonLine, as: UTF8.self)
        for tail in [#"{"key":"s/c#q","suite":"#, String(decoding: record("b").jsonLine, as: UTF8.self)] {
            try Data((whole + "\n" + tail).utf8).write(to: url)
            let journal = try Journal(url: url)
            try await journal.append(record("d"))
            let index = try await journal.close()
            let expected = tail.hasSuffix("}") ? ["a", "b", "d"] : ["a", "d"]
            #expect(try Journal.read(url).map(\.item) == expected)
            #expect(index.count == expected.count)
            // The index the journal kept finds every record where it is.
            let rewrite = try Journal.rewrite(url, index: index, planOrder: expected.map { "s/\($0)#q" }) { _ in }
            #expect(rewrite.records == expected.count)
        }
    }

    @Test func aTornLastLineIsDropped() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let journal = try Journal(url: directory.path("samples.jsonl"))
        try await journal.append(record("a"))
        try await journal.append(record("b"))
        try await journal.close()
        let handle = try FileHandle(forWritingTo: directory.path("samples.jsonl"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"key":"s/c#q","suite":"#.utf8))
        try handle.close()
        #expect(try Journal.read(directory.path("samples.jsonl")).map(\.item) == ["a", "b"])
    }

    /// Answers in any order reach the scoring, and the finished journal, in plan order: the ones
    /// ahead of their turn held (two at most here), the rest and a resume's kept ones read back from
    /// the journal.
    @Test func answersInAnyOrderAreVisitedInPlanOrder() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.path("samples.jsonl")
        let plan = "abcdefghij".map(String.init)
        let earlier = try Journal(url: url)
        for item in ["c", "g"] { try await earlier.append(record(item)) }
        let kept = try await earlier.close()
        let journal = try Journal(url: url, index: kept)
        var feed = try PlanOrderFeed(order: plan.map { "s/\($0)#q" }, journal: url, kept: kept, capacity: 2)
        var visited: [String] = []
        let counter = ReadCounter()
        try await ReadCounter.$current.withValue(counter) {
            // e never comes (a stopped run).
            for item in ["j", "b", "i", "a", "h", "d", "f"] {
                try feed.add(record(item), try await journal.append(record(item))) { visited.append($0.item) }
            }
            #expect(visited == ["a", "b", "c", "d"])
            try await journal.close()
            try feed.finish { visited.append($0.item) }
        }
        #expect(visited == ["a", "b", "c", "d", "f", "g", "h", "i", "j"])
        #expect(try Journal.read(url).map(\.item) == visited)
        #expect(feed.counts["s"]?.answered == 9)
        // c and g, kept; and the answers that came while two were held already (i and f).
        #expect(counter[.journalRecord] == 4)
    }

    @Test func aBadLineInTheMiddleIsAnErrorWithItsLine() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = try directory.write("not json\n{}\n", to: "samples.jsonl")
        #expect { try Journal.read(url) } throws: { ($0 as? HarkError)?.location?.line == 1 }
    }
}

@Suite struct ConcurrencyLimitTests {
    @Test func adaptiveLimitGrowsOnSuccessAndHalvesOnCongestion() {
        var limit = ConcurrencyLimit(maximum: 16, adaptive: true)
        #expect(limit.current == 4)
        for _ in 0..<4 { limit.record(congested: false) }
        #expect(limit.current == 5)
        limit.record(congested: true)
        #expect(limit.current == 2)
        for _ in 0..<200 { limit.record(congested: false) }
        #expect(limit.current == 16)
    }

    @Test func fixedLimitStays() {
        var limit = ConcurrencyLimit(maximum: 8, adaptive: false)
        limit.record(congested: true)
        #expect(limit.current == 8)
    }
}

@Suite struct ResponseCacheTests {
    func answer(_ lookup: ResponseCache.Lookup) -> String {
        switch lookup {
        case .hit(let response): "hit " + response.text
        case .miss: "miss"
        case .stale: "stale"
        }
    }

    @Test func emptyAnswersAreNotStoredAndAnotherFingerprintIsStale() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let cache = try ResponseCache(url: directory.path("c/cache.sqlite"))
        try await cache.store(ModelResponse(text: "  \n"), for: "a", request: "ra")
        try await cache.store(ModelResponse(text: "Yes", finishReason: "stop"), for: "b", request: "rb")
        #expect(answer(try await cache.lookup("a", request: "ra")) == "miss")
        #expect(answer(try await cache.lookup("b", request: "rb")) == "hit Yes")
        // The same request under another fingerprint's hash: asked before, not reused.
        #expect(answer(try await cache.lookup("b2", request: "rb")) == "stale")
        #expect(try await cache.count() == 1)
    }

    /// A file that is no SQLite database is an error naming it, exit 2 — never exit 1.
    @Test func aCorruptCacheNamesItsFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write(String(repeating: "not a database\n", count: 100), to: "cache.sqlite")
        #expect {
            try ResponseCache(url: file)
        } throws: { error in
            let hark = error as? HarkError
            return hark?.location?.file == file.path && hark?.exitCode == 2
        }
    }
}

@Suite struct JournalCompactionTests {
    func record(_ item: String, _ response: String?) -> SampleRecord {
        SampleRecord(
            request: ModelRequest(suiteID: "s", itemID: item, template: "q", prompt: "p"), requestHash: "h",
            response: response.map { ModelResponse(text: $0) },
            error: response == nil ? RequestFailure(.timeout, "t") : nil,
            latencyMs: 1, attempts: 1, cached: false)
    }

    @Test func keepsTheLastAcceptedRecordPerKeyInPlanOrder() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = directory.path("samples.jsonl")
        try Journal.write(
            [record("b", "1"), record("a", nil), record("c", "x"), record("a", "2"), record("b", nil)], to: url)
        let survey = try Journal.index(url, keep: \.isAnswered)
        var visited: [String?] = []
        let rewrite = try Journal.rewrite(url, index: survey.index, planOrder: ["s/a#q", "s/b#q"]) {
            visited.append($0.response)
        }
        #expect(rewrite.records == 2)
        #expect(visited == ["2", "1"])
        #expect(try Journal.read(url).map(\.response) == ["2", "1"])
        #expect(rewrite.counts["s"]?.answered == 2)
        #expect(rewrite.index.count == 2 && rewrite.index["s/b#q"]?.line == 2)
    }
}

@Suite struct LineFileWriterTests {
    /// A temporary file of a killed writer (its pid gone) is removed by the next writer; a live
    /// writer's is left alone.
    @Test func abandonedTemporaryFilesAreRemovedLiveOnesKept() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let target = directory.path("scores.jsonl")
        let dead = Process()
        dead.executableURL = URL(fileURLWithPath: "/bin/true")
        try dead.run()
        dead.waitUntilExit()
        let abandoned = try directory.write("half", to: ".scores.jsonl.\(dead.processIdentifier).writing")
        let live = try directory.write("half", to: ".scores.jsonl.1.writing")
        let writer = try LineFileWriter(replacing: target)
        try writer.write(Data("a".utf8))
        try writer.commit()
        #expect(!FileManager.default.fileExists(atPath: abandoned.path))
        #expect(FileManager.default.fileExists(atPath: live.path))
        #expect(try String(contentsOf: target, encoding: .utf8) == "a\n")
    }

    /// Files of several mebibytes, sent to the disk (and, for the journal, out of the page cache)
    /// step by step as they grow, read back byte for byte.
    @Test func filesWrittenBackStepByStepReadBackWhole() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let lines = (0..<30_000).map { Data("line \($0) ".utf8) + Data(repeating: UInt8(ascii: "x"), count: $0 % 200) }
        let expected = lines.reduce(into: Data()) { $0 += $1 + Data("\n".utf8) }
        #expect(expected.count > 3 << 20)
        let target = directory.path("scores.jsonl")
        let writer = try LineFileWriter(replacing: target)
        for line in lines { try writer.write(line) }
        try writer.commit()
        #expect(try Data(contentsOf: target) == expected)

        let journalURL = directory.path("samples.jsonl")
        let journal = try Journal(url: journalURL, indexesAppends: false)
        let records = (0..<12_000).map { index in
            SampleRecord(
                request: ModelRequest(
                    suiteID: "s", itemID: "item-\(index)", template: "q",
                    prompt: String(repeating: "p", count: index % 300)),
                requestHash: "h\(index)", response: ModelResponse(text: "Yes"), error: nil, latencyMs: 1, attempts: 1,
                cached: false)
        }
        for record in records { try await journal.append(record) }
        try await journal.close()
        #expect(try Data(contentsOf: journalURL).count > 3 << 20)
        #expect(try Journal.read(journalURL).map(\.key) == records.map(\.key))
    }
}

@Suite struct ClipEncoderTests {
    /// 0.1 s at 16 kHz is 3,244 bytes of WAV, 4,328 of base64.
    static let clipBytes = 4_328

    static func clips(_ count: Int, in work: TemporaryDirectory) throws -> [Clip] {
        try (0..<count).map { index in
            let url = try Signals.writeSine(
                to: work.path("\(index).wav"), frequency: 300 + 100 * Double(index), seconds: 0.1)
            return Clip(path: "\(index).wav", sha256: "\(index)", seconds: 0.1, location: url)
        }
    }

    /// Asks for one clip and gives it back at once.
    static func use(_ encoder: ClipEncoder, _ clip: Clip) async throws {
        await encoder.release(try await encoder.acquire([clip]))
    }

    /// A bound of two clips keeps the two most recently used, and a clip dropped from it is
    /// encoded again when asked for.
    @Test func keepsEncodedClipsUpToItsBytes() async throws {
        let work = try TemporaryDirectory()
        defer { work.remove() }
        let clips = try Self.clips(3, in: work)
        let encoder = ClipEncoder(pipeline: AudioPipeline(), capacityBytes: 1 << 20, cacheBytes: 2 * Self.clipBytes)
        let first = try await encoder.acquire([clips[0]])
        #expect(first.clips.map(\.byteCount) == [Self.clipBytes])
        #expect(first.clips[0].base64 == EncodedClip(wav: try AudioPipeline().wav(clips[0].location!)).base64)
        await encoder.release(first)
        try await Self.use(encoder, clips[1])
        try await Self.use(encoder, clips[0])
        #expect(await encoder.encodes == 2)
        try await Self.use(encoder, clips[2])  // drops clip 1, the least recently used
        try await Self.use(encoder, clips[0])
        #expect(await encoder.encodes == 3)
        try await Self.use(encoder, clips[1])
        #expect(await encoder.encodes == 4)
        #expect(await encoder.heldBytes == 2 * Self.clipBytes)

        // With no room, clips are not kept.
        let none = ClipEncoder(pipeline: AudioPipeline(), cacheBytes: 0)
        for index in [0, 0, 1, 0] { try await Self.use(none, clips[index]) }
        #expect(await none.encodes == 4)
        #expect(await none.heldBytes == 0)
    }

    /// A request whose clip does not fit waits until one in flight gives its clip back; one that
    /// needs only held clips does not wait; a clip larger than the bound goes alone. A clip being
    /// encoded counts four times its WAV (its working memory), an encoded one its base64.
    @Test func requestsInFlightHoldTheirClipsAndOthersWaitForRoom() async throws {
        let work = try TemporaryDirectory()
        defer { work.remove() }
        let clips = try Self.clips(2, in: work)
        let encoder = ClipEncoder(pipeline: AudioPipeline(), capacityBytes: Self.clipBytes / 2)
        let held = try await encoder.acquire([clips[0]])
        let waiting = Task { try await encoder.acquire([clips[1]]) }
        while await encoder.waiting == 0 { await Task.yield() }
        let again = try await encoder.acquire([clips[0]])
        #expect(again.clips == held.clips)
        #expect(await encoder.waiting == 1)
        await encoder.release(held)
        #expect(await encoder.waiting == 1)
        await encoder.release(again)
        let admitted = try await waiting.value
        #expect(admitted.clips.map(\.byteCount) == [Self.clipBytes])
        #expect(await encoder.peakBytes == 4 * 3_244)
        #expect(await encoder.heldBytes == Self.clipBytes)
        #expect(await encoder.waiting == 0)
        await encoder.release(admitted)
    }

    /// A request that cannot fit even with the kept clips dropped leaves them kept: a later request
    /// for one of them goes ahead without encoding it again.
    @Test func aRequestThatCannotFitDropsNothing() async throws {
        let work = try TemporaryDirectory()
        defer { work.remove() }
        let clips = try Self.clips(2, in: work)
        let long = Clip(
            path: "long.wav", sha256: "long", seconds: 0.2,
            location: try Signals.writeSine(to: work.path("long.wav"), frequency: 800, seconds: 0.2))
        // Room for one held clip and one being encoded (four times its 3,244 bytes of WAV).
        let encoder = ClipEncoder(pipeline: AudioPipeline(), capacityBytes: 4 * 3_244 + Self.clipBytes)
        let held = try await encoder.acquire([clips[0]])
        try await Self.use(encoder, clips[1])
        #expect(await encoder.heldBytes == 2 * Self.clipBytes)
        let waiting = Task { try await encoder.acquire([long]) }
        while await encoder.waiting == 0 { await Task.yield() }
        #expect(await encoder.heldBytes == 2 * Self.clipBytes)
        let kept = try await encoder.acquire([clips[1]])
        #expect(await encoder.encodes == 2)
        await encoder.release(kept)
        await encoder.release(held)
        await encoder.release(try await waiting.value)
        #expect(await encoder.encodes == 3)
    }

    /// Many requests at once over more clips than fit: every one gets its clips, the bytes held
    /// never pass the bound, and nothing stays in use.
    @Test func concurrentRequestsStayWithinTheBound() async throws {
        let work = try TemporaryDirectory()
        defer { work.remove() }
        let clips = try Self.clips(6, in: work)
        let capacity = 2 * 4 * 3_244
        let encoder = ClipEncoder(
            pipeline: AudioPipeline(), capacityBytes: capacity, cacheBytes: Self.clipBytes, maxEncodings: 2)
        try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<48 {
                group.addTask {
                    let pair = [clips[index % 6], clips[(index * 7 + 1) % 6]]
                    let lease = try await encoder.acquire(index % 3 == 0 ? pair : [pair[0]])
                    for _ in 0..<(index % 4) { await Task.yield() }
                    await encoder.release(lease)
                    return lease.clips.count
                }
            }
            var total = 0
            for try await count in group { total += count }
            #expect(total == 48 + 16)
        }
        #expect(await encoder.peakBytes <= capacity)
        #expect(await encoder.heldBytes <= Self.clipBytes)
        #expect(await encoder.waiting == 0)
    }

    /// A clip that cannot be encoded fails its request, holds no room, and is tried again by the
    /// next request that needs it; a cancelled wait ends with the task.
    @Test func failuresAndCancelledWaitsHoldNothing() async throws {
        let work = try TemporaryDirectory()
        defer { work.remove() }
        let clips = try Self.clips(2, in: work)
        let broken = Clip(
            path: "gone.wav", sha256: "gone", seconds: 0.1, location: work.path("gone.wav"))
        let encoder = ClipEncoder(pipeline: AudioPipeline(), capacityBytes: Self.clipBytes)
        for _ in 0..<2 {
            await #expect(throws: RequestFailure.self) { try await encoder.acquire([broken]) }
        }
        #expect(await encoder.encodes == 2)
        // A request of a clip that fails and one that does not: the good one is kept at its size.
        await #expect(throws: RequestFailure.self) { try await encoder.acquire([broken, clips[0]]) }
        #expect(await encoder.heldBytes == Self.clipBytes)
        let held = try await encoder.acquire([clips[0]])
        #expect(await encoder.encodes == 4)
        let cancelled = Task { try await encoder.acquire([clips[1]]) }
        while await encoder.waiting == 0 { await Task.yield() }
        cancelled.cancel()
        await #expect(throws: CancellationError.self) { try await cancelled.value }
        #expect(await encoder.waiting == 0)
        await encoder.release(held)
        try await Self.use(encoder, clips[1])
    }
}
