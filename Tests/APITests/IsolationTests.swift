import JSON
import TestSupport
import Testing

/// Issue 6: two unrelated companies and a partner with a managed company call every endpoint with
/// every other company's ids → 403/404, never their data.
@Suite struct IsolationTests {
    struct Owned {
        let company: String
        let port: Int64
        let portUid: String
        let vxc: Int64
        let user: Int64
        let key: String
        let authorizationKey: String
        let profile: String
    }

    static func receiptId(_ value: JSONValue) -> Int64? {
        if case .array(let f) = value, case .string(let id)? = f.last { return Int64(id) }
        return nil
    }

    /// Two ports, a VXC between them, a user id, a service key, an authorization key (issued by `admin`,
    /// the company's own Company Admin) and a private service profile, all of one company.
    static func own(_ world: APIWorld, _ email: String, admin: String, company: String, companyId: Int64) async throws -> Owned {
        let body = { (n: String) in Blog.port(name: "\(company) \(n)", speed: 10000, companyId: companyId) }
        let a = try #require(receiptId(try await world.callJSON("POST", "/secure/ecommerce/megaport/order", as: email, json: body("a")).1))
        let b = try #require(receiptId(try await world.callJSON("POST", "/secure/ecommerce/megaport/order", as: email, json: body("b")).1))
        let (_, vxc) = try await world.callJSON("POST", "/secure/ecommerce/vxc/order", as: email, json: Blog.vxc(a, b))
        let (_, port) = try await world.callJSON("GET", "/secure/technicalservice/\(a)", as: email)
        let (_, key) = try await world.callJSON("POST", "/secure/servicekeys", as: email, json: #"{"productId": \#(a)}"#)
        let user = try #require(try await world.sql("SELECT id FROM users WHERE company_id = \(companyId) ORDER BY id LIMIT 1") { $0.int64(0) }.first)
        let (_, authorization) = try await world.callJSON("POST", "/secure/company/authorizationkeys", as: admin, json: #"{"label": "x", "actions": ["VIEW"]}"#)
        let (_, profile) = try await world.callJSON("POST", "/secure/serviceprofiles?companyId=\(companyId)", as: email,
                                                    json: #"{"name": "\#(company) private", "portIds": [\#(a)], "visibility": "PRIVATE"}"#)
        guard case .int(let v)? = vxc["vxcJTechnicalServiceId"], case .string(let uid)? = port["uid"], case .string(let k)? = key["key"],
              case .string(let authorizationUid)? = authorization["uid"], case .string(let profileUid)? = profile["uid"] else {
            throw RawClient.ClientError.failed("setup for \(company): \(vxc) \(key) \(authorization) \(profile)")
        }
        return Owned(company: company, port: a, portUid: uid, vxc: v, user: user, key: k, authorizationKey: authorizationUid, profile: profileUid)
    }

    @Test func nobodyReachesAnotherCompanysObjects() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let ids = world.companies
        let callers = [("admin@acme.example", "Acme Networks"), ("admin@betacloud.example", "Beta Cloud"),
                       ("admin@gamma.example", "Gamma Partners"), ("admin@delta.example", "Delta Retail")]
        var owned: [Owned] = []
        for (email, company) in callers {
            let actingEmail = company == "Delta Retail" ? "admin@gamma.example" : email  // the partner orders for its managed company
            owned.append(try await Self.own(world, actingEmail, admin: email, company: company, companyId: try #require(ids[company])))
        }
        _ = try await ApprovalTests.request(world)  // an approval between Acme and Beta only
        let approval = try #require(try await world.sql("SELECT id FROM approvals") { $0.int64(0) }.first)

        var checked = 0
        for (email, caller) in callers {
            for target in owned where target.company != caller && !(caller == "Gamma Partners" && target.company == "Delta Retail") {
                let company = try #require(ids[target.company])
                let attempts: [(String, String, String?)] = [
                    ("GET", "/secure/technicalservice/\(target.port)", nil), ("GET", "/secure/technicalservice/\(target.portUid)", nil),
                    ("GET", "/secure/technicalservice/\(target.vxc)", nil), ("PUT", "/secure/technicalservice/\(target.port)", #"{"name": "mine"}"#),
                    ("PUT", "/secure/technicalservice/\(target.vxc)/speed", #"{"speed": 1}"#), ("POST", "/secure/technicalservice/\(target.vxc)/cancel", nil),
                    ("POST", "/secure/ecommerce/vxc/order", Blog.vxc(target.port, target.port)),
                    ("POST", "/secure/ecommerce/ix/order", IXOrderTests.ix(target.port)),
                    ("POST", "/secure/ecommerce/megaport/order", Blog.port(companyId: company)),
                    ("GET", "/secure/company/contacts?companyId=\(company)", nil), ("PUT", "/secure/company/contacts?companyId=\(company)", #"{"supportEmail": "a@b.example"}"#),
                    ("PUT", "/secure/company/billing-market?companyId=\(company)", #"{"billingMarket": "AU"}"#),
                    ("GET", "/secure/company/users?companyId=\(company)", nil), ("PUT", "/secure/company/users/\(target.user)", #"{"active": false}"#),
                    ("GET", "/secure/company/users/\(target.user)/notifications", nil),
                    ("PUT", "/secure/company/users/\(target.user)/notifications", #"[{"group": "ORDERING", "subscribed": false}]"#),
                    ("GET", "/secure/servicekeys?productIdOrUid=\(target.port)", nil), ("GET", "/secure/servicekeys?key=\(target.key)", nil),
                    ("PUT", "/secure/servicekeys", #"{"key": "\#(target.key)", "active": false}"#), ("POST", "/secure/servicekeys", #"{"productId": \#(target.port)}"#),
                    ("DELETE", "/secure/company/authorizationkeys/\(target.authorizationKey)", nil),
                    ("GET", "/secure/serviceprofiles/\(target.profile)", nil), ("PUT", "/secure/serviceprofiles/\(target.profile)", #"{"name": "mine"}"#),
                    ("DELETE", "/secure/serviceprofiles/\(target.profile)", nil), ("GET", "/secure/serviceprofiles?companyId=\(company)", nil),
                    ("POST", "/secure/serviceprofiles?companyId=\(company)", #"{"name": "mine", "portIds": [\#(target.port)]}"#),
                    ("GET", "/secure/company/\(company)/subaccount", nil), ("PUT", "/secure/company/\(company)/subaccount", #"{"actions": []}"#),
                    ("PUT", "/secure/company/\(company)/assignedports", #"{"portIds": []}"#),
                ]
                for (method, path, body) in attempts {
                    let response = try await world.call(method, path, as: email, json: body)
                    // Messages may echo the id the caller sent; anything else of the target's is a leak.
                    let leaked = response.text.contains("\(target.company) a") || response.text.contains(target.company)
                    let emptyList = response.status == 200 && response.text.hasPrefix("[]")
                    #expect(([403, 404].contains(response.status) || emptyList) && !leaked, "\(caller) \(method) \(path) → \(response.status) \(response.text.prefix(120))")
                    checked += 1
                }
            }
            if !["Acme Networks", "Beta Cloud"].contains(caller) {
                for action in ["accept", "deny", "withdraw"] {
                    let response = try await world.call("POST", "/secure/approvals/\(approval)/\(action)", as: email, json: #"{"comment": "x"}"#)
                    #expect(response.status == 404, "\(caller) \(action) another pair's approval → \(response.status)")
                }
                let (_, list) = try await world.callJSON("GET", "/secure/approvals?role=requester", as: email)
                #expect(list == [], "\(caller) lists no one else's approvals")
            }
        }
        #expect(checked >= 3 * 4 * 29 - 90, "the matrix ran: \(checked) calls")
        let untouched = try await world.sql("SELECT count(*) FROM services WHERE name = 'mine'") { $0.int(0) }
        #expect(untouched == [0])
    }

    @Test func injectionStringsAreDataNeverSQL() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let catalogue = TempDatabase.onPostgres ? "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()"
            : "SELECT count(*) FROM sqlite_master"
        let tables = try await world.sql(catalogue) { $0.int(0) }
        let hostile = ["Robert'); DROP TABLE services;--", "\" OR 1=1 --", "x' UNION SELECT password_hash FROM users --", "%' OR '%'='"]
        let port = try #require(world.ports["The MEGAPORT at Global Switch"]), beta = try #require(world.ports["Beta Cloud Sydney (Equinix SY1)"])
        for text in hostile {
            let json = String(decoding: JSONWriter.bytes(.string(text)), as: UTF8.self)
            #expect(try await world.call("POST", "/secure/ecommerce/megaport/order", as: "admin@acme.example", json: Blog.port(name: text.replacingQuotes)).status == 200)
            #expect(try await world.call("PUT", "/secure/technicalservice/\(port)", as: "admin@acme.example", json: #"{"name": \#(json)}"#).status == 200)
            let (_, order) = try await world.callJSON("POST", "/secure/ecommerce/vxc/order", as: "admin@acme.example", json: Blog.vxc(port, beta, extra: #", "serviceName": \#(json)"#))
            #expect(order["name"] == .string(text), "stored verbatim")
            _ = try await world.call("POST", "/secure/company/users", as: "admin@acme.example",
                                     json: #"{"email": \#(json), "position": "Read Only", "password": "long-password", "firstName": \#(json)}"#)
            _ = try await world.call("PUT", "/secure/marketplace/profile", as: "admin@acme.example", json: #"{"name": \#(json), "description": \#(json)}"#)
            _ = try await world.call("POST", "/secure/servicekeys", as: "admin@acme.example", json: #"{"productId": \#(port), "description": \#(json)}"#)
            _ = try await world.call("GET", "/v2/locations?metro=\(text.percentEncoded)&country=\(text.percentEncoded)", as: "admin@acme.example")
            _ = try await world.request("POST", "/v2/login", headers: ["Content-Type": "application/json"],
                                        body: #"{"username": \#(json), "password": \#(json)}"#)
            _ = try await world.call("GET", "/secure/technicalservice/\(text.percentEncoded)", as: "admin@acme.example")
        }
        #expect(try await world.sql(catalogue) { $0.int(0) } == tables, "no table dropped or added")
        if !TempDatabase.onPostgres { #expect(try await world.sql("PRAGMA integrity_check") { $0.string(0) } == ["ok"]) }
        #expect(try await world.sql("SELECT count(*) FROM users WHERE email LIKE '%DROP%'") { $0.int(0) } == [0], "hostile emails are rejected by validation")
    }
}

extension String {
    /// The text without double quotes, safe to paste into a JSON string literal in a test body.
    var replacingQuotes: String { filter { $0 != "\"" } }

    /// Percent-encodes everything but unreserved characters.
    var percentEncoded: String {
        utf8.map { byte in
            let c = Character(UnicodeScalar(byte))
            return c.isLetter && c.isASCII || c.isNumber && c.isASCII || "-._~".contains(c) ? String(c) : String(format: "%%%02X", byte)
        }.joined()
    }
}
