import Domain
import HTTPCore
import HTTPServer

/// What a portal page knows about its caller: the session behind the `mp_session` cookie (the same
/// server-side session an API token is), the token itself, and the CSRF value every form of this
/// session must send back (a digest of the token, so only a page the session was served can know it).
struct PortalCaller: Sendable {
    let session: Session
    let token: String
    /// For a partner's users: the companies they may act for (their own first), else empty.
    var companies: [Company] = []
    /// The managed company a partner's user chose to act for (nil: their own).
    var actingFor: Company?
    var csrf: String { PortalCaller.csrf(for: token) }
    /// The company the pages show and act for.
    var companyId: Int64? { actingFor?.id }
    var companyName: String { actingFor?.tradingName ?? session.companyName }

    static func csrf(for secret: String) -> String { Tokens.digest("portal-form:" + secret) }

    /// The cookie carrying the session.
    static let cookie = "mp_session"
    /// The cookie naming the managed company a partner's user acts for.
    static let actingCookie = "mp_act"
    /// The cookie that ties the sign-in form to the browser that loaded it (there is no session yet).
    static let signInCookie = "mp_signin"

    /// A cookie's value from the request's `Cookie` headers.
    static func cookie(_ name: String, in request: HTTPRequest) -> String? {
        for header in request.headers.values("Cookie") {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: " ") }
                if parts.count == 2, parts[0] == name { return parts[1] }
            }
        }
        return nil
    }

    /// `Set-Cookie` for a portal cookie: HttpOnly, SameSite=Lax, Secure when the portal is served over https.
    static func setCookie(_ name: String, _ value: String, secure: Bool, expire: Bool = false) -> String {
        "\(name)=\(value); Path=/portal; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "") + (expire ? "; Max-Age=0" : "")
    }
}

/// A submitted portal form (`application/x-www-form-urlencoded`), fields by name.
struct PortalForm: Sendable {
    let fields: [String: String]

    /// The form of a request; 400 when the body is not form encoding.
    init(_ request: HTTPRequest) throws {
        guard let items = FormDecoding.decode(request.body) else {
            throw HTTPError(.badRequest, code: "malformed_form", message: "the form could not be read; reload the page and try again")
        }
        var fields: [String: String] = [:]
        for item in items where fields[item.name] == nil { fields[item.name] = item.value }
        self.fields = fields
    }

    subscript(_ name: String) -> String? { fields[name] }

    /// The trimmed value, or nil when it is missing or blank.
    func text(_ name: String) -> String? {
        guard let value = fields[name].map({ Substring($0).trimmingCharacters(in: " \t\r\n") }), !value.isEmpty else { return nil }
        return value
    }

    /// 403 unless the form carries the CSRF value `expected`.
    func requireCSRF(_ expected: String) throws {
        guard let sent = fields["csrf"], sent == expected else {
            throw DomainError.forbidden(code: "csrf", message: "this form has expired or did not come from this site; reload the page and try again")
        }
    }
}
