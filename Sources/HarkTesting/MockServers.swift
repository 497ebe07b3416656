public import HarkModels

/// Runs `body` against a mock server with `options`, and stops the server when `body` ends,
/// however it ends.
public func withMockServer<Result>(
    _ options: MockServer.Options = MockServer.Options(), _ body: (MockServer) async throws -> Result
) async throws -> Result {
    let server = try await MockServer(options: options)
    do {
        let result = try await body(server)
        try await server.stop()
        return result
    } catch {
        try? await server.stop()
        throw error
    }
}

extension MockServer.Options {
    /// The default options with `change` made to them.
    public static func with(_ change: (inout Self) throws -> Void) rethrows -> Self {
        var options = Self()
        try change(&options)
        return options
    }
}

extension MockServer {
    /// A model config (YAML) of the `openai` adapter asking this server for `name`.
    public func modelConfig(name: String) -> String {
        "name: \(name)\nadapter: openai\nsettings: {base_url: \(baseURL), model: \(name)}\n"
    }
}
