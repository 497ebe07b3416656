import Foundation
public import HarkCore

/// A model hark can ask: one request in, one answer out. Adapters know nothing of metrics.
public protocol ModelAdapter: Sendable {
    /// What makes this adapter's answers what they are (adapter, endpoint, model): part of every
    /// cache key, so that two models never share cached answers.
    var identity: String { get }

    /// Whether `respond` needs each clip encoded (WAV in base64, made by the engine and shared by
    /// the requests that send the clip); adapters that answer from paths or labels say no.
    var needsAudioBytes: Bool { get }
    /// Whether the adapter hands the model the clips' own files (their paths): then a listening
    /// control that replaces the audio cannot reach the model.
    var readsClipFiles: Bool { get }

    /// Problems to tell the user before the run starts (e.g. replayed answers for unknown items).
    func warnings(for plan: any Sequence<ModelRequest>) -> [String]

    /// Answers one request. `audio` holds the encoded clips in request order when
    /// `needsAudioBytes`, and is empty otherwise. Throws `RequestFailure`.
    func respond(to request: ModelRequest, audio: [EncodedClip]) async throws -> ModelResponse

    /// Releases connections and processes; called once at the end of a run.
    func shutdown() async

    /// What the model is, as its server reports it at the start of a run (for OpenAI-compatible
    /// servers the `GET /models` entry); nil when it reports nothing. Answers are cached only for
    /// a model with a fingerprint: a name alone does not tell two checkpoints apart.
    func fingerprint() async -> JSONValue?

    /// Whether answers may be reused across runs at all. Replayed answers never are: each sample
    /// gets the answer its own file gives it.
    var isCacheable: Bool { get }

    /// Whether answers carry the server's token counts, so that a preflight can tell whether the
    /// audio arrived.
    var reportsUsage: Bool { get }

    /// The secret values this adapter holds (an API key, a URL's password), scrubbed from every
    /// error message before it is journaled.
    var secrets: [String] { get }
}

extension ModelAdapter {
    public var needsAudioBytes: Bool { false }
    public var readsClipFiles: Bool { false }
    public func fingerprint() async -> JSONValue? { nil }
    public var isCacheable: Bool { false }
    public var reportsUsage: Bool { false }
    public var secrets: [String] { [] }
    public func warnings(for plan: any Sequence<ModelRequest>) -> [String] { [] }
    public func shutdown() async {}
}
