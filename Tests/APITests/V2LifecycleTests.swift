import JSON
import TestSupport
import Testing

/// Issue 13, lifecycle on the v2 surface: locks, CANCEL_NOW with and without safeDelete, UN_CANCEL and the
/// VLAN check, with the empty JSON-typed bodies the Go SDK sends.
@Suite struct V2LifecycleTests {
    static func go(_ world: APIWorld, _ method: String, _ path: String, as email: String = "admin@acme.example") async throws -> (Int, JSONValue) {
        // The Go SDK sets Content-Type: application/json on every non-GET, even with no body.
        let response = try await world.request(method, path, headers: ["Authorization": "Bearer \(try world.token(email))",
                                                                      "Content-Type": "application/json", "Accept": "application/json"])
        return (response.status, try APIWorld.json(response))
    }

    @Test func aLockedProductCannotChangeOrBeCancelled() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let port = try #require(world.ports["The MEGAPORT at Global Switch"])
        let (locked, body) = try await Self.go(world, "POST", "/v2/product/\(port)/lock")
        #expect(locked == 200 && body["data"]?["locked"] == true, "the next read shows it locked")
        let (cancel, refusal) = try await Self.go(world, "POST", "/v3/product/\(port)/action/CANCEL_NOW")
        #expect(cancel == 409 && refusal["data"] == "product_locked", "\(refusal)")
        #expect(try await world.callJSON("PUT", "/secure/technicalservice/\(port)", as: "admin@acme.example", json: #"{"name": "renamed"}"#).0 == 409)
        let (unlocked, after) = try await Self.go(world, "DELETE", "/v2/product/\(port)/lock")
        #expect(unlocked == 200 && after["data"]?["locked"] == false)
        #expect(try await Self.go(world, "POST", "/v2/product/\(port)/lock", as: "readonly@acme.example").0 == 403)
    }

    @Test func safeDeleteRefusesAPortWithServicesAndUnCancelRestores() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let acme = try #require(world.ports["The MEGAPORT at Global Switch"])
        let beta = try #require(world.ports["Beta Cloud Sydney (Equinix SY1)"])
        let (_, order) = try await world.callJSON("POST", "/secure/ecommerce/vxc/order", as: "admin@acme.example", json: Blog.vxc(acme, beta, aVlan: 700))
        guard case .int(let vxc)? = order["vxcJTechnicalServiceId"] else { Issue.record("no VXC: \(order)"); return }
        let (refused, why) = try await Self.go(world, "POST", "/v3/product/\(acme)/action/CANCEL_NOW?safeDelete=true")
        if case .string(let message)? = why["message"] {
            #expect(refused == 409 && message.contains("VXC \(vxc)"), "names what is attached: \(message)")
        } else { Issue.record("\(why)") }
        let (cancelled, vxcBody) = try await Self.go(world, "POST", "/v3/product/\(vxc)/action/CANCEL_NOW")
        #expect(cancelled == 200 && vxcBody["data"]?["provisioningStatus"] == "CANCELLED")
        let (restored, back) = try await Self.go(world, "POST", "/v2/product/\(vxc)/action/UN_CANCEL")
        #expect(restored == 200 && back["data"]?["provisioningStatus"] == "CONFIGURED" && back["data"]?["aEnd"]?["vlan"] == 700, "\(back)")
        #expect(try await Self.go(world, "POST", "/v2/product/\(vxc)/action/UN_CANCEL").0 == 409, "only a CANCELLED product")
        #expect(try await Self.go(world, "POST", "/v2/product/\(acme)/action/CANCEL").0 == 422, "a port is cancelled with CANCEL_NOW")
        let (all, _) = try await Self.go(world, "POST", "/v3/product/\(acme)/action/CANCEL_NOW")
        #expect(all == 200, "without safeDelete the port's VXCs go with it")
        let view = try await world.callJSON("GET", "/secure/technicalservice/\(vxc)", as: "admin@acme.example").1
        #expect(view["provisioningStatus"] == "CANCELLED")
    }

    @Test func theVLANCheckAnswersWithTheVLANWhenItIsFree() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let acme = try #require(world.ports["The MEGAPORT at Global Switch"])
        let beta = try #require(world.ports["Beta Cloud Sydney (Equinix SY1)"])
        #expect(try await world.callJSON("POST", "/secure/ecommerce/vxc/order", as: "admin@acme.example", json: Blog.vxc(acme, beta, aVlan: 800)).0 == 200)
        let (_, free) = try await Self.go(world, "GET", "/v2/product/port/\(acme)/vlan?vlan=801")
        #expect(free["data"] == [801])
        let (_, taken) = try await Self.go(world, "GET", "/v2/product/port/\(acme)/vlan?vlan=800")
        if case .array(let others)? = taken["data"] { #expect(!others.contains(800) && !others.isEmpty) } else { Issue.record("\(taken)") }
        #expect(try await Self.go(world, "GET", "/v2/product/port/\(acme)/vlan?vlan=5000").0 == 422)
    }
}
