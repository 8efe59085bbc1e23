import Domain
import HTTPCore
import HTTPServer

/// The whole route table in one place.
enum Routes {
    static func build(_ app: Application) -> Router {
        var router = Router()
        let auth = app.auth
        let health = HealthController(db: app.db)
        let locations = LocationController(service: app.locations)
        let sessions = SessionController(auth: auth)

        router.on(.get, "/health") { request, _ in await health.health(request) }

        router.on(.post, "/v2/login") { request, _ in try await sessions.login(request) }
        router.on(.get, "/v2/logout", secure(auth) { _, _, session in try await sessions.logout(session) })
        router.on(.get, "/v2/logout/:token") { _, context in
            let response = try await sessions.logout(token: context.parameters["token"] ?? "")
            return response
        }

        router.on(.get, "/secure/dropdowns/locations", secure(auth) { _, _, _ in try await locations.dropdown() })
        router.on(.get, "/v2/locations", secure(auth) { request, _, _ in try await locations.v2Locations(request) })
        return router
    }
}
