import JSON
import TestSupport
import Testing

/// API.md §10: the marketplace and service keys.
@Suite struct MarketplaceAndKeyTests {
    @Test func theMarketplaceShowsVisibleProvidersAndPorts() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let (status, list) = try await world.callJSON("GET", "/secure/marketplace", as: "readonly@acme.example")
        guard status == 200, case .array(let providers) = list else { Issue.record("\(list)"); return }
        #expect(providers.map { $0["name"] } == ["AWS", "Beta Cloud"])
        #expect(providers[0]["ports"]?.typeName == "an array" && providers[1]["contactEmail"] == "noc@betacloud.example")
        if case .array(let ports)? = providers[0]["ports"] { #expect(ports.count == 2 && ports[0]["locationName"] == "Global Switch Sydney") }
        #expect(try await world.callJSON("PUT", "/secure/marketplace/profile", as: "techadmin@acme.example", json: #"{"visible": true}"#).0 == 403)
        let (put, profile) = try await world.callJSON("PUT", "/secure/marketplace/profile", as: "admin@acme.example",
                                                      json: #"{"name": "Acme Exchange", "description": "Layer 2 in Sydney", "contactEmail": "sales@acme.example", "visible": true}"#)
        #expect(put == 200 && profile["visible"] == true && profile["ports"] == [], "no port is marketplace-visible yet")
        #expect(try await world.callJSON("PUT", "/secure/marketplace/profile", as: "admin@acme.example", json: #"{"contactEmail": "nope"}"#).0 == 422)
        let (_, after) = try await world.callJSON("GET", "/secure/marketplace", as: "admin@betacloud.example")
        if case .array(let all) = after { #expect(all.count == 3 && all.contains { $0["name"] == "Acme Exchange" }) }
    }

    @Test func serviceKeysGovernOrdersToTheirPort() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let acme = try #require(world.ports["The MEGAPORT at Global Switch"]), beta = try #require(world.ports["Beta Cloud Sydney (Equinix SY1)"])
        // Beta hides its port from the marketplace: only a key reaches it now.
        #expect(try await world.callJSON("PUT", "/secure/technicalservice/\(beta)", as: "admin@betacloud.example", json: #"{"marketplaceVisibility": false}"#).0 == 200)
        #expect(try await world.callJSON("POST", "/secure/ecommerce/vxc/order", as: "admin@acme.example", json: Blog.vxc(acme, beta)).0 == 404)
        let create = #"{"productId": \#(beta), "description": "for Acme", "maxSpeed": 500, "preApproved": true, "singleUse": true, "vlan": 900}"#
        let (made, key) = try await world.callJSON("POST", "/secure/servicekeys", as: "tech@betacloud.example", json: create)
        #expect(made == 201 && key["valid"] == true && key["vlan"] == 900 && key["productName"] == "Beta Cloud Sydney (Equinix SY1)")
        guard case .string(let k)? = key["key"] else { return }
        #expect(try await world.callJSON("POST", "/secure/ecommerce/vxc/order", as: "admin@acme.example",
                                         json: Blog.vxc(acme, beta, speed: 600, extra: #", "serviceKey": "\#(k)""#)).0 == 422, "maxSpeed")
        // Two orders race for the single-use key: exactly one wins.
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for vlan in [101, 102] {
                group.addTask {
                    try await world.call("POST", "/secure/ecommerce/vxc/order", as: "admin@acme.example",
                                         json: Blog.vxc(acme, beta, aVlan: vlan, speed: 100, extra: #", "serviceKey": "\#(k)""#)).status
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses.sorted() == [200, 403])
        let orders = try await world.sql("SELECT non_payer_status, provisioning_status FROM services WHERE service_key_id IS NOT NULL") { "\($0.string(0)) \($0.string(1))" }
        #expect(orders == ["APPROVED CONFIGURED"], "pre-approved: no approval needed")
        #expect(try await world.sql("SELECT vlan FROM vlan_assignments WHERE end_name = 'B' AND port_id = \(beta)") { $0.int(0) } == [900], "the key's VLAN")

        let (_, listed) = try await world.callJSON("GET", "/secure/servicekeys?productIdOrUid=\(beta)", as: "admin@betacloud.example")
        if case .array(let keys) = listed { #expect(keys.count == 1 && keys[0]["valid"] == false && keys[0]["lastUsed"] != .null, "used up") }
        #expect(try await world.callJSON("GET", "/secure/servicekeys?productIdOrUid=\(beta)", as: "admin@acme.example").0 == 404)
        if case .array(let none) = try await world.callJSON("GET", "/secure/servicekeys", as: "admin@acme.example").1 { #expect(none.isEmpty) }

        // A reusable key, then deactivated: 403.
        let (_, reusable) = try await world.callJSON("POST", "/secure/servicekeys", as: "admin@betacloud.example", json: #"{"productId": \#(beta)}"#)
        guard case .string(let r)? = reusable["key"] else { return }
        let order = { (vlan: Int) in Blog.vxc(acme, beta, aVlan: vlan, extra: #", "serviceKey": "\#(r)""#) }
        let (pending, p) = try await world.callJSON("POST", "/secure/ecommerce/vxc/order", as: "admin@acme.example", json: order(201))
        #expect(pending == 200 && p["nonPayerStatus"] == "UN_ASSESSED", "not pre-approved: the provider decides")
        #expect(try await world.callJSON("PUT", "/secure/servicekeys", as: "admin@betacloud.example", json: #"{"key": "\#(r)", "active": false}"#).0 == 200)
        let (inactive, i) = try await world.callJSON("POST", "/secure/ecommerce/vxc/order", as: "admin@acme.example", json: order(202))
        #expect(inactive == 403 && i["data"]?["code"] == "service_key_invalid")
        let expired = #"{"productId": \#(beta), "validFor": {"start": 1000, "end": 2000}}"#
        let (_, old) = try await world.callJSON("POST", "/secure/servicekeys", as: "admin@betacloud.example", json: expired)
        #expect(old["expired"] == true && old["valid"] == false)
        if case .string(let o)? = old["key"] {
            #expect(try await world.callJSON("POST", "/secure/ecommerce/vxc/order", as: "admin@acme.example",
                                             json: Blog.vxc(acme, beta, aVlan: 203, extra: #", "serviceKey": "\#(o)""#)).0 == 403)
        }
        #expect(try await world.callJSON("POST", "/secure/servicekeys", as: "admin@betacloud.example", json: #"{"productId": \#(beta), "vlan": 5}"#).0 == 422,
                "only single-use keys fix a VLAN")
        #expect(try await world.callJSON("POST", "/secure/servicekeys", as: "admin@betacloud.example", json: #"{"productId": \#(acme)}"#).0 == 404)
    }
}
