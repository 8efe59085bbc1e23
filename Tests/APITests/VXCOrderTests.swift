import JSON
import TestSupport
import Testing

/// API.md §5: ordering VXCs — the seed object, approvals, VLANs, speeds, distance bands.
@Suite struct VXCOrderTests {
    static let path = "/secure/ecommerce/vxc/order"

    @Test func theBlogAWSOrderReturnsTheSeedObjectThenIsApprovedShortlyAfter() async throws {
        let world = try await APIWorld()
        defer { world.remove() }
        let acmePort = try #require(world.ports["The MEGAPORT at Global Switch"])
        let awsPort = try #require(world.ports["Amazon (ap-southeast-2) (Global Switch)"])
        let (status, order) = try await world.callJSON("POST", Self.path, as: "admin@acme.example", json: Blog.vxcOrder(payer: acmePort, nonPayer: awsPort))
        #expect(status == 200, "\(order)")
        for field in Blog.vxcResponseFields { #expect(order[field] != nil, "the response has \(field)") }
        #expect(order["payerStatus"] == "APPROVED" && order["nonPayerStatus"] == "UN_ASSESSED", "AWS is approved after the order, not in it")
        #expect(order["payerVlanId"] == 887 && order["nonPayerVlanId"] == 889 && order["speed"] == 100)
        #expect(order["distanceBand"] == "DATA_CENTRE" && order["orderType"] == "NEW" && order["rateType"] == "MONTHLY")
        #expect(order["name"] == "from The MEGAPORT at Global Switch to Amazon (ap-southeast-2) (Global Switch)")
        #expect(order["nonPayerCompanyName"] == "Amazon Web Services" && order["payerCompanyName"] == "Acme Networks")
        #expect(order["amazonDirectConnectConfigDto"]?["authKey"] == nil, "the BGP auth key is never echoed")
        guard case .int(let vxc)? = order["vxcJTechnicalServiceId"] else { Issue.record("no service id"); return }
        try await world.app.provisioning.advance()  // the post-order stage approves, then provisions
        try await world.app.provisioning.advance()
        let (_, service) = try await world.callJSON("GET", "/secure/technicalservice/\(vxc)", as: "admin@acme.example")
        #expect(service["nonPayerStatus"] == "APPROVED" && service["provisioningStatus"] == "LIVE")
        #expect(service["aEnd"]?["vlan"] == 887 && service["bEnd"]?["vlan"] == 889)
    }

    @Test func ownPortsAreApprovedAtOnceOtherCompaniesMustDecide() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let acmePort = try #require(world.ports["The MEGAPORT at Global Switch"])
        let (_, receipt) = try await world.callJSON("POST", "/secure/ecommerce/megaport/order", as: "admin@acme.example", json: Blog.port(name: "second"))
        guard case .array(let f) = receipt, case .string(let second)? = f.last, let secondPort = Int64(second) else { return }
        let (s1, own) = try await world.callJSON("POST", Self.path, as: "admin@acme.example", json: Blog.vxc(acmePort, secondPort))
        #expect(s1 == 200 && own["nonPayerStatus"] == "APPROVED" && own["provisioningStatus"] == "CONFIGURED")
        #expect(own["nonPayerApproverName"] == "Alice Admin")

        let beta = try #require(world.ports["Beta Cloud Sydney (Equinix SY1)"])
        let (s2, other) = try await world.callJSON("POST", Self.path, as: "techadmin@acme.example", json: Blog.vxc(acmePort, beta))
        #expect(s2 == 200 && other["nonPayerStatus"] == "UN_ASSESSED" && other["provisioningStatus"] == "PROVISIONING")
        #expect(other["distanceBand"] == "METRO", "Global Switch Sydney to Equinix SY1")
        guard case .int(let vxc)? = other["vxcJTechnicalServiceId"] else { return }
        let (_, service) = try await world.callJSON("GET", "/secure/technicalservice/\(vxc)", as: "admin@acme.example")
        #expect(service["vxcApproval"]?["status"] == "PENDING_EXTERNAL" && service["vxcApproval"]?["type"] == "NEW")
        let approvals = try await world.sql("SELECT status, approver_company_id, type FROM approvals WHERE service_id = \(vxc)") { "\($0.string(0)) \($0.int(1)) \($0.string(2))" }
        #expect(approvals == ["PENDING \(world.companies["Beta Cloud"]!) NEW"])
        let (seen, _) = try await world.callJSON("GET", "/secure/technicalservice/\(vxc)", as: "admin@betacloud.example")
        #expect(seen == 200, "the provider sees the VXC that lands on its port")
        let (cancel, body) = try await world.callJSON("POST", "/secure/technicalservice/\(vxc)/cancel", as: "admin@betacloud.example")
        #expect(cancel == 403 && body["data"]?["code"] == "not_owner", "but cannot change it")
    }

    @Test func vlanRulesHold() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let a = try #require(world.ports["The MEGAPORT at Global Switch"]), b = try #require(world.ports["Beta Cloud Sydney (Equinix SY1)"])
        #expect(try await world.callJSON("POST", Self.path, as: "admin@acme.example", json: Blog.vxc(a, b, aVlan: 100)).0 == 200)
        let (status, taken) = try await world.callJSON("POST", Self.path, as: "admin@acme.example", json: Blog.vxc(a, b, aVlan: 100))
        #expect(status == 409 && taken["data"]?["code"] == "vlan_unavailable")
        #expect(taken["message"] == .string("VLAN 100 not available on MEGAPORT service \(a)"))
        #expect(taken["data"]?["errors"] == [["field": "payerVlanId", "message": .string("VLAN 100 not available on MEGAPORT service \(a)")]])
        guard case .array(let suggestions)? = taken["data"]?["suggestions"] else { Issue.record("no suggestions"); return }
        #expect(suggestions.count == 5 && !suggestions.contains(100), "five free VLANs near the one asked for")
        for vlan in [1, 4094, -2, 5000] {
            let (bad, body) = try await world.callJSON("POST", Self.path, as: "admin@acme.example", json: Blog.vxc(a, b, aVlan: vlan))
            #expect(bad == 422 && body["data"]?["errors"] == [["field": "payerVlanId", "message": .string("must be 2 to 4093, 0 (the lowest free VLAN) or -1 (untagged); \(vlan) is not")]])
        }
        let (_, auto) = try await world.callJSON("POST", Self.path, as: "admin@acme.example", json: Blog.vxc(a, b))
        #expect(auto["payerVlanId"] == 2 && auto["nonPayerVlanId"] == 3, "0 picks the lowest free VLAN (Beta's port already has 2)")
        #expect(try await world.callJSON("POST", Self.path, as: "admin@acme.example", json: Blog.vxc(a, b, aVlan: -1)).0 == 200, "untagged")
        #expect(try await world.callJSON("POST", Self.path, as: "admin@acme.example", json: Blog.vxc(a, b, aVlan: -1)).0 == 409, "only one untagged service per port")
    }

    @Test func zeroTakesTheLowestGapNotTheNextAfterTheHighest() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let a = try #require(world.ports["The MEGAPORT at Global Switch"]), b = try #require(world.ports["Beta Cloud Sydney (Equinix SY1)"])
        for vlan in [2, 3, 5, 4093] {
            #expect(try await world.callJSON("POST", Self.path, as: "admin@acme.example", json: Blog.vxc(a, b, aVlan: vlan)).0 == 200)
        }
        var picked: [JSONValue?] = []
        for _ in 0..<3 { picked.append(try await world.callJSON("POST", Self.path, as: "admin@acme.example", json: Blog.vxc(a, b)).1["payerVlanId"]) }
        #expect(picked == [4, 6, 7], "the gap at 4 first, then upwards from the run 2…6")
        let (cancelled, _) = try await world.callJSON("POST", "/secure/technicalservice/\(try #require(world.sql("SELECT service_id FROM vlan_assignments WHERE port_id = \(a) AND vlan = 3") { $0.int64(0) }.first))/cancel", as: "admin@acme.example")
        #expect(cancelled == 200)
        #expect(try await world.callJSON("POST", Self.path, as: "admin@acme.example", json: Blog.vxc(a, b)).1["payerVlanId"] == 3, "a cancelled VXC's VLAN is free again")
    }

    @Test func bothEndsOnOnePortGetTwoVLANsAndAFullPortSaysSo() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let a = try #require(world.ports["The MEGAPORT at Global Switch"]), b = try #require(world.ports["Beta Cloud Sydney (Equinix SY1)"])
        let (status, hairpin) = try await world.callJSON("POST", Self.path, as: "admin@acme.example", json: Blog.vxc(a, a))
        #expect(status == 200 && hairpin["payerVlanId"] == 2 && hairpin["nonPayerVlanId"] == 3, "0 on both ends of one port: two VLANs")
        let (same, clash) = try await world.callJSON("POST", Self.path, as: "admin@acme.example", json: Blog.vxc(a, a, aVlan: 500, bVlan: 500))
        #expect(same == 409 && clash["data"]?["code"] == "vlan_unavailable", "one VLAN cannot serve both ends of one port")
        // Every other tagged VLAN of the port taken (4–4093), as 4,090 VXCs would take them.
        _ = try await world.db.write { conn in
            try conn.execute("""
                WITH RECURSIVE v(n) AS (SELECT 4 UNION ALL SELECT n + 1 FROM v WHERE n < 4093)
                INSERT INTO services (uid, product_type, name, company_id, provisioning_status, a_end_service_id, b_end_service_id, rate_limit, create_date)
                SELECT 'fill-' || n, 'VXC', 'fill ' || n, (SELECT company_id FROM services WHERE id = \(a)), 'LIVE', \(a), \(b), 1, 0 FROM v
                """)
            try conn.execute("""
                INSERT INTO vlan_assignments (port_id, service_id, end_name, vlan)
                SELECT \(a), id, 'A', CAST(substr(uid, 6) AS INTEGER) FROM services WHERE uid LIKE 'fill-%'
                """)
        }
        let (full, body) = try await world.callJSON("POST", Self.path, as: "admin@acme.example", json: Blog.vxc(a, b))
        #expect(full == 409 && body["data"]?["code"] == "vlan_exhausted", "\(body)")
        #expect(body["message"] == .string("MEGAPORT service \(a) has no free VLAN"))
        let (taken, named) = try await world.callJSON("POST", Self.path, as: "admin@acme.example", json: Blog.vxc(a, b, aVlan: 4093))
        #expect(taken == 409 && named["data"]?["suggestions"] == [], "no free VLAN to suggest")
    }

    @Test func speedsReadinessPermissionAndReachAreChecked() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let a = try #require(world.ports["The MEGAPORT at Global Switch"]), beta = try #require(world.ports["Beta Cloud Sydney (Equinix SY1)"])
        let aws = try #require(world.ports["Amazon (ap-southeast-2) (Global Switch)"])
        let (fast, body) = try await world.callJSON("POST", Self.path, as: "admin@acme.example", json: Blog.vxc(a, beta, speed: 10001))
        #expect(fast == 422 && body["data"]?["errors"] == [["field": "speed", "message": "must not exceed 10000 Mbps for these ports"]])
        #expect(try await world.callJSON("POST", Self.path, as: "admin@acme.example", json: Blog.vxc(a, beta, speed: 0)).0 == 422)
        let (noAWS, awsBody) = try await world.callJSON("POST", Self.path, as: "admin@acme.example", json: Blog.vxc(a, aws))
        #expect(noAWS == 422 && awsBody["data"]?["errors"]?.typeName == "an array")
        let badAccount = Blog.vxc(a, aws, extra: #", "amazonDirectConnectConfigDto": {"type": "private", "asn": 65001, "ownerAccount": "12345"}"#)
        #expect(try await world.callJSON("POST", Self.path, as: "admin@acme.example", json: badAccount).0 == 422)

        // A port still waiting for an interface cannot carry VXCs yet.
        for n in 1...5 { _ = try await world.call("POST", "/secure/ecommerce/megaport/order", as: "admin@acme.example", json: Blog.port(name: "w\(n)", speed: 100000)) }
        let waiting = try await world.sql("SELECT id FROM services WHERE provisioning_status = 'PROVISIONING'") { $0.int64(0) }
        let (notReady, nr) = try await world.callJSON("POST", Self.path, as: "admin@acme.example", json: Blog.vxc(try #require(waiting.first), beta))
        #expect(notReady == 409 && nr["data"]?["code"] == "port_not_ready")

        // The provider can refuse VXCs to its port.
        #expect(try await world.callJSON("PUT", "/secure/technicalservice/\(beta)", as: "admin@betacloud.example", json: #"{"vxcPermitted": false}"#).0 == 200)
        let (refused, rb) = try await world.callJSON("POST", Self.path, as: "admin@acme.example", json: Blog.vxc(a, beta))
        #expect(refused == 403 && rb["data"]?["code"] == "vxc_not_permitted")

        // Another company's private port is not reachable (and not revealed).
        let (hidden, _) = try await world.callJSON("POST", Self.path, as: "admin@betacloud.example", json: Blog.vxc(beta, a))
        #expect(hidden == 404)
        let (stranger, _) = try await world.callJSON("POST", Self.path, as: "admin@betacloud.example", json: Blog.vxc(a, beta))
        #expect(stranger == 404, "an A-end of another company is not found")
        #expect(try await world.callJSON("POST", Self.path, as: "readonly@acme.example", json: Blog.vxc(a, beta)).0 == 403)
    }

    @Test func distanceBandsFollowTheLocations() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let a = try #require(world.ports["The MEGAPORT at Global Switch"])
        var bands: [String: JSONValue?] = [:]
        for (location, name) in [(6 as Int64, "melbourne"), (23, "ashburn"), (1, "sy1"), (3, "gs")] {
            let (_, receipt) = try await world.callJSON("POST", "/secure/ecommerce/megaport/order", as: "admin@acme.example",
                                                        json: Blog.port(name: name, location: location, speed: 10000))
            guard case .array(let f) = receipt, case .string(let id)? = f.last, let port = Int64(id) else { continue }
            bands[name] = try await world.callJSON("POST", Self.path, as: "admin@acme.example", json: Blog.vxc(a, port)).1["distanceBand"]
        }
        #expect(bands == ["gs": "DATA_CENTRE", "sy1": "METRO", "melbourne": "INTERCAP", "ashburn": "INTERNATIONAL"])
    }
}
