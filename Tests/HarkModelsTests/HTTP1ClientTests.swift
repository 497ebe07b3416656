import Foundation
import HarkCore
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization
import Testing

@testable import HarkModels

@Suite struct HTTP1ClientTests {
    @Test func targetsOfPlainHTTPHaveAnOriginAndOthersNone() {
        let plain = HTTPTarget("http://gpu-3:8000/v1/chat/completions?api-version=2")
        #expect(plain.origin == HTTPTarget.Origin(host: "gpu-3", port: 8000))
        #expect(plain.requestTarget == "/v1/chat/completions?api-version=2")
        #expect(plain.hostHeader == "gpu-3:8000")
        let defaultPort = HTTPTarget("http://models.internal/v1/models")
        #expect(defaultPort.origin?.port == 80 && defaultPort.hostHeader == "models.internal")
        let literal = HTTPTarget("http://[::1]:9000/v1/models")
        #expect(literal.origin?.host == "::1" && literal.hostHeader == "[::1]:9000")
        #expect(HTTPTarget("https://api.openai.com/v1/chat/completions").origin == nil)
    }

    /// A connection is kept for the next request; the body's buffers arrive in order, whole.
    @Test func keepsTheConnectionAndSendsTheBuffersInOrder() async throws {
        let server = try await ScriptedServer { request in .respond(body: "\(request.body.count):\(request.body)") }
        let client = HTTP1Client(keptPerOrigin: 4, maxBodyBytes: 1 << 20)
        for round in 0..<5 {
            let body = ["{\"a\":", String(repeating: "x", count: 70_000 + round), "}"].map { ByteBuffer(string: $0) }
            let response = try await client.send(.POST, server.target, headers: [:], body: body, timeout: nil)
            #expect(response.status == 200)
            #expect(
                String(buffer: response.body)
                    == "\(70_006 + round):{\"a\":\(String(repeating: "x", count: 70_000 + round))}")
        }
        #expect(server.connections == 1)
        await client.shutdown()
        try await server.stop()
    }

    /// A server that closes a kept connection while it is idle, without saying so: the next
    /// request goes out again on a new connection and is answered.
    @Test func aConnectionClosedWhileIdleIsReplaced() async throws {
        let server = try await ScriptedServer { _ in .respond(body: "ok", thenClose: true, announceClose: false) }
        let client = HTTP1Client(keptPerOrigin: 4, maxBodyBytes: 1 << 20)
        for _ in 0..<3 {
            let response = try await client.send(.GET, server.target, headers: [:], body: [], timeout: nil)
            #expect(String(buffer: response.body) == "ok")
        }
        #expect(server.connections == 3)
        #expect(server.requests == 3)
        await client.shutdown()
        try await server.stop()
    }

    /// A kept connection that the server drops on the next request, before answering (as one that
    /// closed it while idle does when the close crosses the request): the request is sent once more
    /// on a new connection. A fresh connection dropped is a failure, not sent again.
    @Test func aKeptConnectionDroppedUnderTheRequestIsRetriedOnceOnANewOne() async throws {
        let server = try await ScriptedServer { request in
            request.onConnection == 1 ? .respond(body: "ok") : .close
        }
        let client = HTTP1Client(keptPerOrigin: 4, maxBodyBytes: 1 << 20)
        for _ in 0..<3 {
            let response = try await client.send(.GET, server.target, headers: [:], body: [], timeout: nil)
            #expect(String(buffer: response.body) == "ok")
        }
        #expect(server.connections == 3)
        #expect(server.requests == 5)
        await client.shutdown()
        try await server.stop()
    }

    /// AsyncHTTPClient, which `https` endpoints use, behind the same transport: a body of a few
    /// buffers sent whole, and one over a mebibyte streamed in slices, arrive byte for byte.
    @Test func theAsyncHTTPClientTransportSendsSmallAndStreamedBodies() async throws {
        let server = try await ScriptedServer { request in
            .respond(body: "\(request.body.count):\(request.body.suffix(3))")
        }
        let transport = AsyncHTTPClientTransport(connectionsPerHost: 2, maxBodyBytes: 1 << 20)
        for size in [10, 3 << 20] {
            let body = ["<", String(repeating: "x", count: size), ">"].map { ByteBuffer(string: $0) }
            let response = try await transport.send(
                .POST, server.target, headers: [:], body: body, timeout: .seconds(30))
            #expect(response.status == 200)
            #expect(String(buffer: response.body) == "\(size + 2):xx>")
        }
        await transport.shutdown()
        try await server.stop()
    }

    @Test func chunkedAndCloseAnnouncingAnswersAreRead() async throws {
        let server = try await ScriptedServer { request in
            request.path == "/chunked"
                ? .respond(body: String(repeating: "y", count: 50_000), chunked: true)
                : .respond(body: "bye", thenClose: true, announceClose: true)
        }
        let client = HTTP1Client(keptPerOrigin: 4, maxBodyBytes: 1 << 20)
        let chunked = try await client.send(
            .GET, HTTPTarget("http://127.0.0.1:\(server.port)/chunked"), headers: [:], body: [], timeout: nil)
        #expect(chunked.body.readableBytes == 50_000)
        for _ in 0..<2 {
            let closing = try await client.send(.GET, server.target, headers: [:], body: [], timeout: nil)
            #expect(String(buffer: closing.body) == "bye" && !closing.keepAlive)
        }
        // The chunked answer's connection was kept and carried the first "close" answer.
        #expect(server.connections == 2)
        await client.shutdown()
        try await server.stop()
    }

    @Test func failuresAreRequestFailuresOfTheirKind() async throws {
        let server = try await ScriptedServer { request in
            switch request.path {
            case "/big": .respond(body: String(repeating: "z", count: 4_096))
            case "/drop": .close
            default: .hang
            }
        }
        let client = HTTP1Client(keptPerOrigin: 4, maxBodyBytes: 1_000)
        func failure(_ path: String, timeout: TimeAmount? = nil) async -> RequestFailure? {
            do {
                _ = try await client.send(
                    .GET, HTTPTarget("http://127.0.0.1:\(server.port)\(path)"), headers: [:], body: [],
                    timeout: timeout)
                return nil
            } catch {
                return error as? RequestFailure
            }
        }
        #expect(await failure("/big")?.kind == .malformedResponse)
        #expect(await failure("/drop")?.kind == .connection)
        #expect(await failure("/hang", timeout: .milliseconds(100))?.kind == .timeout)
        let refused = HTTP1Client(keptPerOrigin: 1, maxBodyBytes: 1_000)
        await #expect {
            try await refused.send(.GET, HTTPTarget("http://127.0.0.1:1/v1"), headers: [:], body: [], timeout: nil)
        } throws: { ($0 as? RequestFailure)?.kind == .connection }
        await client.shutdown()
        try await server.stop()
    }

    /// A cancelled task ends its request at once (the connection is closed, not kept).
    @Test func cancellingTheTaskEndsTheRequest() async throws {
        let server = try await ScriptedServer { _ in .hang }
        let client = HTTP1Client(keptPerOrigin: 4, maxBodyBytes: 1_000)
        let call = Task { try await client.send(.GET, server.target, headers: [:], body: [], timeout: nil) }
        try await Task.sleep(for: .milliseconds(50))
        call.cancel()
        await #expect(throws: CancellationError.self) { try await call.value }
        await client.shutdown()
        try await server.stop()
    }
}

/// A loopback HTTP/1.1 server that answers each request as a script says, and counts its
/// connections and requests.
private final class ScriptedServer: Sendable {
    struct Request: Sendable {
        var path: String
        var body: String
        /// 1 for a connection's first request, 2 for its second, …
        var onConnection: Int
    }

    enum Reply: Sendable {
        case respond(body: String, chunked: Bool = false, thenClose: Bool = false, announceClose: Bool = false)
        case hang
        case close
    }

    private let channel: any Channel
    private let counts: Counts
    let port: Int

    final class Counts: Sendable {
        let connections = Atomic(0)
        let requests = Atomic(0)
    }

    init(_ script: @escaping @Sendable (Request) -> Reply) async throws {
        let counts = Counts()
        self.counts = counts
        channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in
                counts.connections.add(1, ordering: .relaxed)
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(ScriptedHandler(script: script, counts: counts))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        port = channel.localAddress?.port ?? 0
    }

    var target: HTTPTarget { HTTPTarget("http://127.0.0.1:\(port)/v1/chat/completions") }
    var connections: Int { counts.connections.load(ordering: .relaxed) }
    var requests: Int { counts.requests.load(ordering: .relaxed) }

    func stop() async throws { try await channel.close() }

    private final class ScriptedHandler: ChannelInboundHandler {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        let script: @Sendable (Request) -> Reply
        let counts: Counts
        var path = ""
        var body = ByteBuffer()
        var served = 0

        init(script: @escaping @Sendable (Request) -> Reply, counts: Counts) {
            self.script = script
            self.counts = counts
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head):
                path = head.uri
                body.clear()
            case .body(var part):
                body.writeBuffer(&part)
            case .end:
                counts.requests.add(1, ordering: .relaxed)
                served += 1
                reply(script(Request(path: path, body: String(buffer: body), onConnection: served)), context: context)
            }
        }

        private func reply(_ reply: Reply, context: ChannelHandlerContext) {
            switch reply {
            case .hang: return
            case .close: context.close(promise: nil)
            case .respond(let text, let chunked, let thenClose, let announceClose):
                var headers = HTTPHeaders()
                if chunked {
                    headers.add(name: "Transfer-Encoding", value: "chunked")
                } else {
                    headers.add(name: "Content-Length", value: String(text.utf8.count))
                }
                if announceClose { headers.add(name: "Connection", value: "close") }
                context.write(
                    wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers))),
                    promise: nil)
                let bytes = ByteBuffer(string: text)
                let pieces =
                    chunked
                    ? stride(from: 0, to: bytes.readableBytes, by: 4_096).map {
                        bytes.getSlice(at: $0, length: min(4_096, bytes.readableBytes - $0))!
                    } : [bytes]
                for piece in pieces { context.write(wrapOutboundOut(.body(.byteBuffer(piece))), promise: nil) }
                context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in
                    if thenClose { context.close(promise: nil) }
                }
            }
        }
    }
}
