import Domain
import JSON
import TestSupport
import Testing

/// API.md §2, §9 over HTTP: support contacts, billing market, the order gate, users, partners.
@Suite struct AccountTests {
    @Test func supportContactsValidateNormaliseNotifyAndCannotBeDeleted() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let (status, contacts) = try await world.callJSON("GET", "/secure/company/contacts", as: "readonly@acme.example")
        #expect(status == 200 && contacts["supportPhone"] == "+61290000000" && contacts["editable"] == false)
        #expect(contacts["accountManagerEmail"] == "account.manager@megaport.example" && contacts["required"] == false && contacts["displayed"] == true)
        let (saved, after) = try await world.callJSON("PUT", "/secure/company/contacts", as: "admin@acme.example",
                                                      json: #"{"supportPhone": "02 9000 1234", "supportEmail": "noc@acme.example"}"#)
        #expect(saved == 200 && after["supportPhone"] == "+61290001234" && after["supportEmail"] == "noc@acme.example", "normalised to E.164")
        let cases: [(String, String, String)] = [
            (#"{"supportPhone": "+1 206 555 0100"}"#, "supportPhone", "must be an AU number: +61 followed by 9 digits"),
            (#"{"supportEmail": "noc@elsewhere.example"}"#, "supportEmail", "must be on acme.example, the domain of the account's sign-up email"),
            (#"{"supportEmail": "not an email"}"#, "supportEmail", "must be a well-formed email address"),
            (#"{"accountManagerEmail": "me@acme.example"}"#, "accountManagerEmail", "is read-only: Megaport sets it"),
        ]
        for (body, field, message) in cases {
            let (code, json) = try await world.callJSON("PUT", "/secure/company/contacts", as: "admin@acme.example", json: body)
            #expect(code == 422 && json["data"]?["errors"] == [["field": .string(field), "message": .string(message)]], "\(body): \(json)")
        }
        #expect(try await world.callJSON("PUT", "/secure/company/contacts", as: "techadmin@acme.example", json: #"{"supportEmail": "x@acme.example"}"#).0 == 403)
        let delete = try await world.call("DELETE", "/secure/company/contacts", as: "admin@acme.example")
        let deleteMessage = try APIWorld.json(delete)["message"]
        #expect(delete.status == 405 && deleteMessage == "support contact details can be edited but not deleted")
        #expect(delete.header("Allow") == "GET, HEAD, PUT, OPTIONS")
        let notified = try await world.sql("SELECT o.recipient FROM outbox o JOIN emails e ON e.id = o.email_id WHERE e.event = 'support_contacts_changed'") { $0.string(0) }
        #expect(notified == ["admin@acme.example"], "the company's Company Admins (COMPANY group)")
        #expect(try await world.sql("SELECT count(*) FROM audit_events WHERE action = 'support_contacts'") { $0.int(0) } == [1])
    }

    @Test func theOrderGateOpensWhenPhoneEmailAndMarketAreSet() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        var company = NewCompany(name: "Newco", accountType: .direct)
        company.signupEmail = "founder@newco.example"
        let id = try await world.app.admin.createCompany(company)
        _ = try await world.app.admin.createUser(NewUser(companyId: id, email: "founder@newco.example", position: .companyAdmin, password: "long-password"))
        let token = try await world.app.auth.issueToken(email: "founder@newco.example")
        let headers = ["X-Auth-Token": token, "Content-Type": "application/json"]
        func call(_ method: String, _ path: String, _ body: String) async throws -> (Int, JSONValue) {
            let response = try await world.request(method, path, headers: headers, body: body)
            return (response.status, try APIWorld.json(response))
        }
        let (blocked, gate) = try await call("POST", "/secure/ecommerce/megaport/order", Blog.port())
        #expect(blocked == 403 && gate["data"]?["missing"] == ["supportPhone", "supportEmail", "billingMarket"])
        let (noMarket, nm) = try await call("PUT", "/secure/company/contacts", #"{"supportPhone": "+61 2 9000 1111"}"#)
        #expect(noMarket == 422 && nm["data"]?["code"] == "billing_market_required")
        #expect(try await call("PUT", "/secure/company/billing-market", #"{"billingMarket": "ZZ"}"#).0 == 422)
        #expect(try await call("PUT", "/secure/company/billing-market", #"{"billingMarket": "AU"}"#).0 == 200)
        #expect(try await call("POST", "/secure/ecommerce/megaport/order", Blog.port()).1["data"]?["missing"] == ["supportPhone", "supportEmail"])
        #expect(try await call("PUT", "/secure/company/contacts", #"{"supportPhone": "+61 2 9000 1111"}"#).0 == 200)
        #expect(try await call("POST", "/secure/ecommerce/megaport/order", Blog.port()).1["data"]?["missing"] == ["supportEmail"])
        #expect(try await call("PUT", "/secure/company/contacts", #"{"supportEmail": "support@newco.example"}"#).0 == 200)
        #expect(try await call("POST", "/secure/ecommerce/megaport/order", Blog.port()).0 == 200, "open exactly when all three are set")
        let (market, m) = try await call("PUT", "/secure/company/billing-market", #"{"billingMarket": "US"}"#)
        #expect(market == 422 && m["data"]?["errors"]?.typeName == "an array", "the AU phone does not fit US")
        #expect(try await call("PUT", "/secure/company/billing-market", #"{"billingMarket": "US", "supportPhone": "(206) 555-0100"}"#).0 == 200)
    }

    @Test func companyAdminsManageUsersAndDeactivationIsImmediate() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let (listed, users) = try await world.callJSON("GET", "/secure/company/users", as: "admin@acme.example")
        if case .array(let all) = users { #expect(listed == 200 && all.count == 6) }
        #expect(try await world.callJSON("GET", "/secure/company/users", as: "techadmin@acme.example").0 == 403)
        let (created, user) = try await world.callJSON("POST", "/secure/company/users", as: "admin@acme.example",
            json: #"{"firstName": "Nina", "lastName": "New", "email": "nina@acme.example", "position": "Technical Contact", "password": "long-password"}"#)
        #expect(created == 201 && user["position"] == "Technical Contact" && user["active"] == true)
        guard case .int(let nina)? = user["id"] else { return }
        let token = try await world.app.auth.issueToken(email: "nina@acme.example")
        #expect(try await world.request("GET", "/v2/locations", headers: ["X-Auth-Token": token]).status == 200)  // now cached
        #expect(try await world.callJSON("PUT", "/secure/company/users/\(nina)", as: "admin@acme.example", json: #"{"active": false}"#).0 == 200)
        #expect(try await world.request("GET", "/v2/locations", headers: ["X-Auth-Token": token]).status == 401, "tokens stop at once")
        #expect(try await world.callJSON("PUT", "/secure/company/users/\(nina)", as: "admin@acme.example", json: #"{"active": true}"#).0 == 200)
        #expect(try await world.request("GET", "/v2/locations", headers: ["X-Auth-Token": token]).status == 401, "and stay revoked")

        let admin = try #require(try await world.sql("SELECT id FROM users WHERE email = 'admin@acme.example'") { $0.int64(0) }.first)
        let (last, l) = try await world.callJSON("PUT", "/secure/company/users/\(admin)", as: "admin@acme.example", json: #"{"position": "Read Only"}"#)
        #expect(last == 409 && l["data"]?["code"] == "last_company_admin")
        #expect(try await world.callJSON("PUT", "/secure/company/users/\(admin)", as: "admin@betacloud.example", json: #"{"active": false}"#).0 == 404)
        #expect(try await world.callJSON("POST", "/secure/company/users", as: "admin@acme.example",
                                         json: #"{"email": "x@acme.example", "position": "Boss", "password": "long-password"}"#).0 == 422)
    }

    @Test func partnersActForManagedCompaniesAndNobodyElseCrosses() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let delta = try #require(world.companies["Delta Retail"]), gamma = try #require(world.companies["Gamma Partners"])
        let (seen, contacts) = try await world.callJSON("GET", "/secure/company/contacts?companyId=\(delta)", as: "admin@gamma.example")
        #expect(seen == 200 && contacts["editable"] == true && contacts["required"] == false && contacts["displayed"] == false)
        #expect(try await world.callJSON("PUT", "/secure/company/contacts?companyId=\(delta)", as: "admin@gamma.example",
                                         json: #"{"supportEmail": "help@delta.example"}"#).0 == 200)
        #expect(try await world.callJSON("GET", "/secure/company/contacts?companyId=\(delta)", as: "techadmin@gamma.example").0 == 403)
        let (own, mine) = try await world.callJSON("GET", "/secure/company/contacts", as: "admin@delta.example")
        #expect(own == 200 && mine["editable"] == false, "managed by its partner: view only")
        #expect(try await world.callJSON("GET", "/secure/company/users?companyId=\(delta)", as: "admin@gamma.example").0 == 200)
        #expect(try await world.callJSON("GET", "/secure/company/contacts?companyId=\(gamma)", as: "admin@delta.example").0 == 404)
        #expect(try await world.callJSON("GET", "/secure/company/contacts?companyId=\(delta)", as: "admin@acme.example").0 == 404)
        #expect(try await world.callJSON("GET", "/secure/company/users?companyId=\(delta)", as: "admin@acme.example").0 == 404)
    }
}
