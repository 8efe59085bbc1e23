import HTTPCore

/// Anything that answers requests (the route table).
public protocol HTTPResponder: Sendable {
    /// Produces the response for a request; thrown errors are rendered by the server.
    func respond(to request: HTTPRequest, context: inout RequestContext) async throws -> HTTPResponse
}

/// A route handler.
public typealias Handler = @Sendable (HTTPRequest, inout RequestContext) async throws -> HTTPResponse
