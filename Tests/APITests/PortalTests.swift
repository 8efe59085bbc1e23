import Domain
import Foundation
import TestSupport
import Testing

/// Issue 15 at the HTTP level: the portal's session cookie, its CSRF rule, escaping, security headers,
/// and the permission rows of the isolation matrix (the browser tests drive the same pages in Chromium).
@Suite struct PortalTests {
    /// A browser of one's own: its cookies, sent back as a browser would.
    final class Browser: @unchecked Sendable {
        // `@unchecked` is sound: each test uses its browser from one task, one request at a time.
        let world: APIWorld
        var cookies: [String: String] = [:]

        init(_ world: APIWorld) { self.world = world }

        func send(_ method: String, _ path: String, form: [(String, String)]? = nil) async throws -> TestResponse {
            var headers: [String: String] = [:]
            if !cookies.isEmpty { headers["Cookie"] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
            var body: String?
            if let form {
                headers["Content-Type"] = "application/x-www-form-urlencoded"
                body = form.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
            }
            let response = try await world.request(method, path, headers: headers, body: body)
            for header in response.headers where header.name.lowercased() == "set-cookie" {
                let pair = header.value.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
                if header.value.contains("Max-Age=0") { cookies[pair[0]] = nil } else { cookies[pair[0]] = pair.count > 1 ? pair[1] : "" }
            }
            return response
        }

        /// The CSRF value of the first form on a page.
        static func csrf(_ page: TestResponse) -> String {
            guard let range = page.text.range(of: #"name="csrf" value=""#) else { return "" }
            return String(page.text[range.upperBound...].prefix { $0 != "\"" })
        }

        func signIn(_ email: String, password: String = "megaport-demo") async throws -> TestResponse {
            let form = try await send("GET", "/portal/login")
            return try await send("POST", "/portal/login", form: [("csrf", Self.csrf(form)), ("email", email), ("password", password)])
        }
    }

    @Test func signInSetsAnHttpOnlyCookieAndSignOutRevokesIt() async throws {
        let world = try await APIWorld.shared.value
        let browser = Browser(world)
        #expect(try await browser.send("GET", "/portal/services").header("Location") == "/portal/login", "no session: to the sign-in page")
        let wrong = try await browser.signIn("admin@acme.example", password: "not-the-password")
        #expect(wrong.status == 401 && wrong.text.contains("The email or password is not right.") && browser.cookies["mp_session"] == nil)
        let signedIn = try await browser.signIn("admin@acme.example")
        let cookie = signedIn.headers.first { $0.name == "Set-Cookie" && $0.value.hasPrefix("mp_session=") }?.value ?? ""
        #expect(signedIn.status == 303 && cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && !cookie.contains("Secure"), "\(cookie)")
        let services = try await browser.send("GET", "/portal/services")
        #expect(services.status == 200 && services.text.contains("The MEGAPORT at Global Switch"))
        #expect(services.header("Content-Security-Policy") == "default-src 'self'" && services.header("X-Frame-Options") == "DENY")
        let token = try #require(browser.cookies["mp_session"])
        #expect(try await world.request("GET", "/v2/products", headers: ["X-Auth-Token": token]).status == 200, "the same session as an API token")
        #expect(try await browser.send("POST", "/portal/logout", form: [("csrf", Browser.csrf(services))]).header("Location") == "/portal/login")
        #expect(try await world.request("GET", "/v2/products", headers: ["X-Auth-Token": token]).status == 401, "signing out revokes it")
    }

    /// docs/portal.md lists exactly the portal's routes; a browser asking for `/` is sent to the portal.
    @Test func thePortalPageListsEveryPortalRoute() async throws {
        let world = try await APIWorld.shared.value
        var documented = Set<String>()
        for line in try DocumentationTests.page("docs/portal.md").split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: ["`"]) }
            documented.insert("\(cells[0]) \(cells[1])")
        }
        let routed = Set(world.app.routes.filter { $0.template.hasPrefix("/portal") }.map { route in
            "\(route.method.rawValue) " + route.template.split(separator: "/", omittingEmptySubsequences: false)
                .map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
        })
        #expect(documented == routed, "missing: \(routed.subtracting(documented)); extra: \(documented.subtracting(routed))")
        #expect(try await world.request("GET", "/", headers: ["Accept": "text/html,application/xhtml+xml"]).header("Location") == "/portal")
        #expect(try await world.request("GET", "/").status == 200, "API clients still get the index")
    }

    @Test func aFormWithoutItsCSRFValueIsRefused() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let browser = Browser(world)
        _ = try await browser.signIn("admin@acme.example")
        for csrf in [nil, "0" + String(repeating: "a", count: 63)] {
            let form = [("supportPhone", "+61 2 9111 2222")] + (csrf.map { [("csrf", $0)] } ?? [])
            let refused = try await browser.send("POST", "/portal/company", form: form)
            #expect(refused.status == 403 && refused.text.contains("reload the page"), "\(refused)")
        }
        let login = try await world.request("POST", "/portal/login", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                            body: "email=admin%40acme.example&password=megaport-demo")
        #expect(login.status == 403, "the sign-in form needs its value too")
        let contacts = try await world.callJSON("GET", "/secure/company/contacts", as: "admin@acme.example").1
        #expect(contacts["supportPhone"] != "+61291112222", "nothing was saved")
    }

    @Test func textIsEscapedEverywhere() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let company = try await world.app.admin.createCompany(NewCompany(name: "<script>alert(1)</script>", accountType: .direct))
        _ = try await world.app.admin.createUser(NewUser(companyId: company, email: "x@xss.example", position: .companyAdmin, password: "long-password"))
        let browser = Browser(world)
        _ = try await browser.signIn("x@xss.example", password: "long-password")
        let page = try await browser.send("GET", "/portal/company")
        #expect(page.status == 200 && page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !page.text.contains("<script>"))
    }

    /// A partner's admin chooses a managed company and the pages show and act for it; no other company.
    @Test func aPartnersAdminActsForAManagedCompany() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let delta = try #require(world.companies["Delta Retail"]), acme = try #require(world.companies["Acme Networks"])
        let partner = Browser(world)
        _ = try await partner.signIn("admin@gamma.example")
        let services = try await partner.send("GET", "/portal/services")
        #expect(services.text.contains("Acting for") && services.text.contains("Delta Retail"), "the partner chooses in the header")
        let csrf = Browser.csrf(services)
        #expect(try await partner.send("POST", "/portal/act", form: [("csrf", csrf), ("company", String(acme))]).status == 404, "not a managed company")
        #expect(try await partner.send("POST", "/portal/act", form: [("csrf", csrf), ("company", String(delta))]).status == 303)
        let company = try await partner.send("GET", "/portal/company")
        #expect(company.text.contains("<td>Delta Retail</td>"), "the pages show the managed company")
        let ordered = try await partner.send("POST", "/portal/order/port", form: [("csrf", csrf), ("name", "Delta edge"), ("locationId", "3"), ("speed", "1000")])
        #expect(ordered.status == 303, "\(ordered)")
        let owner = try await world.sql("SELECT company_id FROM services WHERE name = 'Delta edge'") { $0.int64(0) }
        #expect(owner == [delta], "ordered for the company acted for")
    }

    /// The isolation matrix's portal rows: another company's service and approvals stay out of reach.
    @Test func anotherCompanysServicesAndRequestsAreOutOfReach() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let (approval, vxc) = try await ApprovalTests.request(world)
        let acme = try #require(world.ports["The MEGAPORT at Global Switch"])
        let outsider = Browser(world)
        _ = try await outsider.signIn("admin@gamma.example")
        let services = try await outsider.send("GET", "/portal/services")
        #expect(try await outsider.send("GET", "/portal/services/\(acme)").status == 404)
        let csrf = Browser.csrf(services)
        #expect(try await outsider.send("POST", "/portal/services/\(acme)/cancel", form: [("csrf", csrf), ("confirm", "yes")]).status == 404)
        let accept = try await outsider.send("POST", "/portal/approvals/\(approval)/accept", form: [("csrf", csrf)])
        #expect(accept.status == 404 || accept.status == 403, "\(accept)")
        let readOnly = Browser(world)
        _ = try await readOnly.signIn("readonly@acme.example")
        let company = try await readOnly.send("GET", "/portal/company")
        #expect(company.status == 200 && company.text.contains("Support phone") && !company.text.contains(">Save</button>"), "view without Save")
        let states = try await world.sql("SELECT provisioning_status FROM services WHERE id = \(acme) OR id = \(vxc) ORDER BY id") { $0.string(0) }
        #expect(states == ["LIVE", "PROVISIONING"], "nothing changed")
    }
}
