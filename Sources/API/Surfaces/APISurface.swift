import Domain
import HTTPCore
import HTTPServer
import JSON

/// One API surface (the legacy `/secure` API, operations, the v2 API, the portal): its routes, how
/// its errors read, and its part of the OpenAPI document. Each surface decodes its own requests and
/// names fields its own way; all of them call the same domain services.
protocol APISurface: Sendable {
    /// Registers every route of the surface on `routes`.
    func register(_ routes: inout RouteGroup)

    /// Renders an error raised by one of this surface's routes.
    func render(_ error: HTTPError, traceId: String) -> HTTPResponse

    /// This surface's operations for `/openapi.json`, keyed by route template as the router writes it.
    static var openAPIOperations: [(method: String, template: String, operation: JSONValue)] { get }
}

/// The surfaces the application serves, in registration order.
enum Surfaces {
    /// Every surface of `app`.
    static func all(_ app: Application) -> [any APISurface] {
        [OperationsRoutes(app: app), LegacyRoutes(app: app), V2Routes(app: app), PortalRoutes(app: app)]
            + (app.sandbox.map { [SandboxRoutes(app: app, sandbox: $0)] } ?? [])
    }

    /// The OpenAPI operations of every surface.
    static let openAPIOperations: [(method: String, template: String, operation: JSONValue)] =
        OperationsRoutes.openAPIOperations + LegacyRoutes.openAPIOperations + V2Routes.openAPIOperations + PortalRoutes.openAPIOperations

    /// One router holding every surface's routes.
    static func router(_ app: Application) -> Router {
        var router = Router()
        for surface in all(app) {
            var group = RouteGroup(router: router, surface: surface, auth: app.auth, keys: app.authorizationKeys, log: app.log, sandbox: app.sandbox)
            surface.register(&group)
            router = group.router
        }
        return router
    }
}
