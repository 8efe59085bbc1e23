import HTTPCore

/// Anything that answers requests: the route table, a middleware chain.
public protocol HTTPResponder: Sendable {
    /// Produces the response for a request; thrown errors are rendered by the server.
    func respond(to request: HTTPRequest, context: inout RequestContext) async throws -> HTTPResponse
}

/// A route handler.
public typealias Handler = @Sendable (HTTPRequest, inout RequestContext) async throws -> HTTPResponse

/// Middleware: sees every request before the next responder, and its response after (Hummingbird shape).
public protocol Middleware: Sendable {
    /// Handles the request, usually by calling `next`.
    func handle(_ request: HTTPRequest, context: inout RequestContext, next: any HTTPResponder) async throws -> HTTPResponse
}

/// A middleware in front of a responder.
public struct MiddlewareResponder: HTTPResponder {
    let middleware: any Middleware
    let next: any HTTPResponder

    /// `middlewares[0]` runs first; `terminal` (usually the route table) runs last.
    public static func chain(_ middlewares: [any Middleware], terminal: any HTTPResponder) -> any HTTPResponder {
        middlewares.reversed().reduce(terminal) { next, middleware in MiddlewareResponder(middleware: middleware, next: next) }
    }

    public func respond(to request: HTTPRequest, context: inout RequestContext) async throws -> HTTPResponse {
        try await middleware.handle(request, context: &context, next: next)
    }
}
