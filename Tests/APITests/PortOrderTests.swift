import Domain
import JSON
import TestSupport
import Testing

/// API.md §4: ordering ports.
@Suite struct PortOrderTests {
    static let orderPath = "/secure/ecommerce/megaport/order"

    @Test func theBlogPortOrderWorksVerbatim() async throws {
        let world = try await APIWorld()
        defer { world.remove() }
        let acme = try #require(world.companies["Acme Networks"])
        let response = try await world.call("POST", Self.orderPath, as: "admin@acme.example", json: Blog.portOrder(companyId: acme))
        #expect(response.status == 200)
        guard case .array(let fields) = try APIWorld.json(response), fields.count == 3, case .string(let id) = fields[2] else {
            Issue.record("not [status, name, id]: \(response)"); return
        }
        #expect(fields[0] == "OK" && fields[1] == "Test Service")
        // "Resources are also allocated right away" (the blog).
        let (status, port) = try await world.callJSON("GET", "/secure/technicalservice/\(id)", as: "admin@acme.example")
        #expect(status == 200)
        #expect(port["productType"] == "MEGAPORT" && port["speed"] == 10000 && port["locationId"] == 3)
        #expect(port["resources"]?["interface"]?["port_speed"] == 10000)
        #expect(port["provisioningStatus"] == "CONFIGURED" || port["provisioningStatus"] == "LIVE")
        try await world.app.provisioning.advance()
        let (_, later) = try await world.callJSON("GET", "/secure/technicalservice/\(id)", as: "admin@acme.example")
        #expect(later["provisioningStatus"] == "LIVE", "the provisioning stage makes it LIVE")
        let audit = try await world.sql("SELECT action FROM audit_events WHERE entity = 'service' AND entity_id = \(id) ORDER BY id") { $0.string(0) }
        #expect(audit == ["order", "live"], "every state change is audited")
    }

    @Test(arguments: [
        (#"{"serviceName": "x", "megaPortProvItem": {"speed": 2500, "location_id": 3}}"#, 422, "megaPortProvItem.speed"),
        (#"{"megaPortProvItem": {"speed": 1000, "location_id": 3}}"#, 422, "serviceName"),
        (#"{"serviceName": "", "megaPortProvItem": {"speed": 1000, "location_id": 3}}"#, 422, "serviceName"),
        (#"{"serviceName": "x", "megaPortProvItem": {"speed": 1000, "location_id": 999}}"#, 422, "megaPortProvItem.location_id"),
        (#"{"serviceName": "x", "megaPortProvItem": {"speed": 1000}}"#, 422, "megaPortProvItem.location_id"),
        (#"{"serviceName": "x"}"#, 422, "megaPortProvItem"),
        (#"{"serviceName": "x", "megaPortProvItem": {"speed": "fast", "location_id": 3}}"#, 400, "megaPortProvItem.speed"),
        (#"{"serviceName": "x", "megaPortProvItem": {"speed": true, "location_id": 3}}"#, 400, "megaPortProvItem.speed"),
        (#"{"serviceName": "x", "productType": "VXC", "megaPortProvItem": {"speed": 1000, "location_id": 3}}"#, 422, "productType"),
        (#"{"serviceName": "x", "customerRequestDate": "yesterday", "megaPortProvItem": {"speed": 1000, "location_id": 3}}"#, 422, "customerRequestDate"),
        (#"{"serviceName": "x", "megaPortProvItem": {"speed": 1000, "location_id": 3}, "ixProvItem": {"networkServiceType": "Sydney IX", "asn": 0, "macAddress": "00:11:22:33:44:55", "rateLimit": 100}}"#, 422, "ixProvItem.asn"),
    ])
    func badPortOrdersNameTheFieldAndTheRule(_ body: String, _ status: Int, _ field: String) async throws {
        let world = try await APIWorld.shared.value
        let (code, json) = try await world.callJSON("POST", Self.orderPath, as: "admin@acme.example", json: body)
        #expect(code == status, "\(body)")
        guard case .array(let errors)? = json["data"]?["errors"] else { Issue.record("no field errors: \(json)"); return }
        #expect(errors.contains { $0["field"] == .string(field) }, "\(errors)")
    }

    @Test func positionsAndCompaniesAreChecked() async throws {
        let world = try await APIWorld.shared.value
        for email in ["readonly@acme.example", "techcontact@acme.example", "fincontact@acme.example"] {
            let (status, json) = try await world.callJSON("POST", Self.orderPath, as: email, json: Blog.port())
            #expect(status == 403 && json["data"]?["code"] == "position_not_allowed", "\(email)")
        }
        let aws = try #require(world.companies["Amazon Web Services"])
        let (status, _) = try await world.callJSON("POST", Self.orderPath, as: "admin@acme.example", json: Blog.port(companyId: aws))
        #expect(status == 404, "another company is not found, never revealed")
        let (direct, json) = try await world.callJSON("POST", Self.orderPath, as: "admin@acme.example",
                                                      json: #"{"productType": "MEGADIRECT", "serviceName": "d", "megaPortProvItem": {"speed": 1000, "location_id": 3}}"#)
        #expect(direct == 403 && json["data"]?["code"] == "megadirect_partners_only")
        let text = try await world.call("POST", Self.orderPath, as: "admin@acme.example", json: Blog.port(), headers: ["Content-Type": "text/plain"])
        #expect(text.status == 415)
    }

    @Test func aPartnerOrdersForItsManagedCompanyAndNobodyElseCrosses() async throws {
        let world = try await APIWorld()
        defer { world.remove() }
        let delta = try #require(world.companies["Delta Retail"]), gamma = try #require(world.companies["Gamma Partners"])
        let (status, receipt) = try await world.callJSON("POST", Self.orderPath, as: "techadmin@gamma.example",
                                                          json: Blog.port(name: "Delta port", speed: 1000, companyId: delta))
        #expect(status == 200, "\(receipt)")
        guard case .array(let fields) = receipt, case .string(let id)? = fields.last else { return }
        let (_, port) = try await world.callJSON("GET", "/secure/technicalservice/\(id)", as: "admin@delta.example")
        #expect(port["companyId"] == .int(delta), "the managed company owns it and sees it")
        let (mine, _) = try await world.callJSON("GET", "/secure/technicalservice/\(id)", as: "admin@acme.example")
        #expect(mine == 404)
        let (up, _) = try await world.callJSON("POST", Self.orderPath, as: "admin@delta.example", json: Blog.port(companyId: gamma))
        #expect(up == 404, "a managed company never acts for its partner")
    }

    @Test func aNewDirectAccountMustFinishSetupBeforeOrdering() async throws {
        let world = try await APIWorld()
        defer { world.remove() }
        let company = try await world.app.admin.createCompany(NewCompany(name: "Fresh Pty Ltd", accountType: .direct))
        _ = try await world.app.admin.createUser(NewUser(companyId: company, email: "ops@fresh.example", position: .companyAdmin, password: "long-password"))
        let token = try await world.app.auth.issueToken(email: "ops@fresh.example")
        let order = { (body: String) in try await world.request("POST", Self.orderPath, headers: ["X-Auth-Token": token, "Content-Type": "application/json"], body: body) }
        let gated = try await order(Blog.port())
        #expect(gated.status == 403)
        let body = try APIWorld.json(gated)
        #expect(body["data"]?["code"] == "account_setup_incomplete")
        #expect(body["data"]?["missing"] == ["supportPhone", "supportEmail", "billingMarket"])
        #expect(try await order(Blog.port(speed: 5)).status == 422, "validation still answers before the gate")
        try await world.app.db.write { conn in
            try conn.execute("UPDATE companies SET billing_market = 'AU' WHERE id = ?", company)
            try conn.execute("INSERT INTO support_contacts (company_id, phone, email, updated_date) VALUES (?, '+61299998888', 'noc@fresh.example', 1)", company)
        }
        #expect(try await order(Blog.port()).status == 200, "the gate opens once phone, email and market are set")
    }

    @Test func portsWaitForCapacityAndGetItFirstComeFirstServed() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        var ids: [String] = []
        for n in 1...6 {  // location 3 has four 100G interfaces
            let (status, receipt) = try await world.callJSON("POST", Self.orderPath, as: "admin@acme.example", json: Blog.port(name: "big \(n)", speed: 100000))
            #expect(status == 200, "a valid order is always accepted")
            if case .array(let f) = receipt, case .string(let id)? = f.last { ids.append(id) }
        }
        func status(_ id: String) async throws -> JSONValue? { try await world.callJSON("GET", "/secure/technicalservice/\(id)", as: "admin@acme.example").1["provisioningStatus"] }
        let (_, waiting) = try await world.callJSON("GET", "/secure/technicalservice/\(ids[4])", as: "admin@acme.example")
        #expect(waiting["provisioningStatus"] == "PROVISIONING" && waiting["resources"] == [:], "no interface: PROVISIONING, empty resources")
        #expect(try await world.app.admin.addInterfaces(locationId: 3, speed: 100000, count: 1) == 1)
        let fifth = try await status(ids[4]), sixth = try await status(ids[5])
        #expect(fifth == "CONFIGURED" && sixth == "PROVISIONING", "the earlier order is served first")
        let (cancelled, _) = try await world.callJSON("POST", "/secure/technicalservice/\(ids[0])/cancel", as: "admin@acme.example")
        #expect(cancelled == 200)
        #expect(try await status(ids[5]) == "CONFIGURED", "a cancelled port's interface goes to the next waiting port")
        let doubled = try await world.sql("SELECT count(*) - count(DISTINCT interface_id) FROM services WHERE interface_id IS NOT NULL") { $0.int(0) }
        #expect(doubled == [0])
    }
}
