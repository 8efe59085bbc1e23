import JSON
import TestSupport
import Testing

/// API.md §2's permission table, walked over HTTP: every position × every action → allowed or 403.
/// The expectations are the contract's table, written out here, not derived from the code.
@Suite struct PermissionTableTests {
    static let positions = ["admin", "techadmin", "techcontact", "finance", "fincontact", "readonly"]
    static let table: [(action: String, allowed: [Bool])] = [
        ("view services, locations, approvals", [true, true, true, true, true, true]),
        ("place orders, change speed", [true, true, false, true, false, false]),
        ("approve / deny VXC requests", [true, true, true, false, false, false]),
        ("cancel services", [true, true, false, true, false, false]),
        ("manage service keys", [true, true, true, true, false, false]),
        ("manage users, marketplace profile, billing market", [true, false, false, false, false, false]),
        ("subscribe to notifications", [true, true, true, false, false, false]),
        ("manage service profiles", [true, false, false, false, false, false]),
        ("manage authorization keys", [true, false, false, false, false, false]),
        ("act for a customer with its authorization key", [true, true, false, false, false, false]),
    ]

    @Test func everyPositionTimesEveryAction() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let acmePort = try #require(world.ports["The MEGAPORT at Global Switch"]), beta = try #require(world.ports["Beta Cloud Sydney (Equinix SY1)"])
        // A request for Acme to decide, already decided: allowed positions get 409, the others 403.
        #expect(try await world.callJSON("PUT", "/secure/technicalservice/\(acmePort)", as: "admin@acme.example", json: #"{"marketplaceVisibility": true}"#).0 == 200)
        let (_, incoming) = try await world.callJSON("POST", "/secure/ecommerce/vxc/order", as: "admin@betacloud.example", json: Blog.vxc(beta, acmePort))
        guard case .int(let incomingVXC)? = incoming["vxcJTechnicalServiceId"] else { Issue.record("\(incoming)"); return }
        let approval = try #require(try await world.sql("SELECT id FROM approvals WHERE service_id = \(incomingVXC)") { $0.int64(0) }.first)
        #expect(try await world.callJSON("POST", "/secure/approvals/\(approval)/deny", as: "admin@acme.example", json: #"{"comment": "no"}"#).0 == 200)
        // An Acme VXC already cancelled: allowed positions get 409, the others 403.
        let (_, own) = try await world.callJSON("POST", "/secure/ecommerce/vxc/order", as: "admin@acme.example", json: Blog.vxc(acmePort, beta))
        guard case .int(let ownVXC)? = own["vxcJTechnicalServiceId"] else { return }
        #expect(try await world.callJSON("POST", "/secure/technicalservice/\(ownVXC)/cancel", as: "admin@acme.example").0 == 200)

        // Beta's key, for Acme's people to act for Beta with.
        let (_, betaKey) = try await world.callJSON("POST", "/secure/company/authorizationkeys", as: "admin@betacloud.example",
                                                    json: #"{"label": "Acme", "actions": ["VIEW"]}"#)
        guard case .string(let key)? = betaKey["key"] else { Issue.record("\(betaKey)"); return }

        func attempt(_ action: String, as email: String) async throws -> Int {
            switch action {
            case "view services, locations, approvals":
                let a = try await world.call("GET", "/secure/technicalservice/\(acmePort)", as: email).status
                let b = try await world.call("GET", "/secure/dropdowns/locations", as: email).status
                let c = try await world.call("GET", "/secure/approvals", as: email).status
                return [a, b, c].allSatisfy { $0 == 200 } ? 200 : 403
            case "place orders, change speed":
                return try await world.call("POST", "/secure/ecommerce/megaport/order", as: email, json: Blog.port(name: "walk \(email)")).status
            case "approve / deny VXC requests":
                return try await world.call("POST", "/secure/approvals/\(approval)/accept", as: email).status
            case "cancel services":
                return try await world.call("POST", "/secure/technicalservice/\(ownVXC)/cancel", as: email).status
            case "manage service keys":
                return try await world.call("GET", "/secure/servicekeys", as: email).status
            case "manage users, marketplace profile, billing market":
                return try await world.call("GET", "/secure/company/users", as: email).status
            case "manage authorization keys":
                return try await world.call("GET", "/secure/company/authorizationkeys", as: email).status
            case "act for a customer with its authorization key":
                return try await world.call("GET", "/secure/technicalservice/\(beta)", as: email, headers: ["X-Authorization-Key": key]).status
            case "manage service profiles":
                return try await world.call("POST", "/secure/serviceprofiles", as: email, json: #"{"name": "walk", "portIds": [\#(acmePort)]}"#).status
            default:
                return try await world.call("PUT", "/secure/notifications/preferences", as: email, json: #"[{"group": "ORDERING", "subscribed": true}]"#).status
            }
        }
        for (action, allowed) in Self.table {
            for (position, expected) in zip(Self.positions, allowed) {
                let status = try await attempt(action, as: "\(position)@acme.example")
                if expected {
                    #expect(status != 403 && status < 500, "\(position) may \(action): got \(status)")
                } else {
                    #expect(status == 403, "\(position) may not \(action): got \(status)")
                }
            }
        }
    }
}
