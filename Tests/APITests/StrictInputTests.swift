import JSON
import TestSupport
import Testing

/// Hardening round two, findings 3 and 5: text is never cut short, and look-alike input is refused.
@Suite struct StrictInputTests {
    static func field(_ body: JSONValue) -> JSONValue? {
        guard case .array(let errors)? = body["data"]?["errors"], let first = errors.first else { return nil }
        return first["field"]
    }

    /// A NUL in a password is refused (it would cut the password at the NUL), so `pass` alone never logs
    /// in; control characters in names are refused rather than stored cut short.
    @Test func textIsStoredWholeOrRefused() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let user = #"{"email": "nul@acme.example", "position": "Read Only", "password": "pass\u0000word-long", "firstName": "N", "lastName": "U"}"#
        let (created, body) = try await world.callJSON("POST", "/secure/company/users", as: "admin@acme.example", json: user)
        #expect(created == 422 && Self.field(body) == "password", "\(body)")
        let form = ["Content-Type": "application/x-www-form-urlencoded"]
        #expect(try await world.request("POST", "/v2/login", headers: form, body: "username=nul%40acme.example&password=pass").status == 401)
        for name in [#"vis\u0000ible"#, #"two\r\nlines"#, #"zero\u200Bwidth"#] {
            let (status, error) = try await world.callJSON("POST", "/secure/ecommerce/megaport/order", as: "admin@acme.example",
                                                           json: Blog.port(name: name))
            #expect(status == 422 && Self.field(error) == "serviceName", "\(name): \(error)")
        }
        let stored = try await world.sql("SELECT count(*) FROM services WHERE name LIKE 'vis%'") { $0.int(0) }
        #expect(stored == [0])
    }

    @Test func lookAlikesAreRefused() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let port = try #require(world.ports["The MEGAPORT at Global Switch"])
        let fullWidthMAC = #"{"megaPortNsId": "\#(port)", "ixProvItem": {"networkServiceType": "Sydney IX", "asn": 65000, "macAddress": "００:11:22:33:44:55", "rateLimit": 500, "vlan": 2000}}"#
        let (mac, macBody) = try await world.callJSON("POST", "/secure/ecommerce/ix/order", as: "admin@acme.example", json: fullWidthMAC)
        #expect(mac == 422 && Self.field(macBody) == "ixProvItem.macAddress", "\(macBody)")
        for email in ["аdmin2@acme.example", "zero\u{200B}width@acme.example", "ｆull@acme.example", "a@acme.e"] {
            let json = #"{"email": "\#(email)", "position": "Read Only", "password": "long-enough-1", "firstName": "L", "lastName": "A"}"#
            let (status, body) = try await world.callJSON("POST", "/secure/company/users", as: "admin@acme.example", json: json)
            #expect(status == 422 && Self.field(body) == "email", "\(email): \(body)")
            let (contact, contactBody) = try await world.callJSON("PUT", "/secure/company/contacts", as: "admin@acme.example",
                                                                  json: #"{"supportEmail": "\#(email)"}"#)
            #expect(contact == 422 && Self.field(contactBody) == "supportEmail", "\(email): \(contactBody)")
        }
        for id in ["+\(port)", "0\(port)"] {
            #expect(try await world.call("GET", "/secure/technicalservice/\(id)", as: "admin@acme.example").status == 404, "\(id)")
        }
        let company = try #require(world.companies["Acme Networks"])
        for (extra, status) in [(#", "companyId": "+\#(company)""#, 400), (#", "companyId": "0\#(company)""#, 400),
                                (#", "productType": """#, 422), (#", "customerRequestDate": "2014-12-29T14:00:00+99:99""#, 422)] {
            let body = #"{"serviceName": "x", "megaPortProvItem": {"speed": 10000, "location_id": 3}\#(extra)}"#
            #expect(try await world.call("POST", "/secure/ecommerce/megaport/order", as: "admin@acme.example", json: body).status == status,
                    "\(extra)")
        }
        // One number in JSON's data model: 1e4 and 10000.0 are 10000 (as JSON Schema's integer says); a fraction is not.
        for (speed, status) in [("1e4", 200), ("10000.0", 200), ("10000.5", 400)] {
            let body = #"{"serviceName": "x\#(status)", "megaPortProvItem": {"speed": \#(speed), "location_id": 3}}"#
            #expect(try await world.call("POST", "/secure/ecommerce/megaport/order", as: "admin@acme.example", json: body).status == status,
                    "\(speed)")
        }
        let offset = #"{"serviceName": "x", "megaPortProvItem": {"speed": 10000, "location_id": 3}, "customerRequestDate": "2014-12-29T14:00:00+10:00"}"#
        #expect(try await world.call("POST", "/secure/ecommerce/megaport/order", as: "admin@acme.example", json: offset).status == 200)
    }

    /// Finding 6: adding a user gives away nothing about other tenants' users and cannot squat on
    /// another tenant's domain.
    @Test func tenantsCannotProbeOrSquatOnEachOthersUsers() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        func add(_ email: String) async throws -> (Int, JSONValue) {
            try await world.callJSON("POST", "/secure/company/users", as: "admin@betacloud.example",
                                     json: #"{"email": "\#(email)", "position": "Read Only", "password": "long-enough-1", "firstName": "P", "lastName": "Q"}"#)
        }
        let (existing, existingBody) = try await add("admin@acme.example")
        let (absent, absentBody) = try await add("nobody-here@acme.example")
        #expect(existing == 409 && absent == 409, "\(existing) \(absent)")
        #expect(existingBody["data"]?["code"] == "email_unavailable" && absentBody["data"]?["code"] == "email_unavailable")
        #expect(existingBody["message"] == "admin@acme.example cannot be added to this company")
        #expect(absentBody["message"] == "nobody-here@acme.example cannot be added to this company", "the same words either way")
        #expect(try await add("new.person@betacloud.example").0 == 201, "its own domain")
        #expect(try await add("someone@elsewhere.example").0 == 201, "a domain no company signed up with")
    }
}
