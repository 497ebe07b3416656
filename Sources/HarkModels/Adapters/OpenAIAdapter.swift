public import Foundation
public import HarkCore
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// OpenAI-compatible chat completions (vLLM, SGLang, LiteLLM, OpenAI): clips as `input_audio`
/// parts (or vLLM's `audio_url` data URLs), then the prompt text. Several base URLs spread the load:
/// each request goes to the endpoint with the fewest requests in flight.
public final class OpenAIAdapter: ModelAdapter {
    public struct Settings: Sendable, Hashable, Codable {
        /// One endpoint or several, e.g. `http://localhost:8000/v1`.
        public var baseURL: [String]
        /// The model name the server knows.
        public var model: String
        /// The environment variable holding the API key, if the server wants one.
        public var apiKeyEnv: String?
        /// `input_audio` (portable, the default) or `audio_url` (vLLM data URLs).
        public var audioTransport: AudioTransport
        /// Connections kept per endpoint; at least the run's concurrency.
        public var connectionsPerEndpoint: Int?

        public enum AudioTransport: String, Sendable, Hashable, Codable {
            case inputAudio = "input_audio"
            case audioURL = "audio_url"
        }

        public init(
            baseURL: [String], model: String, apiKeyEnv: String? = nil, audioTransport: AudioTransport = .inputAudio
        ) {
            self.baseURL = baseURL
            self.model = model
            self.apiKeyEnv = apiKeyEnv
            self.audioTransport = audioTransport
        }

        enum CodingKeys: String, CodingKey {
            case baseURL = "base_url"
            case model
            case apiKeyEnv = "api_key_env"
            case audioTransport = "audio_transport"
            case connectionsPerEndpoint = "connections_per_endpoint"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if let single = try? container.decode(String.self, forKey: .baseURL) {
                baseURL = [single]
            } else {
                baseURL = try container.decode([String].self, forKey: .baseURL)
            }
            model = try container.decode(String.self, forKey: .model)
            apiKeyEnv = try container.decodeIfPresent(String.self, forKey: .apiKeyEnv)
            audioTransport = try container.decodeIfPresent(AudioTransport.self, forKey: .audioTransport) ?? .inputAudio
            connectionsPerEndpoint = try container.decodeIfPresent(Int.self, forKey: .connectionsPerEndpoint)
        }
    }

    public let settings: Settings
    /// Plain-http endpoints go through hark's own HTTP/1.1 client; any other (https) through
    /// AsyncHTTPClient.
    private let transport: any HTTPTransport
    private let apiKey: String?
    private let balancer: EndpointBalancer
    /// Each endpoint's chat-completions target, and the first one's model list.
    private let completions: [HTTPTarget]
    private let models: HTTPTarget
    /// The headers of every chat request: content type and key.
    private let completionHeaders: HTTPHeaders
    /// The endpoints (without their userinfo and key-like query values), model and transport;
    /// made once, since every request's cache key holds it.
    public let identity: String
    /// Longest response body read; longer bodies are an error.
    private static let maxBodyBytes = 16 << 20

    public init(
        settings: Settings, connections: Int, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        guard !settings.baseURL.isEmpty else { throw HarkError.badInput("openai: base_url lists no endpoint") }
        for url in settings.baseURL where URL(string: url)?.scheme == nil {
            throw HarkError.badInput("openai: base_url \"\(url)\" is not a URL")
        }
        if let variable = settings.apiKeyEnv {
            guard let key = environment[variable], !key.isEmpty else {
                throw HarkError.badInput("openai: the environment variable \(variable) (api_key_env) is not set")
            }
            apiKey = key
        } else {
            apiKey = nil
        }
        self.settings = settings
        completions = settings.baseURL.map { HTTPTarget(Self.completionsURL($0)) }
        models = HTTPTarget(Self.endpointURL(settings.baseURL[0], path: "/models"))
        let kept = max(settings.connectionsPerEndpoint ?? connections, 1)
        if completions.allSatisfy({ $0.origin != nil }) {
            transport = HTTP1Client(keptPerOrigin: kept, maxBodyBytes: Self.maxBodyBytes)
        } else {
            transport = AsyncHTTPClientTransport(connectionsPerHost: kept, maxBodyBytes: Self.maxBodyBytes)
        }
        var headers = HTTPHeaders([("Content-Type", "application/json")])
        if let apiKey { headers.add(name: "Authorization", value: "Bearer \(apiKey)") }
        completionHeaders = headers
        balancer = EndpointBalancer(count: settings.baseURL.count)
        identity =
            "openai(\(settings.baseURL.map(Secrets.redactURL).sorted().joined(separator: ",")), model=\(settings.model), audio=\(settings.audioTransport.rawValue))"
    }

    /// The API key, and each endpoint URL's password (its user name when it has no password: a
    /// token) and key-like query values.
    public var secrets: [String] {
        let fromURLs = settings.baseURL.flatMap { url -> [String] in
            guard let components = URLComponents(string: url) else { return [] }
            let userinfo =
                components.password != nil
                ? [components.password, components.percentEncodedPassword]
                : [components.user, components.percentEncodedUser]
            let query = (components.queryItems ?? []).filter { Secrets.isSecretName($0.name) }.map(\.value)
            return (userinfo + query).compactMap { $0 }
        }
        return (apiKey.map { [$0] } ?? []) + fromURLs
    }

    public var needsAudioBytes: Bool { true }

    public var isCacheable: Bool { true }

    public var reportsUsage: Bool { true }

    /// The first endpoint's `GET /models` entry for the model: id, root, max_model_len, owned_by
    /// (those present); nil when the server lists no such model.
    public func fingerprint() async -> JSONValue? {
        var headers = HTTPHeaders()
        if let apiKey { headers.add(name: "Authorization", value: "Bearer \(apiKey)") }
        guard
            let response = try? await transport.send(.GET, models, headers: headers, body: [], timeout: .seconds(30)),
            (200..<300).contains(response.status),
            let value = try? JSONValue.decode(Data(buffer: response.body)),
            let entry = value.objectValue?["data"]?.arrayValue?.compactMap(\.objectValue).first(where: {
                $0["id"]?.stringValue == settings.model
            })
        else { return nil }
        return .object(
            entry.filter { ["id", "root", "max_model_len", "owned_by"].contains($0.key) && $0.value != .null })
    }

    public func respond(to request: ModelRequest, audio: [EncodedClip]) async throws -> ModelResponse {
        let endpoint = balancer.acquire()
        defer { balancer.release(endpoint) }
        let body = try bodyPieces(request, audio: audio)
        let response: HTTPResponse
        do {
            response = try await transport.send(
                .POST, completions[endpoint], headers: completionHeaders, body: body, timeout: nil)
        } catch is CancellationError {
            throw RequestFailure(.timeout, "cancelled")
        }
        let data = Data(buffer: response.body)
        guard (200..<300).contains(response.status) else {
            throw RequestFailure.http(
                status: response.status, message: Self.errorMessage(data),
                retryAfter: response.headers.first(name: "Retry-After").flatMap(Self.retryAfterSeconds))
        }
        return try Self.parse(data)
    }

    public func shutdown() async {
        await transport.shutdown()
    }

    /// The body as the text around the clips and the clips' own buffers, in order. Each clip's
    /// slot is marked by a nonce drawn for this request, which no prompt, system text or `extra`
    /// field can hold; a slot not found is an error, never a dropped clip.
    func bodyPieces(_ request: ModelRequest, audio: [EncodedClip]) throws -> [ByteBuffer] {
        let nonce =
            String(UInt64.random(in: .min ... .max), radix: 16) + String(UInt64.random(in: .min ... .max), radix: 16)
        let placeholders = audio.indices.map { "@@hark-audio-\(nonce)-\($0)@@" }
        var content: [JSONValue] = placeholders.map { placeholder in
            switch settings.audioTransport {
            case .inputAudio:
                return .object([
                    "type": .string("input_audio"),
                    "input_audio": .object(["data": .string(placeholder), "format": .string("wav")]),
                ])
            case .audioURL:
                return .object([
                    "type": .string("audio_url"),
                    "audio_url": .object(["url": .string("data:audio/wav;base64," + placeholder)]),
                ])
            }
        }
        content.append(.object(["type": .string("text"), "text": .string(request.prompt)]))
        var messages: [JSONValue] = []
        if let system = request.system {
            messages.append(.object(["role": .string("system"), "content": .string(system)]))
        }
        messages.append(.object(["role": .string("user"), "content": .array(content)]))
        var members: [String: JSONValue] = ["model": .string(settings.model), "messages": .array(messages)]
        let generation = request.generation
        if let temperature = generation.temperature { members["temperature"] = .number(temperature) }
        if let maxTokens = generation.maxTokens { members["max_tokens"] = .integer(Int64(maxTokens)) }
        if let seed = generation.seed { members["seed"] = .integer(Int64(seed)) }
        if let topP = generation.topP { members["top_p"] = .number(topP) }
        if let stop = generation.stop { members["stop"] = .array(stop.map(JSONValue.string)) }
        for (key, value) in generation.extra ?? [:] { members[key] = value }
        // The canonical writer is a few string appends; the clips are spliced into its text.
        let text = ByteBuffer(string: JSONValue.object(members).canonical)
        var pieces: [ByteBuffer] = []
        var rest = 0
        for (placeholder, clip) in zip(placeholders, audio) {
            guard let start = Self.firstOffset(of: Array(placeholder.utf8), in: text, from: rest) else {
                throw HarkError(.internal, "openai: the request body has no slot for clip \(placeholder)")
            }
            pieces.append(text.getSlice(at: rest, length: start - rest)!)
            pieces.append(clip.buffer)
            rest = start + placeholder.utf8.count
        }
        pieces.append(text.getSlice(at: rest, length: text.readableBytes - rest)!)
        return pieces
    }

    /// Where `needle` first occurs in `haystack` at or after `offset`, compared as bytes
    /// (Foundation's `range(of:)` on the text cost more than building the rest of the body).
    static func firstOffset(of needle: [UInt8], in haystack: ByteBuffer, from offset: Int) -> Int? {
        haystack.withUnsafeReadableBytes { bytes in
            guard let first = needle.first, bytes.count - offset >= needle.count else { return nil }
            var start = offset
            while start <= bytes.count - needle.count {
                if bytes[start] == first, bytes[start..<start + needle.count].elementsEqual(needle) { return start }
                start += 1
            }
            return nil
        }
    }

    /// The chat-completions URL of an endpoint; a query (`?api-version=…`) stays at the end.
    static func completionsURL(_ base: String) -> String {
        endpointURL(base, path: "/chat/completions")
    }

    static func endpointURL(_ base: String, path: String) -> String {
        let queryStart = base.firstIndex(of: "?") ?? base.endIndex
        var root = String(base[..<queryStart])
        if root.hasSuffix("/") { root.removeLast() }
        return root + path + base[queryStart...]
    }

    static func parse(_ data: Data) throws -> ModelResponse {
        // A completion of the usual shape decodes straight into its fields; any other is read as
        // a JSON value, which tells what is wrong with it.
        if let completion = try? JSONDecoder().decode(ChatCompletion.self, from: data),
            let choice = completion.choices.first
        {
            return ModelResponse(
                text: choice.message.content ?? "", finishReason: choice.finishReason,
                usage: completion.usage.map {
                    TokenUsage(promptTokens: $0.promptTokens, completionTokens: $0.completionTokens ?? 0)
                },
                systemFingerprint: completion.systemFingerprint)
        }
        return try parseValue(data)
    }

    static func parseValue(_ data: Data) throws -> ModelResponse {
        guard let value = try? JSONValue.decode(data),
            let choice = value.objectValue?["choices"]?.arrayValue?.first?.objectValue,
            let message = choice["message"]?.objectValue
        else {
            throw RequestFailure(.malformedResponse, "not a chat completion: " + excerpt(data))
        }
        let text: String
        switch message["content"] {
        case .string(let content)?: text = content
        case .null?, nil: text = ""
        case .array(let parts)?:
            text = parts.compactMap { $0.objectValue?["text"]?.stringValue }.joined()
        default:
            throw RequestFailure(.malformedResponse, "message content is neither text nor null: " + excerpt(data))
        }
        let object = value.objectValue
        let usage = object?["usage"]?.objectValue.flatMap { usage -> TokenUsage? in
            guard let prompt = usage["prompt_tokens"]?.integerValue else { return nil }
            return TokenUsage(
                promptTokens: Int(prompt), completionTokens: Int(usage["completion_tokens"]?.integerValue ?? 0))
        }
        return ModelResponse(
            text: text, finishReason: choice["finish_reason"]?.stringValue, usage: usage,
            systemFingerprint: object?["system_fingerprint"]?.stringValue)
    }

    static func errorMessage(_ data: Data) -> String {
        if let value = try? JSONValue.decode(data),
            let message = value.objectValue?["error"]?.objectValue?["message"]?.stringValue
                ?? value.objectValue?["message"]?.stringValue
        {
            return message.count > 2_000 ? String(message.prefix(2_000)) + "…" : message
        }
        return excerpt(data)
    }

    static func excerpt(_ data: Data) -> String {
        let text = String(decoding: data.prefix(300), as: UTF8.self)
        return data.count > 300 ? text + "…" : text
    }

    /// `Retry-After` as seconds: a number of seconds, or an HTTP date.
    static func retryAfterSeconds(_ value: String) -> Double? {
        if let seconds = Double(value.trimmingCharacters(in: .whitespaces)) { return max(0, seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: value).map { max(0, $0.timeIntervalSinceNow) }
    }
}

/// The usual shape of a chat completion: text content (or none), integral token counts.
private struct ChatCompletion: Decodable {
    struct Choice: Decodable {
        struct Message: Decodable {
            var content: String?
        }

        var message: Message
        var finishReason: String?

        enum CodingKeys: String, CodingKey {
            case message
            case finishReason = "finish_reason"
        }
    }

    struct Usage: Decodable {
        var promptTokens: Int
        var completionTokens: Int?

        enum CodingKeys: String, CodingKey {
            case promptTokens = "prompt_tokens"
            case completionTokens = "completion_tokens"
        }
    }

    var choices: [Choice]
    var usage: Usage?
    var systemFingerprint: String?

    enum CodingKeys: String, CodingKey {
        case choices, usage
        case systemFingerprint = "system_fingerprint"
    }
}
