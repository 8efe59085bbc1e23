import JSON
import TestSupport
import Testing

/// Issue 13, `/v3/order_approvals`: the list with the integer `Pagination-*` headers the Go SDK parses, and
/// approve, reject and withdraw with the `null` body a typed-nil Go request sends.
@Suite struct V3OrderApprovalTests {
    static func go(_ world: APIWorld, _ method: String, _ path: String, as email: String, body: String? = nil) async throws -> TestResponse {
        try await world.request(method, path, headers: ["Authorization": "Bearer \(try world.token(email))", "Content-Type": "application/json",
                                                        "Accept": "application/json"], body: body)
    }

    @Test func theListIsPagedWithIntegerHeadersAndFiltered() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let first = try await ApprovalTests.request(world, vlan: 501), second = try await ApprovalTests.request(world, vlan: 502)
        let page = try await Self.go(world, "GET", "/v3/order_approvals?pageSize=1&pageNumber=2&direction=DESC", as: "tech@betacloud.example")
        let body = try APIWorld.json(page)
        #expect(page.status == 200 && page.header("Pagination-Total-Count") == "2" && page.header("Pagination-Page") == "2"
                && page.header("Pagination-Limit") == "1" && page.header("Pagination-Total-Page") == "2", "\(page)")
        guard case .array(let items)? = body["data"], let item = items.first else { Issue.record("\(body)"); return }
        #expect(items.count == 1 && item["id"] == .int(first.approval), "DESC puts the older request on page 2")
        #expect(item["status"] == "PENDING" && item["type"] == "NEW_ORDER" && item["active"] == true && item["serviceId"] == .int(first.vxc))
        #expect(item["acctName"] == "Acme Networks" && item["detail"]?["aEnd"]?["vlan"] == 501)
        let requester = try APIWorld.json(try await Self.go(world, "GET", "/v3/order_approvals?serviceIds=\(second.vxc)", as: "admin@acme.example"))
        guard case .array(let filtered)? = requester["data"] else { Issue.record("\(requester)"); return }
        #expect(filtered.count == 1 && filtered[0]["id"] == .int(second.approval), "the requester sees it too, filtered")
        let wrong = try await Self.go(world, "GET", "/v3/order_approvals?status=pending", as: "admin@acme.example")
        let wrongBody = try APIWorld.json(wrong)
        #expect(wrong.status == 422 && wrongBody["message"] != nil, "statuses are upper case: \(wrong)")
        #expect(try await Self.go(world, "GET", "/v3/order_approvals?pageSize=0", as: "admin@acme.example").status == 422)
        let failed = try APIWorld.json(try await Self.go(world, "GET", "/v3/order_approvals?status=FAILED", as: "admin@acme.example"))
        #expect(failed["data"] == [], "a status the v3 API knows but no request here has")
        let pending = try APIWorld.json(try await Self.go(world, "GET", "/v3/order_approvals?status=PENDING", as: "admin@acme.example"))
        guard case .array(let open)? = pending["data"] else { Issue.record("\(pending)"); return }
        #expect(open.count == 2, "both requests are pending")
    }

    @Test func decisionsTakeNullEmptyOrCommentBodies() async throws {
        let world = try await APIWorld(startProvisioning: false)
        defer { world.remove() }
        let a = try await ApprovalTests.request(world, vlan: 601), b = try await ApprovalTests.request(world, vlan: 602)
        let c = try await ApprovalTests.request(world, vlan: 603)
        let own = try await Self.go(world, "POST", "/v3/order_approvals/\(a.approval)/approve", as: "admin@acme.example", body: "null\n")
        #expect(own.status == 403, "the requester cannot approve its own request")
        let approved = try await Self.go(world, "POST", "/v3/order_approvals/\(a.approval)/approve", as: "tech@betacloud.example", body: "null\n")
        let approvedBody = try APIWorld.json(approved)
        #expect(approved.status == 200 && approvedBody["data"]?["status"] == "APPROVED", "\(approved)")
        let rejected = try await Self.go(world, "POST", "/v3/order_approvals/\(b.approval)/reject", as: "admin@betacloud.example")
        let reason = try APIWorld.json(rejected)["data"]?["comment"]
        #expect(rejected.status == 200 && reason == "rejected without a reason", "\(rejected)")
        let withdrawn = try await Self.go(world, "POST", "/v3/order_approvals/\(c.approval)/withdraw", as: "admin@acme.example",
                                          body: #"{"comments": "ordered by mistake"}"#)
        let withdrawnBody = try APIWorld.json(withdrawn)
        #expect(withdrawn.status == 200 && withdrawnBody["data"]?["status"] == "WITHDRAWN", "\(withdrawn)")
        let again = try await Self.go(world, "POST", "/v3/order_approvals/\(a.approval)/reject", as: "tech@betacloud.example", body: "")
        let againBody = try APIWorld.json(again)
        #expect(again.status == 409 && againBody["data"] == "approval_closed", "\(again)")
        let unknown = try await Self.go(world, "POST", "/v3/order_approvals/\(c.approval)/ignore", as: "admin@acme.example", body: "null")
        #expect(unknown.status == 422)
        let typed = try await Self.go(world, "POST", "/v3/order_approvals/\(c.approval)/withdraw", as: "admin@acme.example", body: #"{"comments": [5]}"#)
        #expect(typed.status == 400, "comments is text, checked before the decision: \(typed)")
    }
}
