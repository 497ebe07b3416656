import Foundation
import HarkCore
import NIOCore
import NIOHTTP1
import NIOPosix

/// An OpenAI-compatible chat-completions server for tests, the demo and benchmarks: checks request
/// bodies, answers by policy after a set latency, and injects faults. Listens on loopback.
public final class MockServer: Sendable {
    public struct Options: Sendable {
        public var policy: MockPolicy = .alwaysYes
        public var oracle = MockOracle()
        public var faults = MockFaults()
        public var latency = MockLatency()
        /// Decode every audio part (as WAV or MP3); off for benchmarks.
        public var validate = true
        /// How many received request shapes to keep for `received`.
        public var keepRequests = 10_000
        /// Ignore the audio parts, as a server whose chat template has no audio slot does: answers
        /// and token counts come from the text alone.
        public var dropAudio = false
        /// What `GET /v1/models` lists: the served name and its `root` (the checkpoint's path).
        public var servedModelName = "mock"
        public var modelRoot = "mock"
        /// Refuse every chat request with HTTP 400 whose message echoes its Authorization header and
        /// its whole body (clips included), as a careless proxy does: for the secrets test.
        public var echoErrors = false
        /// A model that does not listen: to a request whose audio is missing or digital silence it
        /// says "Yes" with this probability (drawn from the request's content and the fault seed),
        /// else "No"; other requests get the policy's answer.
        public var silenceYesRate: Double?

        public init() {}
    }

    private let responder: MockResponder
    private let channel: any Channel
    private let models: String
    /// The port it listens on (127.0.0.1).
    public let port: Int

    /// Starts a server on 127.0.0.1 at `port` (0 picks a free one).
    public init(options: Options, port: Int = 0) async throws {
        let responder = MockResponder(
            MockResponder.Configuration(
                policy: options.policy, oracle: options.oracle, faults: options.faults, latency: options.latency,
                validate: options.validate, keepRequests: options.keepRequests, dropAudio: options.dropAudio,
                echoErrors: options.echoErrors, silenceYesRate: options.silenceYesRate))
        self.responder = responder
        let models = JSONValue.object([
            "object": .string("list"),
            "data": .array([
                .object([
                    "id": .string(options.servedModelName), "object": .string("model"),
                    "root": .string(options.modelRoot),
                    "owned_by": .string("hark-mock"), "max_model_len": .integer(8192),
                ])
            ]),
        ]).canonical
        self.models = models
        channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 512)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(
                        MockHTTPHandler(responder: responder, models: models))
                }
            }
            .bind(host: "127.0.0.1", port: port).get()
        self.port = channel.localAddress?.port ?? port
    }

    /// `http://127.0.0.1:PORT/v1`, the base URL to give a client.
    public var baseURL: String { "http://127.0.0.1:\(port)/v1" }

    public var statistics: MockStatistics { responder.statistics }

    /// The shapes of the requests answered so far, in arrival order.
    public var received: [ReceivedRequest] { responder.received }

    /// Returns once `count` chat-completions requests have arrived since the server started: what a
    /// test waits on instead of sleeping.
    public func requests(reaching count: Int) async {
        await responder.requests(reaching: count)
    }

    /// Answers `more` further requests, then holds every later one open unanswered (a stalled
    /// model), until called again with `nil`.
    public func hold(afterMore more: Int?) {
        responder.hold(afterMore: more)
    }

    public func stop() async throws {
        try await channel.close()
    }
}

/// One connection's HTTP handling: gathers a request, asks the responder, answers (or not).
final class MockHTTPHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let responder: MockResponder
    private let models: String
    private var head: HTTPRequestHead?
    private var body = ByteBuffer()

    init(responder: MockResponder, models: String) {
        self.responder = responder
        self.models = models
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body.clear()
        case .body(var part):
            body.writeBuffer(&part)
        case .end:
            guard let head else { return }
            self.head = nil
            route(head, context: context)
        }
    }

    private func route(_ head: HTTPRequestHead, context: ChannelHandlerContext) {
        let path = head.uri.split(separator: "?").first.map(String.init) ?? head.uri
        switch (head.method, path) {
        case (.POST, let path) where path.hasSuffix("/chat/completions"):
            let action = responder.completion(
                body: Data(buffer: body), authorization: head.headers.first(name: "Authorization"))
            perform(action, head: head, context: context)
        case (.GET, "/stats"):
            write(status: 200, headers: [], body: responder.statisticsJSON(), head: head, context: context)
        case (.GET, let path) where path.hasSuffix("/models"):
            write(status: 200, headers: [], body: models, head: head, context: context)
        case (.GET, "/health"):
            write(status: 200, headers: [], body: #"{"status":"ok"}"#, head: head, context: context)
        default:
            write(status: 404, headers: [], body: #"{"error":{"message":"not found"}}"#, head: head, context: context)
        }
    }

    private func perform(_ action: MockResponder.Action, head: HTTPRequestHead, context: ChannelHandlerContext) {
        switch action {
        case .hang:
            return
        case .drop:
            context.close(promise: nil)
        case .respond(let status, let headers, let body, let delayMs):
            guard delayMs > 0 else {
                write(status: status, headers: headers, body: body, head: head, context: context)
                return
            }
            context.eventLoop.assumeIsolated().scheduleTask(in: .microseconds(Int64(delayMs * 1_000))) {
                self.write(status: status, headers: headers, body: body, head: head, context: context)
            }
        }
    }

    private func write(
        status: Int, headers: [(String, String)], body: String, head: HTTPRequestHead, context: ChannelHandlerContext
    ) {
        guard context.channel.isActive else { return }
        var responseHeaders = HTTPHeaders(headers)
        responseHeaders.add(name: "Content-Type", value: "application/json")
        responseHeaders.add(name: "Content-Length", value: String(body.utf8.count))
        if !head.isKeepAlive { responseHeaders.add(name: "Connection", value: "close") }
        let responseHead = HTTPResponseHead(
            version: head.version, status: HTTPResponseStatus(statusCode: status), headers: responseHeaders)
        context.write(wrapOutboundOut(.head(responseHead)), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: body)))), promise: nil)
        let keepAlive = head.isKeepAlive
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in
            if !keepAlive { context.close(promise: nil) }
        }
    }
}
