import NIOCore
import NIOHTTP1

/// One request and the promise of its response, as written into a connection's pipeline.
struct HTTP1Exchange: Sendable {
    var head: HTTPRequestHead
    /// The body's buffers in order, written as they are (a clip's shared buffer is not copied).
    var body: [ByteBuffer]
    var response: EventLoopPromise<HTTPResponse>
}

/// Why an exchange failed on its connection.
enum HTTP1ExchangeError: Error, Equatable {
    /// The connection closed or failed (`cause`: how, when the socket said) before the response
    /// began: on a kept-alive connection, the server had closed it while idle, and the request may
    /// be sent again on a new one.
    case closedBeforeResponse(cause: String?)
    /// The connection closed in the middle of the response.
    case closedMidResponse
    /// The response body is longer than the client reads.
    case bodyTooLarge(limit: Int)
}

/// The last handler of a client connection: sends one exchange at a time and gathers its response
/// (head and body) into the exchange's promise.
final class HTTP1ExchangeHandler: ChannelDuplexHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundIn = HTTP1Exchange
    typealias OutboundOut = HTTPClientRequestPart

    private let maxBodyBytes: Int
    private var pending: EventLoopPromise<HTTPResponse>?
    private var head: HTTPResponseHead?
    private var body: ByteBuffer?

    init(maxBodyBytes: Int) {
        self.maxBodyBytes = maxBodyBytes
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let exchange = unwrapOutboundIn(data)
        guard pending == nil else {
            preconditionFailure("HTTP1ExchangeHandler: a second exchange before the first one's response")
        }
        guard context.channel.isActive else {
            exchange.response.fail(HTTP1ExchangeError.closedBeforeResponse(cause: nil))
            promise?.fail(HTTP1ExchangeError.closedBeforeResponse(cause: nil))
            return
        }
        pending = exchange.response
        head = nil
        body = nil
        context.write(wrapOutboundOut(.head(exchange.head)), promise: nil)
        for part in exchange.body {
            context.write(wrapOutboundOut(.body(.byteBuffer(part))), promise: nil)
        }
        let written = context.eventLoop.makePromise(of: Void.self)
        written.futureResult.assumeIsolated().whenFailure { error in self.fail(self.closed(by: error)) }
        written.futureResult.cascade(to: promise)
        context.write(wrapOutboundOut(.end(nil)), promise: written)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard pending != nil else { return }
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
        case .body(var part):
            if body == nil {
                body = part
            } else {
                body!.writeBuffer(&part)
            }
            if body!.readableBytes > maxBodyBytes {
                fail(HTTP1ExchangeError.bodyTooLarge(limit: maxBodyBytes))
                context.close(promise: nil)
            }
        case .end:
            guard let pending, let head else { return }
            self.pending = nil
            let response = HTTPResponse(
                status: Int(head.status.code), headers: head.headers, body: body ?? ByteBuffer(),
                keepAlive: head.isKeepAlive)
            self.head = nil
            body = nil
            pending.succeed(response)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(closed(by: nil))
        context.fireChannelInactive()
    }

    /// A socket error (a reset, a broken pipe) before the response began is the connection closing
    /// under the request, which may be sent again; later, or a response that cannot be parsed, it
    /// fails the exchange as it is.
    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(head == nil && error is IOError ? closed(by: error) : error)
        context.close(promise: nil)
    }

    private func closed(by error: (any Error)?) -> HTTP1ExchangeError {
        head == nil ? .closedBeforeResponse(cause: error.map { "\($0)" }) : .closedMidResponse
    }

    private func fail(_ error: any Error) {
        guard let pending else { return }
        self.pending = nil
        pending.fail(error)
    }
}
