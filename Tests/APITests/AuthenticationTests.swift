import JSON
import TestSupport
import Testing

/// API.md §1–2 over HTTP: the three ways to present a token, 401 with the envelope, login and logout.
@Suite struct AuthenticationTests {
    @Test func aTokenWorksInTheQueryTheHeaderAndAsBearer() async throws {
        let world = try await APIWorld.shared.value
        let token = try #require(world.tokens["readonly@acme.example"])
        let viaQuery = try await world.request("GET", "/secure/dropdowns/locations?token=\(token)")
        let viaHeader = try await world.request("GET", "/secure/dropdowns/locations", headers: ["X-Auth-Token": token])
        let viaBearer = try await world.request("GET", "/secure/dropdowns/locations", headers: ["Authorization": "Bearer \(token)"])
        for response in [viaQuery, viaHeader, viaBearer] { #expect(response.status == 200) }
        #expect(viaQuery.text == viaHeader.text && viaHeader.text == viaBearer.text)
    }

    @Test(arguments: [nil, "00000000-0000-4000-8000-000000000000", "garbage", "Robert'); DROP TABLE tokens;--"])
    func missingOrUnknownTokensAre401WithTheEnvelope(_ token: String?) async throws {
        let world = try await APIWorld.shared.value
        let response = try await world.request("GET", "/secure/dropdowns/locations", headers: token.map { ["X-Auth-Token": $0] } ?? [:])
        #expect(response.status == 401)
        #expect(response.header("WWW-Authenticate")?.hasPrefix("Bearer") == true)
        #expect(response.header("Content-Type") == "application/json")
        let body = try APIWorld.json(response)
        #expect(body["data"]?["code"] == "unauthorized")
        #expect(body["terms"] != nil && body["message"] != nil)
        #expect(body["data"]?["traceId"] == .string(response.header("Trace-Id")), "the trace id is echoed in the body")
    }

    @Test func loginWithAFormOrJSONAndUseTheToken() async throws {
        let world = try await APIWorld.shared.value
        let form = try await world.request("POST", "/v2/login", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                           body: "username=techadmin%40acme.example&password=megaport-demo")
        #expect(form.status == 200)
        let data = try APIWorld.json(form)["data"]
        guard case .string(let token)? = data?["session"] else { Issue.record("no session in \(form)"); return }
        #expect(data?["token"] == .string(token), "data.session and data.token are both the token")
        #expect(data?["position"] == "Technical Admin")
        #expect(try await world.request("GET", "/v2/locations", headers: ["X-Auth-Token": token]).status == 200)

        let json = try await world.request("POST", "/v2/login", headers: ["Content-Type": "application/json"],
                                           body: #"{"username": "admin@acme.example", "password": "megaport-demo"}"#)
        #expect(json.status == 200)
        let query = try await world.request("POST", "/v2/login?username=admin@acme.example&password=megaport-demo")
        #expect(query.status == 200, "legacy clients send the credentials in the query")
    }

    @Test func badLoginsSayWhatIsWrong() async throws {
        let world = try await APIWorld.shared.value
        let form = ["Content-Type": "application/x-www-form-urlencoded"]
        let wrong = try await world.request("POST", "/v2/login", headers: form, body: "username=admin%40acme.example&password=nope-nope")
        #expect(wrong.status == 401)
        let missing = try await world.request("POST", "/v2/login", headers: form, body: "username=admin%40acme.example")
        #expect(missing.status == 422)
        #expect(try APIWorld.json(missing)["data"]?["errors"] == [["field": "password", "message": "is required"]])
        let text = try await world.request("POST", "/v2/login", headers: ["Content-Type": "text/plain"], body: "hello")
        #expect(text.status == 415)
        let broken = try await world.request("POST", "/v2/login", headers: ["Content-Type": "application/json"], body: #"{"username": "#)
        let brokenCode = try APIWorld.json(broken)["data"]?["code"]
        #expect(broken.status == 400 && brokenCode == "malformed_json")
        let typed = try await world.request("POST", "/v2/login", headers: ["Content-Type": "application/json"],
                                            body: #"{"username": 5, "password": "x"}"#)
        let typedErrors = try APIWorld.json(typed)["data"]?["errors"]
        #expect(typed.status == 400 && typedErrors == [["field": "username", "message": "must be a string"]], "wrong types are 400 naming the field")
    }

    @Test func logoutRevokesTheTokenAtOnce() async throws {
        let world = try await APIWorld.shared.value
        let token = try await world.app.auth.issueToken(email: "finance@acme.example")
        #expect(try await world.request("GET", "/v2/locations?token=\(token)").status == 200)
        #expect(try await world.request("GET", "/v2/logout", headers: ["X-Auth-Token": token]).status == 200)
        #expect(try await world.request("GET", "/v2/locations?token=\(token)").status == 401)

        let other = try await world.app.auth.issueToken(email: "finance@acme.example")
        #expect(try await world.request("GET", "/v2/logout/\(other)").status == 200)
        #expect(try await world.request("GET", "/v2/locations", headers: ["Authorization": "Bearer \(other)"]).status == 401)
    }

    /// Hardening round two, finding 4: HEAD and OPTIONS never log anyone out, POST does as GET does, and
    /// a token in a logout path never reaches the log.
    @Test func logoutOnlyOnGetOrPostAndNeverLogged() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let token = try await world.app.auth.issueToken(email: "finance@acme.example")
        let head = try await world.request("HEAD", "/v2/logout/\(token)")
        #expect(head.status == 405 && head.header("Allow") == "GET, POST, OPTIONS", "\(head.status) \(head.header("Allow") ?? "")")
        #expect(try await world.request("OPTIONS", "/v2/logout/\(token)").status == 204)
        #expect(try await world.request("HEAD", "/v2/logout", headers: ["X-Auth-Token": token]).status == 405)
        #expect(try await world.request("GET", "/v2/locations?token=\(token)").status == 200, "still valid after HEAD and OPTIONS")
        #expect(try await world.request("POST", "/v2/logout/\(token)").status == 200)
        #expect(try await world.request("GET", "/v2/locations?token=\(token)").status == 401, "POST logs out")
        let log = try world.logText()
        #expect(!log.contains(token), "the token is not in the log")
        #expect(log.contains(#""path":"/v2/logout/<redacted>""#))
    }

    /// Hardening round two, finding 1: before authentication, cost stays linear and small. A login body of
    /// 64,000 members is refused at once: over the open routes' 16 KiB limit (413), and an object over
    /// 1,000 members would be refused while parsing.
    @Test func openRoutesTakeSmallBodiesOnly() async throws {
        let world = try await APIWorld.shared.value
        let members = (0..<64_000).map { "\"k\($0)\":1" }.joined(separator: ",")
        let big = try await world.request("POST", "/v2/login", headers: ["Content-Type": "application/json"], body: "{" + members + "}")
        let bigBody = try APIWorld.json(big)
        #expect(big.status == 413 && bigBody["data"]?["code"] == "body_too_large")
        let many = "{" + (0..<1_500).map { "\"k\($0)\":1" }.joined(separator: ",") + "}"
        #expect(many.utf8.count < 16 * 1024)
        let parsed = try await world.request("POST", "/v2/login", headers: ["Content-Type": "application/json"], body: many)
        #expect(parsed.status == 400, "more than 1,000 members in one object")
    }

    /// megaLib logs in with the credentials in the query, no body, and `oneTimePassword=0` (or empty) for
    /// a user without one; it also re-reads a session with `POST /v2/login/{token}`.
    @Test func loginAsMegaLibSendsIt() async throws {
        let world = try await APIWorld.shared.value
        for otp in ["0", ""] {
            let response = try await world.request("POST", "/v2/login?username=techcontact%40acme.example&password=megaport-demo&oneTimePassword=\(otp)",
                                                   headers: ["Content-Type": "application/json"])
            let body = try APIWorld.json(response)
            #expect(response.status == 200 && body["data"]?["session"] != nil && body["data"]?["session"] == body["data"]?["token"], "\(body)")
        }
        let token = try world.token("techcontact@acme.example")
        let again = try APIWorld.json(try await world.request("POST", "/v2/login/\(token)"))
        #expect(again["data"]?["token"] == .string(token) && again["data"]?["username"] == "techcontact@acme.example")
        #expect(try await world.request("POST", "/v2/login/00000000-0000-4000-8000-000000000000").status == 401)
    }
}
