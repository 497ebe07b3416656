import Foundation
import HarkAudio
import HarkCore
import Synchronization

/// The mock server's decisions, apart from networking: what to answer to a request body, which
/// fault to inject, how long to wait. Shared by all connections.
final class MockResponder: Sendable {
    enum Action {
        case respond(status: Int, headers: [(String, String)], body: String, delayMs: Double)
        case hang
        case drop
    }

    struct Configuration: Sendable {
        var policy: MockPolicy
        var oracle: MockOracle
        var faults: MockFaults
        var latency: MockLatency
        var validate: Bool
        var keepRequests: Int
        var dropAudio = false
        var echoErrors = false
        var silenceYesRate: Double?
    }

    private struct State {
        var statistics = MockStatistics()
        var generator: SplitMix64
        var received: [ReceivedRequest] = []
        /// Requests after this many (counted from the start) are held unanswered.
        var holdAfter: Int?
        /// Hashes of audio parts already decoded without error: a clip is sent many times.
        var validAudio: Set<String> = []
        /// Tests waiting for the request count to reach a number.
        var waiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []

        /// Counts a request; returns the waiters it satisfies, to be resumed outside the lock.
        mutating func countRequest() -> [CheckedContinuation<Void, Never>] {
            statistics.requests += 1
            let due = waiters.filter { $0.count <= statistics.requests }.map(\.continuation)
            waiters.removeAll { $0.count <= statistics.requests }
            return due
        }
    }

    private let configuration: Configuration
    private let state: Mutex<State>

    init(_ configuration: Configuration) {
        self.configuration = configuration
        state = Mutex(State(generator: SplitMix64(seed: configuration.faults.seed)))
    }

    var statistics: MockStatistics { state.withLock { $0.statistics } }

    /// Returns once `count` chat-completions requests have arrived (at once if they have).
    func requests(reaching count: Int) async {
        await withCheckedContinuation { continuation in
            let reached = state.withLock { state in
                guard state.statistics.requests < count else { return true }
                state.waiters.append((count, continuation))
                return false
            }
            if reached { continuation.resume() }
        }
    }

    /// Holds every request after `more` further ones unanswered; `nil` answers again.
    func hold(afterMore more: Int?) {
        state.withLock { state in state.holdAfter = more.map { state.statistics.requests + $0 } }
    }
    var received: [ReceivedRequest] { state.withLock { $0.received } }

    func statisticsJSON() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? String(decoding: encoder.encode(statistics), as: UTF8.self)) ?? "{}"
    }

    /// Decides what to do with a chat-completions request.
    func completion(body: Data, authorization: String?) -> Action {
        if configuration.echoErrors {
            let due = state.withLock { state in
                state.statistics.invalid += 1
                return state.countRequest()
            }
            for waiter in due { waiter.resume() }
            let echo = "Authorization: \(authorization ?? "-") request: " + String(decoding: body, as: UTF8.self)
            return .respond(
                status: 400, headers: [], body: #"{"error":{"message":"# + JSONValue.string(echo).canonical + "}}",
                delayMs: 0)
        }
        let (fault, latency, due) = state.withLock { state -> (Int, Double, [CheckedContinuation<Void, Never>]) in
            let due = state.countRequest()
            if let limit = state.holdAfter, state.statistics.requests > limit { return (3, 0, due) }
            let draw = Double(state.generator.next() >> 11) / Double(1 << 53)
            let spread = Double(state.generator.next() >> 11) / Double(1 << 53)
            let latency =
                configuration.latency.minimumMs + spread
                * (configuration.latency.maximumMs - configuration.latency.minimumMs)
            return (faultIndex(draw), latency, due)
        }
        for waiter in due { waiter.resume() }
        switch fault {
        case 1:
            count { $0.serverErrors += 1 }
            return .respond(
                status: 500, headers: [], body: #"{"error":{"message":"simulated server error"}}"#, delayMs: latency)
        case 2:
            count { $0.rateLimited += 1 }
            return .respond(
                status: 429, headers: [("Retry-After", String(configuration.faults.retryAfter))],
                body: #"{"error":{"message":"simulated rate limit"}}"#, delayMs: latency)
        case 3:
            count { $0.hung += 1 }
            return .hang
        case 4:
            count { $0.malformed += 1 }
            return .respond(status: 200, headers: [], body: #"{"choices": [{"message": "#, delayMs: latency)
        case 5:
            count { $0.dropped += 1 }
            return .drop
        default:
            break
        }
        if !readsBodies {
            count { $0.answered += 1 }
            return .respond(
                status: 200, headers: [], body: Self.completion(answer(nil), model: "mock"), delayMs: latency)
        }
        var parsed: ParsedRequest
        do {
            parsed = try ParsedRequest(
                body,
                isValidAudio: configuration.validate
                    ? { hash in self.state.withLock { $0.validAudio.contains(hash) } } : nil,
                readsSilence: configuration.silenceYesRate != nil)
        } catch {
            count { $0.invalid += 1 }
            let message = JSONValue.string("\(error)").canonical
            return .respond(status: 400, headers: [], body: #"{"error":{"message":"# + message + "}}", delayMs: latency)
        }
        state.withLock { state in
            if configuration.validate { state.validAudio.formUnion(parsed.audioHashes) }
            state.statistics.answered += 1
            if state.received.count < configuration.keepRequests {
                state.received.append(
                    ReceivedRequest(
                        parts: parsed.parts, system: parsed.system, model: parsed.model,
                        authorization: authorization != nil))
            }
        }
        if configuration.dropAudio {
            parsed.audioHashes = []
            parsed.audioBytes = 0
        }
        let text = answer(parsed)
        return .respond(
            status: 200, headers: [],
            body: Self.completion(text, model: parsed.model ?? "mock", usage: Self.usage(parsed, answer: text)),
            delayMs: latency)
    }

    /// Fixed answers without validation or recording need nothing from the body: the benchmark setting.
    private var readsBodies: Bool {
        switch configuration.policy {
        case .alwaysYes, .alwaysNo:
            configuration.validate || configuration.keepRequests > 0 || configuration.silenceYesRate != nil
        case .echo, .oracle, .judge: true
        }
    }

    static func completion(_ text: String, model: String, usage: TokenUsage? = nil) -> String {
        var members: [String: JSONValue] = [
            "id": .string("chatcmpl-mock"), "object": .string("chat.completion"), "model": .string(model),
            "choices": .array([
                .object([
                    "index": .integer(0), "finish_reason": .string("stop"),
                    "message": .object(["role": .string("assistant"), "content": .string(text)]),
                ])
            ]),
        ]
        if let usage {
            members["usage"] = .object([
                "prompt_tokens": .integer(Int64(usage.promptTokens)),
                "completion_tokens": .integer(Int64(usage.completionTokens)),
                "total_tokens": .integer(Int64(usage.promptTokens + usage.completionTokens)),
            ])
        }
        return JSONValue.object(members).canonical
    }

    /// Token counts as a simple audio model would report them: a token per word of text, and one per
    /// 1,280 bytes of audio (25 a second of 16 kHz 16-bit mono).
    static func usage(_ request: ParsedRequest, answer: String) -> TokenUsage {
        func words(_ text: String) -> Int { text.split(whereSeparator: \.isWhitespace).count }
        let audio = (request.audioBytes + 1_279) / 1_280
        return TokenUsage(
            promptTokens: words((request.system ?? "") + " " + request.prompt) + audio, completionTokens: words(answer))
    }

    private func faultIndex(_ draw: Double) -> Int {
        let faults = configuration.faults
        var threshold = 0.0
        for (index, rate) in [
            faults.serverErrorRate, faults.rateLimitRate, faults.hangRate, faults.malformedRate, faults.dropRate,
        ]
        .enumerated() {
            threshold += rate
            if draw < threshold { return index + 1 }
        }
        return 0
    }

    private func count(_ update: (inout MockStatistics) -> Void) {
        state.withLock { update(&$0.statistics) }
    }

    /// The mock judge's reply: to a `correctness` prompt ("…Reference answer:\n{reference}\n\n
    /// Model answer:\n{response}") "correct" when the answer contains the reference; to a
    /// `reasoning` prompt ("…Model answer:\n{response}") "yes" when the answer says "step"; to a
    /// `caption-objects` prompt ("Caption:\n{response}") the lines of `listedObjects`.
    static func judgement(_ prompt: String) -> String {
        if prompt.hasPrefix("Caption:\n") { return listedObjects(String(prompt.dropFirst("Caption:\n".count))) }
        guard let reference = prompt.range(of: "Reference answer:\n") else {
            guard let model = prompt.range(of: "Model answer:\n") else { return "I cannot judge this." }
            return prompt[model.upperBound...].lowercased().contains("step") ? "yes" : "no"
        }
        guard let model = prompt.range(of: "\n\nModel answer:\n", range: reference.upperBound..<prompt.endIndex)
        else { return "I cannot judge this." }
        let expected = prompt[reference.upperBound..<model.lowerBound].lowercased()
        return prompt[model.upperBound...].lowercased().contains(expected) ? "correct" : "incorrect"
    }

    /// A crude lister of a caption's objects: each word after "a", "an" or "the", one per line
    /// as "- word"; "none" when there is none.
    static func listedObjects(_ caption: String) -> String {
        let words = caption.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "-" }).map(String.init)
        let objects = zip(words, words.dropFirst()).filter { ["a", "an", "the"].contains($0.0) }.map(\.1)
        return objects.isEmpty ? "none" : objects.map { "- " + $0 }.joined(separator: "\n")
    }

    func answer(_ request: ParsedRequest?) -> String {
        if let rate = configuration.silenceYesRate, configuration.policy != .judge, let request, request.hearsNothing {
            let content = MockOracle.key(system: request.system, prompt: request.prompt, audio: request.audioHashes)
            return StableHash.unit(content, seed: configuration.faults.seed &+ 7) < rate ? "Yes" : "No"
        }
        switch configuration.policy {
        case .alwaysYes: return "Yes"
        case .alwaysNo: return "No"
        case .echo: return "\(request?.audioHashes.count ?? 0) clips: \(request?.prompt ?? "")"
        case .judge: return Self.judgement(request?.prompt ?? "")
        case .oracle(let errorRate, let hallucinationRate, let seed):
            guard let request,
                let entry = configuration.oracle.entry(
                    system: request.system, prompt: request.prompt, audio: request.audioHashes)
            else { return "I cannot tell from this audio." }
            let item = entry.item
            let content = MockOracle.key(system: request.system, prompt: request.prompt, audio: request.audioHashes)
            let draw = StableHash.unit(content, seed: seed)
            switch item.answerKey {
            case .yesNo(let object, let label):
                let hallucinates = label == .no && draw < hallucinationRate
                let errs = StableHash.unit(content, seed: seed &+ 1) < errorRate
                let said: YesNo = hallucinates ? .yes : (errs ? (label == .yes ? .no : .yes) : label)
                return ReferenceAnswer.yesNo(said, object: object)
            case .multipleChoice(let choices, let answer):
                let others = choices.filter { $0 != answer }
                guard draw < errorRate, !others.isEmpty else {
                    return ReferenceAnswer.choice(answer, of: choices, form: entry.form)
                }
                let wrong = others[Int(StableHash.value(content, seed: seed &+ 2) % UInt64(others.count))]
                return ReferenceAnswer.choice(wrong, of: choices, form: entry.form)
            case .instructionFollowing(let instructions):
                return draw < errorRate ? ReferenceAnswer.plainAnswer : ReferenceAnswer.following(instructions)
            case .openQA where item.tags["synthesis"] != nil && draw < errorRate:
                return ReferenceAnswer.flawedSynthesis(item)
            default:
                return ReferenceAnswer.text(for: item, form: entry.form)
            }
        }
    }
}

/// The parts of a chat-completions body the mock server reads, checked on the way.
struct ParsedRequest {
    var model: String?
    var system: String?
    var prompt = ""
    var parts: [String] = []
    var audioHashes: [String] = []
    var audioBytes = 0
    /// Audio parts that decode to digital silence (every sample zero), counted when asked to.
    var silentParts = 0

    /// No audio part, or only silent ones (counted with `readsSilence`).
    var hearsNothing: Bool { silentParts == audioHashes.count }

    private let readsSilence: Bool

    struct Invalid: Error, CustomStringConvertible {
        var description: String
    }

    /// Reads a request body; with `isValidAudio`, each audio part it does not know by hash is
    /// decoded, and a part that does not decode is refused.
    init(_ body: Data, isValidAudio: ((String) -> Bool)?, readsSilence: Bool = false) throws {
        self.readsSilence = readsSilence
        guard let value = try? JSONValue.decode(body), let object = value.objectValue else {
            throw Invalid(description: "the body is not a JSON object")
        }
        model = object["model"]?.stringValue
        guard let messages = object["messages"]?.arrayValue, !messages.isEmpty else {
            throw Invalid(description: "messages: missing or empty")
        }
        for message in messages {
            guard let fields = message.objectValue, let role = fields["role"]?.stringValue else {
                throw Invalid(description: "messages: each message needs a role")
            }
            if role == "system" { system = fields["content"]?.stringValue }
            guard role == "user" else { continue }
            switch fields["content"] {
            case .string(let text)?:
                parts.append("text:" + text)
                prompt += text
            case .array(let contents)?:
                for part in contents { try read(part, isValidAudio: isValidAudio) }
            default:
                throw Invalid(description: "messages: user content must be text or a list of parts")
            }
        }
    }

    private mutating func read(_ part: JSONValue, isValidAudio: ((String) -> Bool)?) throws {
        let fields = part.objectValue ?? [:]
        switch fields["type"]?.stringValue {
        case "text":
            let text = fields["text"]?.stringValue ?? ""
            parts.append("text:" + text)
            prompt += text
        case "input_audio":
            guard let audio = fields["input_audio"]?.objectValue, let encoded = audio["data"]?.stringValue,
                let bytes = Data(base64Encoded: encoded)
            else { throw Invalid(description: "input_audio: data must be base64") }
            let format = audio["format"]?.stringValue ?? ""
            guard ["wav", "mp3"].contains(format) else {
                throw Invalid(description: "input_audio: format must be wav or mp3")
            }
            try add(bytes, isValidAudio: isValidAudio)
        case "audio_url":
            guard let url = fields["audio_url"]?.objectValue?["url"]?.stringValue, url.hasPrefix("data:"),
                let comma = url.firstIndex(of: ","),
                let bytes = Data(base64Encoded: String(url[url.index(after: comma)...]))
            else { throw Invalid(description: "audio_url: only base64 data URLs are accepted here") }
            try add(bytes, isValidAudio: isValidAudio)
        default:
            throw Invalid(description: "unknown content part type \(fields["type"]?.excerpt ?? "null")")
        }
    }

    private mutating func add(_ bytes: Data, isValidAudio: ((String) -> Bool)?) throws {
        let hash = ContentHash.sha256(bytes)
        if let isValidAudio, !isValidAudio(hash) {
            do {
                _ = try AudioFile.decode(bytes, name: "audio part \(audioHashes.count + 1)")
            } catch {
                throw Invalid(description: "\(error)")
            }
        }
        if readsSilence, let buffer = try? AudioFile.decode(bytes, name: "audio part"),
            buffer.samples.allSatisfy({ $0 == 0 })
        {
            silentParts += 1
        }
        audioHashes.append(hash)
        audioBytes += bytes.count
        parts.append("audio:" + hash)
    }
}
