import Domain
import HTTPCore
import HTTPServer
import JSON

/// The web portal: server-rendered pages under `/portal`, over the same domain services and permission
/// rules as the API. A page needs the session cookie (without one it sends the browser to the sign-in
/// page); every form post needs the session's CSRF value (403 without it). Errors are small HTML pages.
struct PortalRoutes: APISurface {
    let app: Application

    func render(_ error: HTTPError, traceId: String) -> HTTPResponse {
        let body: Markup = "<p>\(error.message)</p><p class=\"muted\">Trace id: \(traceId)</p><p><a href=\"/portal\">Back to the portal</a></p>"
        var response = PortalPage.page(error.status.code >= 500 ? "Something went wrong" : error.status.reason, caller: nil,
                                       status: error.status, body)
        for header in error.headers where !HTTPHeaders.equalsIgnoringCase(header.name, "Content-Type") {
            response.headers.add(header.name, header.value)
        }
        return response
    }

    static var openAPIOperations: [(method: String, template: String, operation: JSONValue)] { [] }

    /// A page for a signed-in caller; `nil` from `caller` sends the browser to sign in.
    typealias Handler = @Sendable (HTTPRequest, RequestContext, PortalCaller) async throws -> HTTPResponse

    func register(_ router: inout RouteGroup) {
        let app = self.app, secure = app.secureCookies
        let signIn = PortalSignIn(auth: app.auth, secure: secure)
        router.open(.get, "/portal", jsonBody: false) { request, _ in
            await Self.caller(request, app.auth) == nil ? PortalPage.redirect("/portal/login") : PortalPage.redirect("/portal/services")
        }
        router.open(.get, "/portal/style.css", jsonBody: false) { _, _ in PortalStyle.response }
        router.open(.get, "/portal/login", jsonBody: false) { request, _ in signIn.form(request) }
        router.open(.post, "/portal/login", jsonBody: false, changesState: true) { request, context in try await signIn.submit(request, context) }
        page(&router, .post, "/portal/logout") { _, _, caller in try await signIn.signOut(caller) }
        PortalServices(app: app).register(&router, self)
        PortalApprovals(app: app).register(&router, self)
        PortalCompany(app: app).register(&router, self)
        PortalOrder(app: app).register(&router, self)
        PortalDirectory(app: app).register(&router, self)
    }

    /// Registers a page: GETs need a session, POSTs a session and the form's CSRF value.
    func page(_ router: inout RouteGroup, _ method: HTTPMethod, _ template: String, _ handler: @escaping Handler) {
        let auth = app.auth
        router.open(method, template, jsonBody: false, changesState: method != .get) { request, context in
            guard let caller = await Self.caller(request, auth) else { return PortalPage.redirect("/portal/login") }
            if method != .get { try PortalForm(request).requireCSRF(caller.csrf) }
            return try await handler(request, context, caller)
        }
    }

    /// The signed-in caller behind the request's session cookie, if any.
    static func caller(_ request: HTTPRequest, _ auth: AuthService) async -> PortalCaller? {
        guard let token = PortalCaller.cookie(PortalCaller.cookie, in: request),
              let session = try? await auth.authenticate(token: token) else { return nil }
        return PortalCaller(session: session, token: token)
    }
}
