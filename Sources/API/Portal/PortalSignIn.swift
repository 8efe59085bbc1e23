import Domain
import HTTPCore
import HTTPServer
import Model

/// Signing in and out of the portal. The sign-in form is tied to the browser that loaded it by a
/// one-time cookie (its CSRF value is that cookie's digest); a good password starts a new session
/// (the same server-side session an API login gets) in an HttpOnly, SameSite=Lax cookie; signing out
/// revokes it. Failed sign-ins count toward the same throttle as API logins.
struct PortalSignIn: Sendable {
    let auth: AuthService
    let secure: Bool

    func form(_ request: HTTPRequest, email: String = "", message: String? = nil, status: HTTPStatus = .ok) -> HTTPResponse {
        let nonce = Tokens.newUUID()
        let body: Markup = """
            \(message.map { "<p class=\"notice error\" role=\"alert\">\($0)</p>" as Markup } ?? "")
            <form method="post" action="/portal/login" class="card narrow">
            <input type="hidden" name="csrf" value="\(PortalCaller.csrf(for: nonce))">
            <label for="email">Email</label><input id="email" name="email" type="email" autocomplete="username" required value="\(email)">
            <label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
            <button type="submit">Sign in</button></form>
            """
        var response = PortalPage.page("Sign in", caller: nil, status: status, body)
        response.headers.add("Set-Cookie", PortalCaller.setCookie(PortalCaller.signInCookie, nonce, secure: secure))
        return response
    }

    func submit(_ request: HTTPRequest, _ context: RequestContext) async throws -> HTTPResponse {
        let form = try PortalForm(request)
        try form.requireCSRF(PortalCaller.csrf(for: PortalCaller.cookie(PortalCaller.signInCookie, in: request) ?? "-"))
        let email = form.text("email") ?? ""
        do {
            let (token, _) = try await auth.login(email: email, password: form["password"] ?? "", from: String(context.remoteAddress.split(separator: ":").first ?? ""))
            return PortalPage.redirect("/portal/services", cookies: [
                PortalCaller.setCookie(PortalCaller.cookie, token, secure: secure),
                PortalCaller.setCookie(PortalCaller.signInCookie, "", secure: secure, expire: true),
            ])
        } catch DomainError.unauthenticated(_) {
            return self.form(request, email: email, message: "The email or password is not right.", status: .unauthorized)
        } catch DomainError.rateLimited(retryAfterSeconds: let seconds) {
            return self.form(request, email: email, message: "Too many failed sign-ins; try again in \(seconds) seconds.", status: .tooManyRequests)
        }
    }

    func signOut(_ caller: PortalCaller) async throws -> HTTPResponse {
        try await auth.logout(caller.session)
        return PortalPage.redirect("/portal/login", cookies: [PortalCaller.setCookie(PortalCaller.cookie, "", secure: secure, expire: true)])
    }
}
