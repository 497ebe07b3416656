import AsyncHTTPClient
import HarkCore
import NIOCore
import NIOHTTP1

/// A response as a transport returns it: the whole body read.
struct HTTPResponse: Sendable {
    var status: Int
    var headers: HTTPHeaders
    var body: ByteBuffer
    /// Whether the connection may carry another request.
    var keepAlive = true
}

/// Sends one HTTP request and reads its whole response. Connection failures and timeouts are
/// thrown as `RequestFailure`s; a cancelled task ends its request.
protocol HTTPTransport: Sendable {
    /// `body` is sent as its buffers' bytes in order; `timeout` bounds the whole exchange (nil: none
    /// beyond the caller's own).
    func send(
        _ method: HTTPMethod, _ target: HTTPTarget, headers: HTTPHeaders, body: [ByteBuffer], timeout: TimeAmount?
    ) async throws -> HTTPResponse

    func shutdown() async
}

/// AsyncHTTPClient, for what `HTTP1Client` does not speak (TLS: `https` endpoints).
final class AsyncHTTPClientTransport: HTTPTransport {
    private let client: HTTPClient
    private let maxBodyBytes: Int
    /// Bodies up to this size are sent as one buffer; larger ones in slices of the clips' own
    /// buffers as the connection takes them.
    static let singleBufferBytes = 1 << 20
    static let streamedChunkBytes = 256 << 10

    init(connectionsPerHost: Int, maxBodyBytes: Int) {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(
            idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: max(connectionsPerHost, 1))
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        self.maxBodyBytes = maxBodyBytes
    }

    func send(
        _ method: HTTPMethod, _ target: HTTPTarget, headers: HTTPHeaders, body: [ByteBuffer], timeout: TimeAmount?
    ) async throws -> HTTPResponse {
        var request = HTTPClientRequest(url: target.url)
        request.method = method
        request.headers = headers
        let length = body.reduce(0) { $0 + $1.readableBytes }
        if length <= Self.singleBufferBytes {
            if !body.isEmpty {
                var whole = ByteBufferAllocator().buffer(capacity: length)
                for var part in body { whole.writeBuffer(&part) }
                request.body = .bytes(whole)
            }
        } else {
            request.body = .stream(
                SlicedBuffers(buffers: body, sliceBytes: Self.streamedChunkBytes), length: .known(Int64(length)))
        }
        do {
            let response = try await client.execute(request, timeout: timeout ?? .hours(1))
            let bytes = try await response.body.collect(upTo: maxBodyBytes)
            return HTTPResponse(status: Int(response.status.code), headers: response.headers, body: bytes)
        } catch let error as HTTPClientError {
            throw Self.failure(error)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw RequestFailure(.connection, "\(error)")
        }
    }

    func shutdown() async {
        try? await client.shutdown()
    }

    static func failure(_ error: HTTPClientError) -> RequestFailure {
        switch error {
        case .deadlineExceeded, .readTimeout, .connectTimeout, .getConnectionFromPoolTimeout, .cancelled:
            RequestFailure(.timeout, "\(error)")
        default:
            RequestFailure(.connection, "\(error)")
        }
    }
}

/// Buffers as a stream of slices of at most `sliceBytes` (slices share the buffers' storage).
private struct SlicedBuffers: AsyncSequence, Sendable {
    var buffers: [ByteBuffer]
    var sliceBytes: Int

    struct AsyncIterator: AsyncIteratorProtocol {
        var buffers: [ByteBuffer]
        var sliceBytes: Int
        var index = 0

        mutating func next() async -> ByteBuffer? {
            while index < buffers.count, buffers[index].readableBytes == 0 { index += 1 }
            guard index < buffers.count else { return nil }
            return buffers[index].readSlice(length: Swift.min(sliceBytes, buffers[index].readableBytes))
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(buffers: buffers, sliceBytes: sliceBytes) }
}
