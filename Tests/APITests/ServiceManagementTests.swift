import Foundation
import JSON
import TestSupport
import Testing

/// API.md §4–5: changing, re-speeding and cancelling services.
@Suite struct ServiceLifecycleTests {
    /// Acme's demo port, Beta's demo port, and a VXC between them (pending Beta's approval).
    func setup(_ world: APIWorld, vlan: Int = 300) async throws -> (acme: Int64, beta: Int64, vxc: Int64) {
        let acme = try #require(world.ports["The MEGAPORT at Global Switch"]), beta = try #require(world.ports["Beta Cloud Sydney (Equinix SY1)"])
        let (_, order) = try await world.callJSON("POST", "/secure/ecommerce/vxc/order", as: "admin@acme.example", json: Blog.vxc(acme, beta, aVlan: vlan))
        guard case .int(let vxc)? = order["vxcJTechnicalServiceId"] else { throw RawClient.ClientError.failed("no VXC: \(order)") }
        return (acme, beta, vxc)
    }

    @Test func portsAndVXCsCanBeRenamedAndPortsFlagged() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let (acme, _, vxc) = try await setup(world)
        let (status, port) = try await world.callJSON("PUT", "/secure/technicalservice/\(acme)", as: "techadmin@acme.example",
                                                      json: #"{"name": "Renamed", "marketplaceVisibility": true, "vxcPermitted": false}"#)
        #expect(status == 200 && port["name"] == "Renamed" && port["marketplaceVisibility"] == true && port["vxcPermitted"] == false)
        let uid = try #require(port["uid"].flatMap { if case .string(let s) = $0 { s } else { nil } })
        #expect(try await world.callJSON("GET", "/secure/technicalservice/\(uid)", as: "admin@acme.example").1["name"] == "Renamed", "paths take the uid too")
        #expect(try await world.callJSON("PUT", "/secure/technicalservice/\(vxc)", as: "admin@acme.example", json: #"{"name": "VXC one"}"#).0 == 200)
        let (flag, _) = try await world.callJSON("PUT", "/secure/technicalservice/\(vxc)", as: "admin@acme.example", json: #"{"vxcPermitted": true}"#)
        #expect(flag == 422, "flags are for ports")
        #expect(try await world.callJSON("PUT", "/secure/technicalservice/\(acme)", as: "readonly@acme.example", json: #"{"name": "x"}"#).0 == 403)
        #expect(try await world.callJSON("PUT", "/secure/technicalservice/\(acme)", as: "admin@aws.example", json: #"{"name": "x"}"#).0 == 404)
        #expect(try await world.callJSON("PUT", "/secure/technicalservice/\(acme)", as: "admin@acme.example", json: #"{}"#).0 == 422)
    }

    @Test func speedChangesApplyOrWaitForTheProvider() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let (acme, _, pending) = try await setup(world)
        let (busy, b) = try await world.callJSON("PUT", "/secure/technicalservice/\(pending)/speed", as: "admin@acme.example", json: #"{"speed": 50}"#)
        #expect(busy == 409 && b["data"]?["code"] == "approval_pending", "a pending request blocks another change")

        // A VXC to AWS, bought through its AUTO service profile and approved by the post-order stage:
        // lowering and raising apply at once.
        let aws = try #require(world.ports["Amazon (ap-southeast-2) (Global Switch)"])
        let (_, order) = try await world.callJSON("POST", "/secure/ecommerce/vxc/order", as: "admin@acme.example",
                                                  json: Blog.vxcOrder(payer: acme, nonPayer: aws))
        guard case .int(let vxc)? = order["vxcJTechnicalServiceId"] else { return }
        try await world.app.provisioning.advance()
        let (lower, l) = try await world.callJSON("PUT", "/secure/technicalservice/\(vxc)/speed", as: "admin@acme.example", json: #"{"speed": 50}"#)
        #expect(lower == 200 && l["rateLimit"] == 50)
        let (raiseAWS, a) = try await world.callJSON("PUT", "/secure/technicalservice/\(vxc)/speed", as: "admin@acme.example", json: #"{"speed": 500}"#)
        #expect(raiseAWS == 200 && a["rateLimit"] == 500)
        // A VXC to Beta (no profile), once accepted: raising waits for Beta.
        let approval = try #require(try await world.sql("SELECT id FROM approvals WHERE service_id = \(pending)") { $0.int64(0) }.first)
        #expect(try await world.callJSON("POST", "/secure/approvals/\(approval)/accept", as: "admin@betacloud.example").0 == 200)
        let (raise, r) = try await world.callJSON("PUT", "/secure/technicalservice/\(pending)/speed", as: "admin@acme.example", json: #"{"speed": 500}"#)
        #expect(raise == 202 && r["rateLimit"] == 100)
        #expect(r["vxcApproval"] == ["status": "PENDING_EXTERNAL", "type": "SPEED_CHANGE", "newSpeed": 500, "uid": r["vxcApproval"]?["uid"] ?? .null])
        let (tooFast, _) = try await world.callJSON("PUT", "/secure/technicalservice/\(vxc)/speed", as: "admin@acme.example", json: #"{"speed": 20000}"#)
        #expect(tooFast == 422)
        #expect(try await world.callJSON("PUT", "/secure/technicalservice/\(acme)/speed", as: "admin@acme.example", json: #"{"speed": 1000}"#).0 == 422,
                "a port's speed is its interface")
        #expect(try await world.callJSON("PUT", "/secure/technicalservice/\(vxc)/speed", as: "techcontact@acme.example", json: #"{"speed": 10}"#).0 == 403)

        // Own B-end: raising applies at once.
        let (_, receipt) = try await world.callJSON("POST", "/secure/ecommerce/megaport/order", as: "admin@acme.example", json: Blog.port(name: "own"))
        guard case .array(let f) = receipt, case .string(let own)? = f.last, let ownPort = Int64(own) else { return }
        let (_, ownVXC) = try await world.callJSON("POST", "/secure/ecommerce/vxc/order", as: "admin@acme.example", json: Blog.vxc(acme, ownPort, speed: 100))
        guard case .int(let ownVXCId)? = ownVXC["vxcJTechnicalServiceId"] else { return }
        let (up, u) = try await world.callJSON("PUT", "/secure/technicalservice/\(ownVXCId)/speed", as: "admin@acme.example", json: #"{"speed": 5000}"#)
        #expect(up == 200 && u["rateLimit"] == 5000)
    }

    @Test func cancellingFreesVLANsAndRespectsChildren() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let (acme, beta, vxc) = try await setup(world, vlan: 300)
        let (refused, r) = try await world.callJSON("POST", "/secure/technicalservice/\(acme)/cancel", as: "admin@acme.example")
        #expect(refused == 409 && r["data"]?["code"] == "port_has_services", "a port with live VXCs refuses")
        #expect(try await world.callJSON("POST", "/secure/technicalservice/\(vxc)/cancel", as: "techcontact@acme.example").0 == 403)
        let (ok, cancelled) = try await world.callJSON("POST", "/secure/technicalservice/\(vxc)/cancel", as: "finance@acme.example")
        #expect(ok == 200 && cancelled["provisioningStatus"] == "CANCELLED")
        #expect(try await world.sql("SELECT status FROM approvals WHERE service_id = \(vxc)") { $0.string(0) } == ["WITHDRAWN"])
        #expect(try await world.callJSON("POST", "/secure/technicalservice/\(vxc)/cancel", as: "admin@acme.example").0 == 409, "cancelling twice")
        let (again, _) = try await world.callJSON("POST", "/secure/ecommerce/vxc/order", as: "admin@acme.example", json: Blog.vxc(acme, beta, aVlan: 300))
        #expect(again == 200, "the cancelled VXC's VLAN is free again")
        try await world.app.provisioning.advance()
        #expect(try await world.callJSON("GET", "/secure/technicalservice/\(vxc)", as: "admin@acme.example").1["provisioningStatus"] == "DECOMMISSIONED")
        guard case .array(let children)? = try await world.callJSON("GET", "/secure/technicalservice/\(acme)", as: "admin@acme.example").1["associatedVxcs"] else {
            Issue.record("the port lists its VXCs"); return
        }
        #expect(!children.contains { $0["id"] == .int(vxc) }, "a decommissioned VXC is no longer listed")
        #expect(children.contains { $0["aEndVlan"] == 300 && $0["bEndId"] == .int(beta) }, "the new VXC is listed with its VLANs: \(children)")

        let (cascade, _) = try await world.callJSON("POST", "/secure/technicalservice/\(acme)/cancel?cascade=true", as: "admin@acme.example")
        #expect(cascade == 200)
        let left = try await world.sql("SELECT count(*) FROM services WHERE (id = \(acme) OR a_end_service_id = \(acme)) AND provisioning_status NOT IN ('CANCELLED', 'DECOMMISSIONED')") { $0.int(0) }
        #expect(left == [0], "cascade cancels the port and everything on it")
        let active = try await world.sql("SELECT count(*) FROM vlan_assignments WHERE port_id = \(acme) AND active = 1") { $0.int(0) }
        #expect(active == [0])
    }

    @Test func provisioningSurvivesARestart() async throws {
        let world = try await APIWorld(provisioningDelayMillis: 0, startProvisioning: false)
        defer { world.remove() }
        let (_, receipt) = try await world.callJSON("POST", "/secure/ecommerce/megaport/order", as: "admin@acme.example", json: Blog.port(name: "restart"))
        guard case .array(let f) = receipt, case .string(let id)? = f.last else { return }
        #expect(try await world.callJSON("GET", "/secure/technicalservice/\(id)", as: "admin@acme.example").1["provisioningStatus"] == "CONFIGURED")
        // A second process over the same file: the stage finds the work in the database.
        let restarted = try await APIWorld.reopen(world)
        restarted.startBackgroundWork()
        var status: JSONValue?
        for _ in 0..<100 {
            status = try await restarted.db.read { try $0.queryFirst("SELECT provisioning_status FROM services WHERE id = \(id)") { JSONValue.string($0.string(0)) } }
            if status == "LIVE" { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        await restarted.stopBackgroundWork()
        #expect(status == "LIVE")
    }

    /// A backlog falling due at once is worked off in slices, so orders commit between them.
    @Test func aBacklogGoesLiveInSlices() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        _ = try await world.db.write { conn in
            try conn.execute("""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60)
                INSERT INTO services (uid, product_type, name, company_id, provisioning_status, location_id, speed, create_date, provision_date)
                SELECT 'backlog-' || i, 'MEGAPORT', 'backlog ' || i, (SELECT min(id) FROM companies), 'CONFIGURED', 1, 1000, 0, 0 FROM n
                """)
        }
        let live = { try await world.sql("SELECT count(*) FROM services WHERE name LIKE 'backlog %' AND provisioning_status = 'LIVE'") { $0.int(0) } }
        let next = try await world.app.provisioning.advance()
        #expect(try await live() == [25], "one slice of 25")
        #expect(try #require(next) <= Int64(Date().timeIntervalSince1970 * 1000), "the rest is due at once")
        try await world.app.provisioning.advance()
        #expect(try await live() == [50])
        try await world.app.provisioning.advance()
        #expect(try await live() == [60])
    }
}
