import Domain
import HTTPCore

/// The page shell every portal page shares: the stylesheet, the navigation for the signed-in user, a
/// Sign out button, and the security headers (no framing, nothing loaded from elsewhere, no caching).
enum PortalPage {
    /// The navigation: every user's pages, and Users for Company Admins.
    static func navigation(_ caller: PortalCaller, current: String) -> Markup {
        var links = [("Services", "/portal/services"), ("Order", "/portal/order"), ("Marketplace", "/portal/marketplace"),
                     ("Profiles", "/portal/profiles"), ("Approvals", "/portal/approvals"), ("Company", "/portal/company"), ("Notifications", "/portal/notifications")]
        if caller.session.position == .companyAdmin { links.append(("Users", "/portal/users")) }
        let items = links.map { name, path -> Markup in
            name == current ? "<a href=\"\(path)\" aria-current=\"page\">\(name)</a>" : "<a href=\"\(path)\">\(name)</a>"
        }
        let options: [Markup] = caller.companies.map {
            "<option value=\"\($0.id)\"\($0.id == (caller.companyId ?? caller.session.companyId) ? " selected" as Markup : "")>\($0.tradingName)</option>"
        }
        let acting: Markup = caller.companies.isEmpty ? "" : """
            <form method="post" action="/portal/act" class="signout">\(csrf(caller))<label for="acting-for">Acting for</label>
            <select id="acting-for" name="company">\(options)</select><button type="submit" class="secondary">Switch</button></form>
            """
        return """
            <header><nav aria-label="Main">\(items)</nav>\(acting)
            <form method="post" action="/portal/logout" class="signout"><input type="hidden" name="csrf" value="\(caller.csrf)">
            <span>\(caller.session.firstName) \(caller.session.lastName) · \(caller.companyName)</span>
            <button type="submit">Sign out</button></form></header>
            """
    }

    /// A whole page.
    static func page(_ title: String, caller: PortalCaller?, current: String = "", status: HTTPStatus = .ok, _ body: Markup) -> HTTPResponse {
        let header: Markup = caller.map { navigation($0, current: current) } ?? ""
        let html: Markup = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · megaport-server</title><link rel="stylesheet" href="/portal/style.css"></head>
            <body>\(header)<main><h1>\(title)</h1>
            \(body)</main></body></html>
            """
        return HTTPResponse(status: status, headers: headers("text/html; charset=utf-8"), body: Array(html.text.utf8))
    }

    /// 303 to `location`, optionally setting cookies.
    static func redirect(_ location: String, cookies: [String] = []) -> HTTPResponse {
        var headers = headers("text/plain; charset=utf-8")
        headers.add("Location", location)
        for cookie in cookies { headers.add("Set-Cookie", cookie) }
        return HTTPResponse(status: .seeOther, headers: headers)
    }

    /// The headers every portal response carries.
    static func headers(_ contentType: String) -> HTTPHeaders {
        HTTPHeaders([("Content-Type", contentType), ("Content-Security-Policy", "default-src 'self'"), ("X-Frame-Options", "DENY"),
                     ("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "same-origin"), ("Cache-Control", "no-store")])
    }

    /// A field's error message, shown next to it.
    static func error(_ message: String?) -> Markup {
        message.map { "<p class=\"field-error\" role=\"alert\">\($0)</p>" } ?? ""
    }

    /// A refusal's messages by the field they belong to; one that names no field is under `form`.
    static func fieldErrors(_ error: DomainError) -> [String: String] {
        guard case .invalid(let fields) = error else { return ["form": ErrorMapping.httpError(from: error).message] }
        var errors: [String: String] = [:]
        for field in fields where errors[field.field] == nil { errors[field.field] = field.message }
        return errors
    }

    /// A hidden CSRF field for a form.
    static func csrf(_ caller: PortalCaller) -> Markup { "<input type=\"hidden\" name=\"csrf\" value=\"\(caller.csrf)\">" }

    /// A date (epoch ms) as `2026-12-01 14:05 UTC`.
    static func date(_ millis: Int64?) -> String {
        guard let millis else { return "—" }
        let minutes = Int((millis % 86_400_000) / 60_000)
        let day = CalendarDate.civil(fromDays: Int(millis / 86_400_000))
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(day.year)-\(two(day.month))-\(two(day.day)) \(two(minutes / 60)):\(two(minutes % 60)) UTC"
    }
}
