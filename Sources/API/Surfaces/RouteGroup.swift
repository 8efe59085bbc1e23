import Domain
import HTTPCore
import HTTPServer

/// The routes of one surface as they are registered: the group authenticates once for every route
/// that needs a session and hands the handler a typed `Session`, marks open routes on the route itself
/// (so the `100-continue` preflight reads route metadata), and renders every error the surface's way.
/// In a sandbox every route first meets the armed faults, and a seeded sandbox finishes the work that
/// fell due before the response leaves.
struct RouteGroup {
    private(set) var router: Router
    let surface: any APISurface
    let auth: AuthService
    let log: LogWriter
    let keys: AuthorizationKeyService
    let sandbox: Sandbox?

    init(router: Router, surface: any APISurface, auth: AuthService, keys: AuthorizationKeyService, log: LogWriter, sandbox: Sandbox?) {
        self.router = router
        self.surface = surface
        self.auth = auth
        self.keys = keys
        self.log = log
        self.sandbox = sandbox
    }

    /// The largest body an open route takes: anyone can call one, so what it parses before knowing
    /// who calls stays small.
    static let openBodyLimit = 16 * 1024

    /// A route anyone may call (no token); its body is at most `openBodyLimit` bytes.
    mutating func open(_ method: HTTPMethod, _ template: String, jsonBody: Bool = true, changesState: Bool = false,
                       fields: FieldNames = FieldNames([:]),
                       _ handler: @escaping @Sendable (HTTPRequest, inout RequestContext) async throws -> HTTPResponse) {
        let surface = self.surface, log = self.log, limit = Self.openBodyLimit, sandbox = self.sandbox
        let options = RouteOptions(authenticated: false, jsonBody: jsonBody, changesState: changesState, maxBodyBytes: limit)
        router.on(method, template, options: options) { request, context in
            do {
                guard request.body.count <= limit else { throw Self.tooLarge(limit) }
                try await sandbox?.faults.inject(path: request.uri.path)
                let response = try await handler(request, &context)
                try await Self.settle(sandbox, after: request)
                return response
            } catch {
                return Self.render(error, fields, surface, log, context)
            }
        }
    }

    /// A route for an authenticated session (401 without one); the handler gets the session. `fields`
    /// names the domain's field keys the way this route's callers know them.
    mutating func session(_ method: HTTPMethod, _ template: String, changesState: Bool = false, fields: FieldNames = FieldNames([:]),
                          _ handler: @escaping @Sendable (HTTPRequest, inout RequestContext, Session) async throws -> HTTPResponse) {
        let surface = self.surface, log = self.log, auth = self.auth, keys = self.keys, sandbox = self.sandbox
        router.on(method, template, options: RouteOptions(authenticated: true, changesState: changesState)) { request, context in
            do {
                try await sandbox?.faults.inject(path: request.uri.path)
                guard let token = Credentials.token(in: request) else {
                    throw DomainError.unauthenticated("a session token is required (?token=, X-Auth-Token or Authorization: Bearer)")
                }
                var session = try await auth.authenticate(token: token)
                // A reseller acting for a customer with the customer's authorization key.
                if let key = Credentials.authorizationKey(in: request) { session = try await keys.acting(session, withKey: key) }
                context.identity = session
                let response = try await handler(request, &context, session)
                try await Self.settle(sandbox, after: request)
                return response
            } catch {
                return Self.render(error, fields, surface, log, context)
            }
        }
    }

    /// A seeded sandbox finishes the work a change made due (a read makes nothing due).
    static func settle(_ sandbox: Sandbox?, after request: HTTPRequest) async throws {
        guard let sandbox, request.method != .get, request.method != .head else { return }
        try await sandbox.settle()
    }

    /// 413 for a body over a route's limit.
    static func tooLarge(_ limit: Int) -> HTTPError {
        HTTPError(.contentTooLarge, code: "body_too_large", message: "this route takes a body of at most \(limit) bytes")
    }

    /// Maps any error to HTTP and renders it the surface's way; unexpected failures are logged with the
    /// trace id (the response names only the trace id).
    static func render(_ error: any Error, _ fields: FieldNames, _ surface: any APISurface, _ log: LogWriter,
                       _ context: RequestContext) -> HTTPResponse {
        let mapped = ErrorMapping.httpError(from: (error as? DomainError)?.renamingFields(fields) ?? error)
        if mapped.status.code >= 500 {
            log.error("request failed", ["traceId": .string(context.traceId), "error": .string(String(describing: error))])
        }
        return surface.render(mapped, traceId: context.traceId)
    }
}
