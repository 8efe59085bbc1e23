import Domain
import HTTPCore
import HTTPServer
import JSON

/// What operators and tools call: `/health`, `/metrics`, `/openapi.json`. Open (no token); errors use
/// the legacy envelope.
struct OperationsRoutes: APISurface {
    let app: Application

    func render(_ error: HTTPError, traceId: String) -> HTTPResponse { ErrorMapping.render(error, traceId: traceId) }

    static var openAPIOperations: [(method: String, template: String, operation: JSONValue)] { OA.operationsOperations }

    func register(_ router: inout RouteGroup) {
        let health = HealthController(operations: app.operations, node: app.nodeName, sandbox: app.sandbox != nil)
        let metrics = app.metrics, operations = app.operations
        router.open(.get, "/health") { request, _ in await health.health(request) }
        router.open(.get, "/metrics") { _, _ in
            HTTPResponse(status: .ok, headers: HTTPHeaders([("Content-Type", "text/plain; version=0.0.4; charset=utf-8")]),
                         body: Array(try await metrics.render(operations).utf8))
        }
        router.open(.get, "/openapi.json") { _, _ in .json(.ok, OpenAPIDocument.bytes) }
        // A browser (it asks for HTML) goes to the portal; API clients get where to start.
        router.open(.get, "/") { request, _ in
            request.headers["Accept"]?.contains("text/html") == true ? PortalPage.redirect("/portal") : Self.index
        }
    }

    /// `GET /`: where to start.
    static let index = Envelope.json([
        "name": "megaport-server", "version": "1.1.0",
        "documentation": "/openapi.json lists every route with its permissions and errors",
        "health": "/health",
        "login": "POST /v2/login with username and password (form or JSON) returns a token",
        "firstCall": "GET /secure/dropdowns/locations?token=<token>",
    ])
}
