import HTTPCore
import HTTPServer
import JSON

/// Answers every request 200 with the request body, and its path in `X-Path`.
struct EchoResponder: HTTPResponder {
    func respond(to request: HTTPRequest, context: inout RequestContext) async throws -> HTTPResponse {
        HTTPResponse(status: .ok, headers: HTTPHeaders([("X-Path", request.uri.path)]), body: request.body)
    }
}

/// A real server on `127.0.0.1:0`, running until `stop()`.
struct TestServer {
    let server: Server
    let task: Task<Void, Never>
    var port: Int { server.port }

    static func start(_ configure: (inout ServerConfiguration) -> Void = { _ in },
                      responder: any HTTPResponder = EchoResponder()) throws -> TestServer {
        var configuration = ServerConfiguration()
        configuration.port = 0
        configure(&configuration)
        let server = try Server(configuration: configuration, responder: responder, renderError: { error, traceId in
            .json(error.status, JSONWriter.bytes(["code": .string(error.code), "traceId": .string(traceId)]), headers: error.headers)
        })
        let task = Task { await server.run() }
        return TestServer(server: server, task: task)
    }

    /// Graceful shutdown; returns when every connection is closed.
    func stop() async {
        server.shutdown()
        await task.value
    }
}
