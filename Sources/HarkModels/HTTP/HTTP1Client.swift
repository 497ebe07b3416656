import Foundation
import HarkCore
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// Where a request goes: its URL, and where `HTTP1Client` can send it (plain `http` with a host),
/// its origin and the request line's target, worked out once.
struct HTTPTarget: Sendable, Hashable {
    struct Origin: Sendable, Hashable {
        var host: String
        var port: Int
    }

    var url: String
    /// nil for what `HTTP1Client` does not speak (`https`, other schemes).
    var origin: Origin?
    /// Path and query as the request line carries them.
    var requestTarget = "/"
    /// `host[:port]` as the `Host` header carries it.
    var hostHeader = ""

    init(_ url: String) {
        self.url = url
        guard let components = URLComponents(string: url), components.scheme?.lowercased() == "http",
            let named = components.host, !named.isEmpty
        else { return }
        // An IPv6 literal is connected to without its brackets and named with them.
        let host = named.hasPrefix("[") && named.hasSuffix("]") ? String(named.dropFirst().dropLast()) : named
        origin = Origin(host: host, port: components.port ?? 80)
        let path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        requestTarget = path + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
        let bracketed = host.contains(":") ? "[\(host)]" : host
        hostHeader = components.port.map { "\(bracketed):\($0)" } ?? bracketed
    }
}

/// HTTP/1.1 over TCP with connections kept alive per origin, one request at a time on each. A
/// body is written as its buffers, so the clip every request of a clip shares is never copied
/// into a request; responses are read whole, up to a limit.
final class HTTP1Client: HTTPTransport {
    private let group: any EventLoopGroup
    private let idle = Mutex<[HTTPTarget.Origin: [any Channel]]>([:])
    /// Idle connections kept per origin; more are closed once their answer is read.
    private let keptPerOrigin: Int
    private let maxBodyBytes: Int
    private let connectTimeout: TimeAmount = .seconds(10)

    init(
        keptPerOrigin: Int, maxBodyBytes: Int, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) {
        self.keptPerOrigin = max(1, keptPerOrigin)
        self.maxBodyBytes = maxBodyBytes
        self.group = group
    }

    func send(
        _ method: HTTPMethod, _ target: HTTPTarget, headers: HTTPHeaders, body: [ByteBuffer], timeout: TimeAmount?
    ) async throws -> HTTPResponse {
        guard let origin = target.origin else {
            throw RequestFailure(.other, "HTTP1Client speaks plain http only: \(target.url)")
        }
        var head = HTTPRequestHead(version: .http1_1, method: method, uri: target.requestTarget, headers: headers)
        head.headers.replaceOrAdd(name: "Host", value: target.hostHeader)
        let length = body.reduce(0) { $0 + $1.readableBytes }
        if method != .GET || length > 0 { head.headers.replaceOrAdd(name: "Content-Length", value: String(length)) }
        do {
            if let channel = takeIdle(origin) {
                do {
                    return try await exchange(head, body, on: channel, origin: origin, timeout: timeout)
                } catch HTTP1ExchangeError.closedBeforeResponse where !Task.isCancelled {
                    // The server closed the kept connection while it was idle: once more on a new one.
                }
            }
            let channel = try await connect(origin)
            return try await exchange(head, body, on: channel, origin: origin, timeout: timeout)
        } catch {
            if Task.isCancelled { throw CancellationError() }
            throw Self.failure(error, target: target)
        }
    }

    func shutdown() async {
        let channels = idle.withLock { idle in
            defer { idle.removeAll() }
            return idle.values.flatMap { $0 }
        }
        for channel in channels { try? await channel.close() }
    }

    /// One request and its response on `channel`, which goes back to the pool if the response
    /// allows it; a cancelled task or an expired timeout closes it.
    private func exchange(
        _ head: HTTPRequestHead, _ body: [ByteBuffer], on channel: any Channel, origin: HTTPTarget.Origin,
        timeout: TimeAmount?
    ) async throws -> HTTPResponse {
        let promise = channel.eventLoop.makePromise(of: HTTPResponse.self)
        let expired = ExpiryFlag()
        let timer = timeout.map { timeout in
            channel.eventLoop.scheduleTask(in: timeout) {
                expired.value.store(true, ordering: .relaxed)
                channel.close(promise: nil)
            }
        }
        channel.writeAndFlush(HTTP1Exchange(head: head, body: body, response: promise), promise: nil)
        let response: HTTPResponse
        do {
            response = try await withTaskCancellationHandler {
                try await promise.futureResult.get()
            } onCancel: {
                channel.close(promise: nil)
            }
        } catch {
            timer?.cancel()
            if expired.value.load(ordering: .relaxed) { throw HTTP1TimeoutError(timeout: timeout ?? .zero) }
            throw error
        }
        timer?.cancel()
        if response.keepAlive {
            putIdle(channel, origin)
        } else {
            channel.close(promise: nil)
        }
        return response
    }

    private func takeIdle(_ origin: HTTPTarget.Origin) -> (any Channel)? {
        idle.withLock { idle in
            while let channel = idle[origin]?.popLast() {
                if channel.isActive { return channel }
            }
            return nil
        }
    }

    private func putIdle(_ channel: any Channel, _ origin: HTTPTarget.Origin) {
        let kept = idle.withLock { idle in
            guard idle[origin, default: []].count < keptPerOrigin else { return false }
            idle[origin, default: []].append(channel)
            return true
        }
        if !kept { channel.close(promise: nil) }
    }

    private func connect(_ origin: HTTPTarget.Origin) async throws -> any Channel {
        let maxBodyBytes = maxBodyBytes
        return try await ClientBootstrap(group: group)
            .connectTimeout(connectTimeout)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(HTTP1ExchangeHandler(maxBodyBytes: maxBodyBytes))
                }
            }
            .connect(host: origin.host, port: origin.port).get()
    }

    static func failure(_ error: any Error, target: HTTPTarget) -> RequestFailure {
        let server = target.origin.map { "\($0.host):\($0.port)" } ?? target.url
        switch error {
        case let failure as RequestFailure:
            return failure
        case let expired as HTTP1TimeoutError:
            return RequestFailure(
                .timeout, "no answer from \(server) within \(expired.timeout.nanoseconds / 1_000_000) ms")
        case ChannelError.connectTimeout:
            return RequestFailure(.timeout, "connecting to \(server) timed out")
        case HTTP1ExchangeError.closedBeforeResponse(let cause):
            return RequestFailure(
                .connection, "\(server) closed the connection before answering" + (cause.map { " (\($0))" } ?? ""))
        case HTTP1ExchangeError.closedMidResponse:
            return RequestFailure(.connection, "\(server) closed the connection in the middle of its answer")
        case HTTP1ExchangeError.bodyTooLarge(let limit):
            return RequestFailure(.malformedResponse, "the answer of \(server) is longer than \(limit) bytes")
        default:
            return RequestFailure(.connection, "\(server): \(error)")
        }
    }
}
/// Set when a request's timeout expired (and closed its connection).
private final class ExpiryFlag: Sendable {
    let value = Atomic(false)
}

/// A request's own timeout expired (the connection was closed).
struct HTTP1TimeoutError: Error {
    var timeout: TimeAmount
}
