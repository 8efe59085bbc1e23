import JSON
import TestSupport
import Testing

/// Issue 13, product updates on the v2 surface with the bodies the clients send: the Go SDK's ModifyPort
/// (upper-case `ProductID`/`ProductType` twins, `costCentre` always present), UpdateVXC (only the members
/// that change, `isApproved` from the provider) and a script's `PUT /v2/product//{uid}`.
@Suite struct V2ProductUpdateTests {
    static func put(_ world: APIWorld, _ path: String, as email: String = "admin@acme.example", _ body: String) async throws -> (Int, JSONValue) {
        let response = try await world.request("PUT", path, headers: ["Authorization": "Bearer \(try world.token(email))",
                                                                     "Content-Type": "application/json", "Accept": "application/json"], body: body)
        return (response.status, try APIWorld.json(response))
    }

    @Test func modifyPortChangesOnlyWhatItSendsAndReadsBack() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let acme = try #require(world.ports["The MEGAPORT at Global Switch"])
        let (renamed, body) = try await Self.put(world, "/v2/product/megaport/\(acme)",
                                                 #"{"ProductID":"\#(acme)","ProductType":"megaport","name":"Core SYD","costCentre":"CC-7","marketplaceVisibility":false}"#)
        #expect(renamed == 200 && body["data"]?["productName"] == "Core SYD" && body["data"]?["costCentre"] == "CC-7", "\(body)")
        let (cleared, after) = try await Self.put(world, "/v2/product/megaport/\(acme)", #"{"ProductID":"\#(acme)","ProductType":"megaport","costCentre":""}"#)
        #expect(cleared == 200 && after["data"]?["costCentre"] == "" && after["data"]?["productName"] == "Core SYD", "an omitted name stays")
        let (term, refusal) = try await Self.put(world, "/v2/product/megaport/\(acme)", #"{"ProductType":"megaport","costCentre":"","term":24}"#)
        #expect(term == 422 && refusal["message"].map { "\($0)".contains("term") } == true, "\(refusal)")
        let (bad, _) = try await Self.put(world, "/v2/product/\(acme)", #"{"costCentre":"new","name":"bad\u200Bname"}"#)
        let read = try await world.callJSON("GET", "/v2/product/\(acme)", as: "admin@acme.example").1
        #expect(bad == 422 && read["data"]?["costCentre"] == "" && read["data"]?["productName"] == "Core SYD", "bad input changes nothing")
        let (script, _) = try await Self.put(world, "/v2/product//\(acme)", #"{"name":"Core","costCentre":"ops","marketplaceVisibility":true}"#)
        #expect(script == 200)
        #expect(try await Self.put(world, "/v2/product/megaport/\(acme)", as: "readonly@acme.example", #"{"name":"x"}"#).0 == 403)
    }

    @Test func vlanMovesFollowWhoOwnsEachEnd() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let acme = try #require(world.ports["The MEGAPORT at Global Switch"])
        let beta = try #require(world.ports["Beta Cloud Sydney (Equinix SY1)"])
        let (_, order) = try await world.callJSON("POST", "/secure/ecommerce/vxc/order", as: "admin@acme.example",
                                                  json: Blog.vxc(acme, beta, aVlan: 720))
        guard case .int(let vxc)? = order["vxcJTechnicalServiceId"] else { Issue.record("no VXC: \(order)"); return }
        let (approved, a) = try await Self.put(world, "/v3/product/vxc/\(vxc)", as: "tech@betacloud.example", #"{"isApproved":true,"bEndVlan":830}"#)
        #expect(approved == 200 && a["data"]?["bEnd"]?["vlan"] == 830, "the provider accepts on its VLAN: \(a)")
        let (moved, m) = try await Self.put(world, "/v3/product/vxc/\(vxc)", #"{"aEndVlan":721,"bEndVlan":830}"#)
        #expect(moved == 200 && m["data"]?["aEnd"]?["vlan"] == 721 && m["data"]?["bEnd"]?["vlan"] == 830,
                "the B-end's own VLAN sent back unchanged is not a 403: \(m)")
        let (theirs, t) = try await Self.put(world, "/v3/product/vxc/\(vxc)", #"{"bEndVlan":831}"#)
        #expect(theirs == 403 && t["message"] == "Only B end owner can change B VLAN", "\(t)")
        #expect(try await Self.put(world, "/v3/product/vxc/\(vxc)", as: "tech@betacloud.example", #"{"bEndVlan":831}"#).0 == 200)
        let (_, other) = try await world.callJSON("POST", "/secure/ecommerce/vxc/order", as: "admin@acme.example", json: Blog.vxc(acme, beta, aVlan: 722))
        guard case .int(let second)? = other["vxcJTechnicalServiceId"] else { Issue.record("\(other)"); return }
        let (taken, k) = try await Self.put(world, "/v3/product/vxc/\(second)", #"{"aEndVlan":721}"#)
        #expect(taken == 409 && "\(k)".contains("721"), "a taken VLAN names itself: \(k)")
        let read = try await world.callJSON("GET", "/v2/product/\(vxc)", as: "admin@acme.example").1
        #expect(read["data"]?["aEnd"]?["vlan"] == 721 && read["data"]?["bEnd"]?["vlan"] == 831, "the next read shows the moves")
    }

    @Test func updateIXChangesItsNameAndRateLimitOnly() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let acme = try #require(world.ports["The MEGAPORT at Global Switch"])
        let (_, order) = try await world.callJSON("POST", "/secure/ecommerce/ix/order", as: "admin@acme.example", json: IXOrderTests.ix(acme))
        guard case .array(let receipt) = order, receipt.count == 3, case .string(let ix) = receipt[2] else { Issue.record("\(order)"); return }
        let (changed, c) = try await Self.put(world, "/v2/product/ix/\(ix)", #"{"name":"Peering SYD","rateLimit":200,"costCentre":"peer"}"#)
        #expect(changed == 200 && c["data"]?["productName"] == "Peering SYD" && c["data"]?["costCentre"] == "peer" && c["data"]?["rateLimit"] == 200, "\(c)")
        let (mac, m) = try await Self.put(world, "/v2/product/ix/\(ix)", #"{"macAddress":"00:11:22:33:44:66"}"#)
        #expect(mac == 422 && "\(m)".contains("macAddress"), "\(m)")
        #expect(try await Self.put(world, "/v2/product/ix/\(acme)", #"{"name":"x"}"#).0 == 404, "a port is not an IX")
    }

    @Test func updateVXCAppliesAtOnceAndTheProviderApprovesWithIsApproved() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let acme = try #require(world.ports["The MEGAPORT at Global Switch"])
        let beta = try #require(world.ports["Beta Cloud Sydney (Equinix SY1)"])
        let (_, order) = try await world.callJSON("POST", "/secure/ecommerce/vxc/order", as: "admin@acme.example", json: Blog.vxc(acme, beta, aVlan: 710))
        guard case .int(let vxc)? = order["vxcJTechnicalServiceId"] else { Issue.record("no VXC: \(order)"); return }
        let (approved, a) = try await Self.put(world, "/v3/product/vxc/\(vxc)", as: "tech@betacloud.example", #"{"isApproved":true}"#)
        #expect(approved == 200 && a["data"]?["provisioningStatus"] == "CONFIGURED", "\(a)")
        let (again, _) = try await Self.put(world, "/v3/product/vxc/\(vxc)", as: "tech@betacloud.example", #"{"isApproved":true}"#)
        #expect(again == 409, "isApproved answers a pending approval only")
        let (changed, c) = try await Self.put(world, "/v3/product/vxc/\(vxc)", #"{"name":"to Beta","rateLimit":50,"costCentre":"net"}"#)
        #expect(changed == 200 && c["data"]?["productName"] == "to Beta" && c["data"]?["rateLimit"] == 50 && c["data"]?["costCentre"] == "net", "\(c)")
        let (ends, e) = try await Self.put(world, "/v3/product/vxc/\(vxc)", #"{"bEndProductUid":"\#(acme)"}"#)
        #expect(ends == 422 && e["message"].map { "\($0)".contains("bEndProductUid") } == true, "\(e)")
        #expect(try await Self.put(world, "/v2/product/vxc/\(vxc)", #"{"name":"via v2"}"#).0 == 200, "megaLib's v2 path")
        #expect(try await Self.put(world, "/v3/product/vxc/\(vxc)", #"{}"#).0 == 422, "nothing to change")
        #expect(try await Self.put(world, "/v3/product/vxc/\(acme)", #"{"name":"x"}"#).0 == 404, "a port is not a VXC")
    }
}
