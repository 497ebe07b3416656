import Foundation
import HarkAudio
import HarkCore
import HarkTestSupport
import NIOCore
import Testing

@testable import HarkModels

@Suite struct ReplayAdapterTests {
    @Test func answersByKeyOrItemAndWarnsOfUnknownOnes() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write(
            """
            {"key": "s/a#t0", "response": "Yes"}
            {"item_id": "b", "response": "No"}
            {"suite": "s", "item_id": "c", "response": "Maybe"}
            {"item_id": "zzz", "response": "No"}
            """, to: "answers.jsonl")
        let replay = try ReplayAdapter(file: file.path)
        let plan = ["a", "b", "c", "d"].map { ModelRequest(suiteID: "s", itemID: $0, template: "t0", prompt: "p") }
        #expect(try await replay.respond(to: plan[0], audio: []).text == "Yes")
        #expect(try await replay.respond(to: plan[1], audio: []).text == "No")
        #expect(try await replay.respond(to: plan[2], audio: []).text == "Maybe")
        await #expect { try await replay.respond(to: plan[3], audio: []) } throws: {
            ($0 as? RequestFailure)?.kind == .missingReplay
        }
        #expect(replay.warnings(for: plan) == ["\(file.path):4: warning: answer for an unknown item zzz, ignored"])
    }

    @Test func malformedLinesAreReportedWithTheirLines() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("{\"key\": \"x\"}\nnot json\n{\"response\": \"Yes\"}\n", to: "bad.jsonl")
        #expect {
            try ReplayAdapter(file: file.path)
        } throws: { error in
            (error as? HarkError)?.diagnostics.map { $0.location.line ?? 0 } == [1, 2, 3]
        }
    }
}

@Suite struct ModelConfigTests {
    @Test func fullConfigParses() throws {
        let config = try ModelConfig.parse(
            """
            name: qwen
            adapter: openai
            settings: {base_url: [http://a:8000/v1, http://b:8000/v1], model: Qwen/Qwen2-Audio-7B-Instruct, api_key_env: KEY}
            generation: {temperature: 0, max_tokens: 64, seed: 3, stop: ["\\n"]}
            audio: {sample_rate: 24000, mono: false, quality: very-high}
            concurrency: {max: 32, adaptive: true, timeout: 30, retries: 2}
            """, file: "model.yaml")
        #expect(config.name == "qwen")
        #expect(config.generation.maxTokens == 64)
        #expect(config.generation.stop == ["\n"])
        #expect(config.audio.sampleRate == 24_000 && !config.audio.mono && config.audio.quality == .veryHigh)
        #expect(config.concurrency.max == 32 && config.concurrency.adaptive && config.concurrency.retries == 2)
        let redacted =
            Secrets.redact(.object(["api_key": .string("sk-123"), "api_key_env": .string("KEY")])).objectValue ?? [:]
        #expect(redacted["api_key"] == .string("<redacted>"))
        #expect(redacted["api_key_env"] == .string("KEY"))
    }

    /// A typo would otherwise run at the default: every section's keys are checked, with the line.
    @Test func unknownKeysAreErrorsWithTheirLine() {
        let cases: [(String, String, Int)] = [
            (
                "name: x\nadapter: openai\nsettings: {base_url: http://a/v1, model: m}\ngeneration: {temprature: 0.7}\n",
                "generation.temprature", 4
            ),
            (
                "name: x\nadapter: openai\nsettings:\n  base_url: http://a/v1\n  model: m\n  api_key: sk-1\n",
                "settings.api_key", 6
            ),
            ("name: x\nadapter: always-yes\nconcurency: {max: 2}\n", "concurency", 3),
        ]
        for (text, field, line) in cases {
            #expect {
                try ModelConfig.parse(text, file: "model.yaml")
            } throws: { error in
                let error = error as? HarkError
                return error?.location?.field == field && error?.location?.line == line && error?.exitCode == 2
            }
        }
    }

    @Test func unknownAdapterNamesTheField() {
        #expect {
            try ModelConfig.parse("name: x\nadapter: telepathy\n", file: "model.yaml")
        } throws: { error in
            let error = error as? HarkError
            return error?.location?.field == "adapter" && error?.message.contains("telepathy") == true
        }
    }

    @Test func missingKeyNamesTheField() {
        #expect {
            try ModelConfig.parse("adapter: openai\n", file: "model.yaml")
        } throws: { ($0 as? HarkError)?.location?.field == "name" }
    }

    @Test func builtInModelsResolveByName() throws {
        #expect(try ModelConfig.resolve("always-yes").adapter == "always-yes")
        #expect(throws: HarkError.self) { try ModelConfig.resolve("no-such-model.yaml") }
    }

    @Test func openaiSettingsNeedTheKeyVariableToBeSet() {
        let config = ModelConfig(
            name: "x", adapter: "openai",
            settings: .object([
                "base_url": .string("http://localhost:1/v1"), "model": .string("m"),
                "api_key_env": .string("HARK_UNSET_VARIABLE_FOR_TEST"),
            ]))
        #expect { try AdapterRegistry.make(config, catalog: ItemCatalog()) } throws: {
            ($0 as? HarkError)?.message.contains("HARK_UNSET_VARIABLE_FOR_TEST") == true
        }
    }
}

@Suite struct OpenAIResponseTests {
    @Test func parsesContentAndFinishReason() throws {
        let data = Data(#"{"choices":[{"message":{"role":"assistant","content":"No."},"finish_reason":"stop"}]}"#.utf8)
        #expect(try OpenAIAdapter.parse(data) == ModelResponse(text: "No.", finishReason: "stop"))
    }

    @Test func nullContentIsAnEmptyAnswer() throws {
        let data = Data(#"{"choices":[{"message":{"content":null},"finish_reason":"length"}]}"#.utf8)
        #expect(try OpenAIAdapter.parse(data).text == "")
    }

    @Test func notACompletionIsMalformed() {
        #expect { try OpenAIAdapter.parse(Data("{}".utf8)) } throws: {
            ($0 as? RequestFailure)?.kind == .malformedResponse
        }
    }

    @Test func usageAndSystemFingerprintAreRead() throws {
        let data = Data(
            #"{"choices":[{"message":{"content":"Yes."}}],"usage":{"prompt_tokens":517,"completion_tokens":2},"system_fingerprint":"fp_1"}"#
                .utf8)
        let response = try OpenAIAdapter.parse(data)
        #expect(response.usage == TokenUsage(promptTokens: 517, completionTokens: 2))
        #expect(response.systemFingerprint == "fp_1")
    }

    /// Shapes the fast path does not take (content parts, token counts written as decimals) are read
    /// as JSON values, and every usual shape reads the same both ways.
    @Test func unusualCompletionsAreReadAsJSONValues() throws {
        let parts = Data(#"{"choices":[{"message":{"content":[{"type":"text","text":"Ye"},{"text":"s."}]}}]}"#.utf8)
        #expect(try OpenAIAdapter.parse(parts).text == "Yes.")
        let decimals = Data(
            #"{"choices":[{"message":{"content":"No."}}],"usage":{"prompt_tokens":12.0,"completion_tokens":1}}"#.utf8)
        #expect(try OpenAIAdapter.parse(decimals).usage == TokenUsage(promptTokens: 12, completionTokens: 1))
        for usual in [
            #"{"choices":[{"message":{"content":"No."},"finish_reason":"stop"}],"usage":{"prompt_tokens":5}}"#,
            #"{"choices":[{"message":{"content":null}}],"system_fingerprint":"fp"}"#,
        ] {
            let data = Data(usual.utf8)
            #expect(try OpenAIAdapter.parse(data) == OpenAIAdapter.parseValue(data))
        }
    }

    /// The clip's slot is a nonce of this request: a system prompt or an `extra` field holding the
    /// old fixed placeholder does not receive the audio, and the clip is where it belongs.
    @Test func clipsGoIntoTheirOwnSlotWhateverTheTextHolds() throws {
        let adapter = try OpenAIAdapter(settings: .init(baseURL: ["http://127.0.0.1:9/v1"], model: "m"), connections: 1)
        defer { Task { await adapter.shutdown() } }
        var generation = GenerationSettings()
        generation.extra = ["note": .string("@@hark-audio-0@@")]
        let request = ModelRequest(
            suiteID: "s", itemID: "i", template: "q", system: "Say @@hark-audio-0@@", prompt: "p",
            generation: generation)
        let clip = Data("RIFF-the-clip".utf8)
        let second = Data("RIFF-the-second-clip".utf8)
        let pieces = try adapter.bodyPieces(request, audio: [EncodedClip(wav: clip), EncodedClip(wav: second)])
        let body = try JSONDecoder().decode(
            JSONValue.self, from: Data(pieces.map { Data($0.readableBytesView) }.joined()))
        let messages = body.objectValue?["messages"]?.arrayValue ?? []
        #expect(messages.first?.objectValue?["content"] == .string("Say @@hark-audio-0@@"))
        #expect(body.objectValue?["note"] == .string("@@hark-audio-0@@"))
        let parts = messages.last?.objectValue?["content"]?.arrayValue ?? []
        #expect(
            parts.prefix(2).map { $0.objectValue?["input_audio"]?.objectValue?["data"] }
                == [.string(clip.base64EncodedString()), .string(second.base64EncodedString())])
    }

    @Test func retryAfterInSecondsOrAsADate() {
        #expect(OpenAIAdapter.retryAfterSeconds("3") == 3)
        #expect(OpenAIAdapter.retryAfterSeconds("Wed, 21 Oct 2015 07:28:00 GMT") == 0)
    }
}

@Suite struct MockServerValidationTests {
    @Test func audioThatIsNotAudioIsRefusedAsAClientError() async throws {
        var options = MockServer.Options()
        options.policy = .alwaysYes
        let server = try await MockServer(options: options)
        defer { Task { try? await server.stop() } }
        let adapter = try OpenAIAdapter(settings: .init(baseURL: [server.baseURL], model: "m"), connections: 2)
        let request = ModelRequest(
            suiteID: "s", itemID: "i", template: "q", prompt: "p", audio: [Clip(path: "x", sha256: "x", seconds: 1)])
        await #expect {
            try await adapter.respond(to: request, audio: [EncodedClip(wav: Data("definitely not a wav file".utf8))])
        } throws: { error in
            let failure = error as? RequestFailure
            return failure?.kind == .clientError && failure?.status == 400
                && failure?.message.contains("not an audio file") == true
        }
        let good = try await adapter.respond(to: request, audio: [EncodedClip(wav: try WAVEncoderFixture.tone())])
        #expect(good.text == "Yes")
        // A body of megabytes (written from the clip's own buffer) arrives whole.
        let long = EncodedClip(wav: try WAVEncoderFixture.tone(seconds: 40))
        #expect(long.byteCount > 1 << 20)
        #expect(try await adapter.respond(to: request, audio: [long]).text == "Yes")
        await adapter.shutdown()
        #expect(server.statistics.invalid == 1 && server.statistics.answered == 2)
    }
}

enum WAVEncoderFixture {
    static func tone(seconds: Double = 0.1) throws -> Data {
        try HarkAudio.WAVEncoder.pcm16(Signals.sine(frequency: 440, seconds: seconds, sampleRate: 16_000))
    }
}
