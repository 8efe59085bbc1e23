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
            try await Self.caller(request, app) == nil ? PortalPage.redirect("/portal/login") : PortalPage.redirect("/portal/services")
        }
        router.open(.get, "/portal/style.css", jsonBody: false) { _, _ in PortalStyle.response }
        router.open(.get, "/portal/login", jsonBody: false) { request, _ in signIn.form(request) }
        router.open(.post, "/portal/login", jsonBody: false, changesState: true) { request, context in try await signIn.submit(request, context) }
        page(&router, .post, "/portal/logout") { _, _, caller in try await signIn.signOut(caller) }
        page(&router, .post, "/portal/act") { request, _, caller in
            let chosen = try PortalForm(request).text("company")
            guard let company = caller.companies.first(where: { String($0.id) == chosen }) else { throw DomainError.notFound("company \(chosen ?? "") not found") }
            let own = company.id == caller.session.companyId
            return PortalPage.redirect("/portal/services", cookies: [PortalCaller.setCookie(PortalCaller.actingCookie, String(company.id), secure: secure, expire: own)])
        }
        PortalServices(app: app).register(&router, self)
        PortalApprovals(app: app).register(&router, self)
        PortalCompany(app: app).register(&router, self)
        PortalOrder(app: app).register(&router, self)
        PortalDirectory(app: app).register(&router, self)
        PortalProfiles(app: app).register(&router, self)
    }

    /// Registers a page: GETs need a session, POSTs a session and the form's CSRF value.
    func page(_ router: inout RouteGroup, _ method: HTTPMethod, _ template: String, _ handler: @escaping Handler) {
        let app = self.app
        router.open(method, template, jsonBody: false, changesState: method != .get) { request, context in
            guard let caller = try await Self.caller(request, app) else { return PortalPage.redirect("/portal/login") }
            if method != .get { try PortalForm(request).requireCSRF(caller.csrf) }
            return try await handler(request, context, caller)
        }
    }

    /// The signed-in caller behind the request's session cookie, if any; for a partner's users also the
    /// companies they manage and the one they chose to act for.
    /// Only a missing or ended session sends the browser to sign in; a database that cannot answer is the
    /// 503 page, not a sign-in form that would fail too.
    static func caller(_ request: HTTPRequest, _ app: Application) async throws -> PortalCaller? {
        guard let token = PortalCaller.cookie(PortalCaller.cookie, in: request) else { return nil }
        let session: Session
        do {
            session = try await app.auth.authenticate(token: token)
        } catch DomainError.unauthenticated(_) {
            return nil
        }
        var caller = PortalCaller(session: session, token: token)
        if session.accountType == .partner, case let companies = try await app.products.companies(by: session), companies.count > 1 {
            caller.companies = companies
            let chosen = PortalCaller.cookie(PortalCaller.actingCookie, in: request)
            caller.actingFor = companies.first { String($0.id) == chosen && $0.id != session.companyId }
        }
        return caller
    }
}
