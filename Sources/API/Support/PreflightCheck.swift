import Domain
import HTTPCore
import HTTPServer

/// What can be refused from the head alone when a client waits for `100 Continue` (catalogue E2):
/// no such route (404), a method not allowed (405), a missing or invalid token on a secured path
/// (401), a body that is not JSON where JSON is required (415).
struct PreflightCheck {
    let routes: RouteTable
    let auth: AuthService

    func refusal(for head: HTTPRequest) async -> HTTPError? {
        if let routing = routes.routingError(for: head) { return routing }
        let options = routes.options(for: head) ?? RouteOptions()
        if let limit = options.maxBodyBytes, let length = head.headers["Content-Length"].flatMap({ Int($0) }), length > limit {
            return RouteGroup.tooLarge(limit)
        }
        if options.authenticated {
            guard let token = Credentials.token(in: head) else { return ErrorMapping.httpError(from: DomainError.unauthenticated("a session token is required")) }
            do { _ = try await auth.authenticate(token: token) } catch { return ErrorMapping.httpError(from: error) }
        }
        let type = head.headers["Content-Type"]?.lowercased() ?? ""
        if options.jsonBody && !type.hasPrefix("application/json") {
            return HTTPError(.unsupportedMediaType, code: "unsupported_media_type", message: "send the body as Content-Type: application/json")
        }
        return nil
    }
}
