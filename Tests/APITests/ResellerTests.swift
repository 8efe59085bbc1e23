import JSON
import TestSupport
import Testing

/// Seed 002's two ways aggregators work, over HTTP: a reseller acting for a customer with the
/// customer's authorization key, and a partner's self-service sub-account with assigned ports.
@Suite struct ResellerTests {
    static func string(_ value: JSONValue?) -> String { if case .string(let s)? = value { s } else { "" } }
    static func receipt(_ value: JSONValue) -> Int64? { if case .array(let f) = value, case .string(let id)? = f.last { Int64(id) } else { nil } }

    @Test func aResellerActsForACustomerWithItsKey() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let acme = try #require(world.companies["Acme Networks"]), acmePort = try #require(world.ports["The MEGAPORT at Global Switch"])
        let beta = try #require(world.ports["Beta Cloud Sydney (Equinix SY1)"])
        #expect(try await world.call("POST", "/secure/company/authorizationkeys", as: "techadmin@acme.example",
                                     json: #"{"label": "Gamma", "actions": ["ORDER"]}"#).status == 403, "Company Admins issue keys")
        let (made, issued) = try await world.callJSON("POST", "/secure/company/authorizationkeys", as: "admin@acme.example",
                                                      json: #"{"label": "Gamma Partners", "actions": ["ORDER", "VIEW"]}"#)
        let key = Self.string(issued["key"])
        #expect(made == 201 && key.count == 64 && issued["actions"] == ["ORDER", "VIEW"] && issued["active"] == true)
        let (_, listed) = try await world.callJSON("GET", "/secure/company/authorizationkeys", as: "admin@acme.example")
        #expect(JSONWriter.string(listed).contains("Gamma Partners") && !JSONWriter.string(listed).contains(key), "listed without the key")

        // Without the key, Acme does not exist for Gamma; with it, Gamma sees and orders for Acme.
        let order = Blog.vxc(acmePort, beta, aVlan: 700)
        #expect(try await world.call("GET", "/secure/technicalservice/\(acmePort)", as: "admin@gamma.example").status == 404)
        #expect(try await world.call("POST", "/secure/ecommerce/vxc/order", as: "admin@gamma.example", json: order).status == 404)
        let withKey = ["X-Authorization-Key": key]
        #expect(try await world.call("GET", "/secure/technicalservice/\(acmePort)", as: "admin@gamma.example", headers: withKey).status == 200)
        let (ordered, vxc) = try await world.callJSON("POST", "/secure/ecommerce/vxc/order", as: "techadmin@gamma.example", json: order, headers: withKey)
        guard ordered == 200, case .int(let vxcId)? = vxc["vxcJTechnicalServiceId"] else { Issue.record("\(vxc)"); return }
        // The key in the body works too, for a port order billed to Acme.
        let port = Blog.port(name: "for Acme", companyId: acme, extra: #", "authorizationKey": "\#(key)""#)
        let (portStatus, receipt) = try await world.callJSON("POST", "/secure/ecommerce/megaport/order", as: "admin@gamma.example", json: port)
        #expect(portStatus == 200)
        let portId = try #require(Self.receipt(receipt))
        #expect(try await world.sql("SELECT company_id FROM services WHERE id IN (\(vxcId), \(portId)) ORDER BY id") { $0.int64(0) } == [acme, acme])
        let audit = try await world.sql("""
            SELECT u.email, a.detail FROM audit_events a JOIN users u ON u.id = a.user_id
            WHERE a.entity_id = \(vxcId) AND a.action = 'order' AND a.company_id = \(acme)
            """) { "\($0.string(0)) \($0.string(1))" }
        #expect(audit.count == 1 && audit[0].hasPrefix("techadmin@gamma.example ") && audit[0].contains(#""reseller":"Gamma Partners""#),
                "audited as Gamma's user acting for Acme: \(audit)")

        // The key permits ordering and viewing only; Gamma's positions below Technical Admin may not use keys.
        let (scope, refused) = try await world.callJSON("POST", "/secure/technicalservice/\(vxcId)/cancel", as: "admin@gamma.example", headers: withKey)
        #expect(scope == 403 && refused["data"]?["code"] == "authorization_key_scope")
        #expect(try await world.call("GET", "/secure/technicalservice/\(acmePort)", as: "admin@gamma.example",
                                     headers: ["X-Authorization-Key": String(repeating: "0", count: 64)]).status == 403, "an unknown key")

        // Revoked: refused at once.
        let uid = Self.string(issued["uid"])
        let (revoked, after) = try await world.callJSON("DELETE", "/secure/company/authorizationkeys/\(uid)", as: "admin@acme.example")
        #expect(revoked == 200 && after["active"] == false)
        let (status, body) = try await world.callJSON("POST", "/secure/ecommerce/vxc/order", as: "admin@gamma.example", json: Blog.vxc(acmePort, beta, aVlan: 701),
                                                      headers: withKey)
        #expect(status == 403 && Self.string(body["message"]).contains("revoked"))
    }

    @Test func aSubAccountSeesAndOrdersOnlyOnItsOwnAndAssignedPorts() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let gamma = try #require(world.companies["Gamma Partners"]), delta = try #require(world.companies["Delta Retail"])
        let beta = try #require(world.ports["Beta Cloud Sydney (Equinix SY1)"])
        var gammaPorts: [Int64] = []
        for name in ["shared", "private"] {
            let (_, r) = try await world.callJSON("POST", "/secure/ecommerce/megaport/order", as: "admin@gamma.example", json: Blog.port(name: "Gamma \(name)", companyId: gamma))
            gammaPorts.append(try #require(Self.receipt(r)))
        }
        let (shared, hidden) = (gammaPorts[0], gammaPorts[1])
        #expect(try await world.call("PUT", "/secure/company/\(delta)/assignedports", as: "admin@gamma.example", json: #"{"portIds": [\#(shared)]}"#).status == 409,
                "a sub-account first")
        #expect(try await world.call("PUT", "/secure/company/\(delta)/subaccount", as: "admin@delta.example", json: #"{"actions": ["ORDER_VXCS"]}"#).status == 404)
        #expect(try await world.call("PUT", "/secure/company/\(delta)/subaccount", as: "admin@gamma.example", json: #"{"actions": ["ORDER_VXCS"]}"#).status == 200)
        let (assigned, sub) = try await world.callJSON("PUT", "/secure/company/\(delta)/assignedports", as: "admin@gamma.example", json: #"{"portIds": [\#(shared)]}"#)
        #expect(assigned == 200 && sub["portIds"] == [.int(shared)] && sub["actions"] == ["ORDER_VXCS"])

        // Delta's user sees the assigned port, not Gamma's other one, and orders on it.
        #expect(try await world.call("GET", "/secure/technicalservice/\(shared)", as: "admin@delta.example").status == 200)
        #expect(try await world.call("GET", "/secure/technicalservice/\(hidden)", as: "admin@delta.example").status == 404)
        #expect(try await world.call("POST", "/secure/ecommerce/vxc/order", as: "admin@delta.example", json: Blog.vxc(hidden, beta)).status == 404)
        let (ordered, vxc) = try await world.callJSON("POST", "/secure/ecommerce/vxc/order", as: "admin@delta.example", json: Blog.vxc(shared, beta, aVlan: 500))
        guard ordered == 200, case .int(let deltaVXC)? = vxc["vxcJTechnicalServiceId"] else { Issue.record("\(vxc)"); return }
        #expect(try await world.sql("SELECT company_id FROM services WHERE id = \(deltaVXC)") { $0.int64(0) } == [delta], "Delta's VXC")
        // Gamma's own VXC on the shared port stays out of Delta's sight.
        let (_, gammaVXC) = try await world.callJSON("POST", "/secure/ecommerce/vxc/order", as: "admin@gamma.example", json: Blog.vxc(shared, beta, aVlan: 501))
        let (_, seen) = try await world.callJSON("GET", "/secure/technicalservice/\(shared)", as: "admin@delta.example")
        guard case .int(let gammaVXCId)? = gammaVXC["vxcJTechnicalServiceId"], case .array(let children)? = seen["associatedVxcs"] else {
            Issue.record("\(gammaVXC) \(seen)"); return
        }
        let childIds = children.compactMap { child -> Int64? in if case .int(let id)? = child["productId"] ?? child["id"] { id } else { nil } }
        #expect(childIds == [deltaVXC] && !childIds.contains(gammaVXCId), "only Delta's own VXC on the shared port: \(JSONWriter.string(seen))")
        let (_, products) = try await world.callJSON("GET", "/v2/products", as: "admin@delta.example")
        #expect(JSONWriter.string(products).contains("Gamma shared") && !JSONWriter.string(products).contains("Gamma private"))
        #expect(try await world.call("GET", "/secure/company/users", as: "admin@delta.example").status == 403, "users are not Delta's to manage")

        // A port carrying Delta's VXC stays assigned; once the VXC is cancelled it can go, and Delta loses it.
        let (busy, b) = try await world.callJSON("PUT", "/secure/company/\(delta)/assignedports", as: "admin@gamma.example", json: #"{"portIds": []}"#)
        #expect(busy == 409 && b["data"]?["code"] == "port_in_use")
        #expect(try await world.call("POST", "/secure/technicalservice/\(deltaVXC)/cancel", as: "admin@delta.example").status == 200)
        #expect(try await world.call("PUT", "/secure/company/\(delta)/assignedports", as: "admin@gamma.example", json: #"{"portIds": []}"#).status == 200)
        #expect(try await world.call("GET", "/secure/technicalservice/\(shared)", as: "admin@delta.example").status == 404)
        #expect(try await world.call("POST", "/secure/ecommerce/vxc/order", as: "admin@delta.example", json: Blog.vxc(shared, beta, aVlan: 502)).status == 404)

        // A sub-account its partner does not let order VXCs is refused.
        #expect(try await world.call("PUT", "/secure/company/\(delta)/subaccount", as: "admin@gamma.example", json: #"{"actions": []}"#).status == 200)
        #expect(try await world.call("POST", "/secure/ecommerce/vxc/order", as: "admin@delta.example", json: Blog.vxc(shared, beta)).status == 403)
    }
}
