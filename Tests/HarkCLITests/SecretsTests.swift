import Foundation
import HarkApp
import HarkCore
import HarkModels
import HarkRecords
import HarkRun
import HarkTestSupport
import HarkTesting
import Testing

/// Secrets never reach a file hark writes: every command is run against a server that echoes
/// everything it gets (the Authorization header, the whole body with its base64 clips) in its
/// error messages, with a password in the base URL, a key in its query and a token in
/// `generation.extra`; then every file written is scanned.
@Suite(.serialized) struct SecretsTests {
    @Test func noCommandWritesASecret() async throws {
        let fixture = try SuiteFixture(
            manifest: "id: aqa\nversion: 1\ntask: open-qa\naudio_root: audio\n",
            items: [
                #"{"id": "q1", "audio": "a.wav", "question": "What barks?", "answer": "a dog"}"#,
                #"{"id": "q2", "audio": "a.wav", "question": "What falls?", "answer": "rain"}"#,
            ])
        defer { fixture.remove() }
        let work = try TemporaryDirectory()
        defer { work.remove() }
        var options = MockServer.Options()
        options.echoErrors = true
        let server = try await MockServer(options: options)
        defer { Task { try? await server.stop() } }

        let apiKey = "sk-apikey-\(UUID().uuidString.prefix(8))"
        let password = "pw-\(UUID().uuidString.prefix(8))"
        let queryKey = "qk-\(UUID().uuidString.prefix(8))"
        let extraToken = "xt-\(UUID().uuidString.prefix(8))"
        setenv("HARK_SECRETS_TEST_KEY", apiKey, 1)
        defer { unsetenv("HARK_SECRETS_TEST_KEY") }
        let base =
            server.baseURL.replacingOccurrences(of: "http://", with: "http://user:\(password)@")
            + "?api_key=\(queryKey)"
        let config = """
            name: leaky
            adapter: openai
            settings: {base_url: "\(base)", model: leaky, api_key_env: HARK_SECRETS_TEST_KEY}
            generation: {extra: {vendor_token: \(extraToken)}}
            concurrency: {retries: 0}

            """
        try work.write(config, to: "inputs/model.yaml")
        try work.write(config.replacingOccurrences(of: "name: leaky", with: "name: judge"), to: "inputs/judge.yaml")
        try work.write(
            #"{"item_id": "q1", "response": "A dog."}"# + "\n" + #"{"item_id": "q2", "response": "Snow."}"# + "\n",
            to: "inputs/answers.jsonl")

        func hark(_ arguments: [String], allowed: Set<Int32> = [0]) async throws {
            let output = await CLI.run(arguments, in: work.url)
            #expect(allowed.contains(output.status), "\(arguments): \(output.stderr)")
            for secret in [apiKey, password, queryKey, extraToken] {
                #expect(
                    !output.stdout.contains(secret) && !output.stderr.contains(secret), "\(arguments) printed \(secret)"
                )
            }
        }
        let suite = ["--suite", fixture.path]
        try await hark(
            ["run"] + suite + ["--model", "inputs/model.yaml", "--run", "asked", "--max-error-rate", "1"],
            allowed: [0, 3])
        try await hark(["run"] + suite + ["--replay", "inputs/answers.jsonl", "--run", "replayed"])
        try await hark(
            ["judge", "replayed", "--judge", "inputs/judge.yaml", "--cache", work.path("judge-cache.sqlite").path],
            allowed: [0, 3])
        try await hark(["score", "asked", "--allow-incomplete"], allowed: [0, 3])
        try await hark(["report", "asked", "replayed", "--html", "report.html", "--junit", "junit.xml"])
        try await hark(["compare", "replayed", "asked"], allowed: [0, 2])
        for shard in ["0/2", "1/2"] {
            try await hark(
                ["run"] + suite + [
                    "--model", "inputs/model.yaml", "--run", "s\(shard.prefix(1))", "--shard", shard,
                    "--max-error-rate", "1",
                ], allowed: [0, 3])
        }
        try await hark(["merge", "s0", "s1", "--output", "merged"], allowed: [0, 3])
        #expect(server.statistics.requests > 0)

        let written =
            FileManager.default.enumerator(at: work.url, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL }
            ?? []
        let files = written.filter { !$0.hasDirectoryPath && !$0.path.contains("/inputs/") }
        #expect(files.count >= 10)
        let clipBase64 = try Data(contentsOf: URL(fileURLWithPath: fixture.path).appendingPathComponent("audio/a.wav"))
            .base64EncodedString()
        for file in files {
            let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
            for secret in [apiKey, password, queryKey, extraToken, String(clipBase64.prefix(40)), "UklGR"] {
                #expect(!text.contains(secret), "\(file.path) holds \(secret)")
            }
            #expect(!text.contains("Bearer sk"), "\(file.path) holds a bearer token")
        }
        let journal = try Journal.read(work.path("results/asked/samples.jsonl"))
        #expect(
            journal.allSatisfy { $0.error?.message.contains("<redacted>") == true },
            "the echo must have been recorded, scrubbed")
    }
}
