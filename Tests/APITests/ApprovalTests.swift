import Domain
import JSON
import TestSupport
import Testing

/// API.md §7 over HTTP: the provider lists, accepts or denies; the requester withdraws; requests expire.
@Suite struct ApprovalTests {
    /// A pending request from Acme to Beta Cloud; returns the approval id and the VXC id.
    static func request(_ world: APIWorld, vlan: Int = 0) async throws -> (approval: Int64, vxc: Int64) {
        let a = try #require(world.ports["The MEGAPORT at Global Switch"]), b = try #require(world.ports["Beta Cloud Sydney (Equinix SY1)"])
        let (_, order) = try await world.callJSON("POST", "/secure/ecommerce/vxc/order", as: "techadmin@acme.example", json: Blog.vxc(a, b, aVlan: vlan))
        guard case .int(let vxc)? = order["vxcJTechnicalServiceId"] else { throw RawClient.ClientError.failed("no VXC: \(order)") }
        let ids = try await world.sql("SELECT id FROM approvals WHERE service_id = \(vxc)") { $0.int64(0) }
        return (try #require(ids.first), vxc)
    }

    @Test func theProviderListsAndAcceptsThenProvisioningProceeds() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let (approval, vxc) = try await Self.request(world)
        let (status, list) = try await world.callJSON("GET", "/secure/approvals?status=PENDING", as: "tech@betacloud.example")
        guard status == 200, case .array(let items) = list, let item = items.first else { Issue.record("\(list)"); return }
        #expect(items.count == 1 && item["id"] == .int(approval) && item["type"] == "NEW" && item["status"] == "PENDING")
        #expect(item["requesterCompanyName"] == "Acme Networks" && item["serviceId"] == .int(vxc) && item["speed"] == 100)
        #expect(item["aEnd"]?["productName"] == "The MEGAPORT at Global Switch" && item["bEnd"]?["productName"] == "Beta Cloud Sydney (Equinix SY1)")
        let (_, mine) = try await world.callJSON("GET", "/secure/approvals?role=requester", as: "admin@acme.example")
        guard case .array(let requested) = mine else { Issue.record("\(mine)"); return }
        #expect(requested.count == 1 && requested[0]["id"] == .int(approval), "the requester lists what it asked for")
        let (_, nothing) = try await world.callJSON("GET", "/secure/approvals", as: "admin@acme.example")
        #expect(nothing == [], "Acme has nothing to decide")

        let (self1, s1) = try await world.callJSON("POST", "/secure/approvals/\(approval)/accept", as: "admin@acme.example")
        #expect(self1 == 403 && s1["data"]?["code"] == "not_approver", "the requester cannot approve its own request")
        let (accepted, decided) = try await world.callJSON("POST", "/secure/approvals/\(approval)/accept", as: "tech@betacloud.example",
                                                           json: #"{"vlan": 777, "comment": "welcome"}"#)
        #expect(accepted == 200 && decided["status"] == "APPROVED" && decided["decidedByName"] == "Bea Beta" && decided["bEnd"]?["vlan"] == 777)
        let (_, service) = try await world.callJSON("GET", "/secure/technicalservice/\(vxc)", as: "admin@acme.example")
        #expect(service["nonPayerStatus"] == "APPROVED" && service["provisioningStatus"] == "CONFIGURED" && service["bEnd"]?["vlan"] == 777)
        try await world.app.provisioning.advance()
        #expect(try await world.callJSON("GET", "/secure/technicalservice/\(vxc)", as: "admin@acme.example").1["provisioningStatus"] == "LIVE")
        let (twice, t) = try await world.callJSON("POST", "/secure/approvals/\(approval)/deny", as: "admin@betacloud.example", json: #"{"comment": "x"}"#)
        #expect(twice == 409 && t["data"]?["code"] == "approval_closed", "deciding twice")
        #expect(try await world.sql("SELECT action FROM audit_events WHERE entity = 'approval' AND entity_id = \(approval)") { $0.string(0) } == ["decide"])
    }

    @Test func denyingNeedsAReasonFailsTheVXCAndFreesItsVLANs() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let (approval, vxc) = try await Self.request(world, vlan: 444)
        let (noReason, nr) = try await world.callJSON("POST", "/secure/approvals/\(approval)/deny", as: "admin@betacloud.example", json: #"{}"#)
        #expect(noReason == 422 && nr["data"]?["errors"] == [["field": "comment", "message": "is required"]])
        let (denied, d) = try await world.callJSON("POST", "/secure/approvals/\(approval)/deny", as: "admin@betacloud.example",
                                                   json: #"{"comment": "No capacity in SY1"}"#)
        #expect(denied == 200 && d["status"] == "REJECTED" && d["comment"] == "No capacity in SY1")
        let (_, service) = try await world.callJSON("GET", "/secure/technicalservice/\(vxc)", as: "admin@acme.example")
        #expect(service["provisioningStatus"] == "FAILED")
        let a = try #require(world.ports["The MEGAPORT at Global Switch"]), b = try #require(world.ports["Beta Cloud Sydney (Equinix SY1)"])
        #expect(try await world.callJSON("POST", "/secure/ecommerce/vxc/order", as: "admin@acme.example", json: Blog.vxc(a, b, aVlan: 444)).0 == 200,
                "VLAN 444 is free again")
    }

    @Test func withdrawalPositionsAndStrangers() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let beta = try #require(world.companies["Beta Cloud"])
        _ = try await world.app.admin.createUser(NewUser(companyId: beta, email: "money@betacloud.example", position: .finance, password: "long-password"))
        let finance = try await world.app.auth.issueToken(email: "money@betacloud.example")
        let (approval, vxc) = try await Self.request(world)
        let financeTry = try await world.request("POST", "/secure/approvals/\(approval)/accept", headers: ["X-Auth-Token": finance])
        #expect(financeTry.status == 403, "Finance may not approve (API.md §2)")
        #expect(try await world.callJSON("POST", "/secure/approvals/\(approval)/accept", as: "admin@aws.example").0 == 404, "strangers see nothing")
        #expect(try await world.callJSON("POST", "/secure/approvals/\(approval)/withdraw", as: "admin@betacloud.example").0 == 403)
        let (withdrawn, w) = try await world.callJSON("POST", "/secure/approvals/\(approval)/withdraw", as: "admin@acme.example")
        #expect(withdrawn == 200 && w["status"] == "WITHDRAWN")
        #expect(try await world.callJSON("GET", "/secure/technicalservice/\(vxc)", as: "admin@acme.example").1["provisioningStatus"] == "CANCELLED")
        #expect(try await world.callJSON("POST", "/secure/approvals/\(approval)/accept", as: "admin@betacloud.example").0 == 409)
    }

    @Test func unansweredRequestsExpire() async throws {
        let world = try await APIWorld(startProvisioning: false, approvalLifetimeMillis: 1)
        defer { world.remove() }
        let (approval, vxc) = try await Self.request(world)
        try await Task.sleep(for: .milliseconds(5))
        try await world.app.provisioning.advance()
        #expect(try await world.sql("SELECT status FROM approvals WHERE id = \(approval)") { $0.string(0) } == ["EXPIRED"])
        #expect(try await world.callJSON("GET", "/secure/technicalservice/\(vxc)", as: "admin@acme.example").1["provisioningStatus"] == "FAILED")
        #expect(try await world.callJSON("POST", "/secure/approvals/\(approval)/accept", as: "admin@betacloud.example").0 == 409)
    }

    @Test func speedChangeRequestsAreDecidedLikeNewOnes() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let (approval, vxc) = try await Self.request(world)
        #expect(try await world.callJSON("POST", "/secure/approvals/\(approval)/accept", as: "admin@betacloud.example").0 == 200)
        let (raise, _) = try await world.callJSON("PUT", "/secure/technicalservice/\(vxc)/speed", as: "admin@acme.example", json: #"{"speed": 1000}"#)
        #expect(raise == 202)
        let (_, list) = try await world.callJSON("GET", "/secure/approvals?status=PENDING", as: "admin@betacloud.example")
        guard case .array(let items) = list, let change = items.first, case .int(let id)? = change["id"] else { Issue.record("\(list)"); return }
        #expect(change["type"] == "SPEED_CHANGE" && change["newSpeed"] == 1000 && change["speed"] == 100)
        #expect(try await world.callJSON("POST", "/secure/approvals/\(id)/accept", as: "admin@betacloud.example").0 == 200)
        let (_, service) = try await world.callJSON("GET", "/secure/technicalservice/\(vxc)", as: "admin@acme.example")
        #expect(service["rateLimit"] == 1000 && service["vxcApproval"]?["status"] == "APPROVED")
    }
}
