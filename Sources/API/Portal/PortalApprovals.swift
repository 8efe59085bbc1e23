import Domain
import HTTPCore
import HTTPServer

/// Approvals: the connection requests waiting for the company, each with Accept (an optional VLAN) and
/// Deny (a reason is required); the requests the company made; and the decided ones.
struct PortalApprovals: Sendable {
    let app: Application

    func register(_ router: inout RouteGroup, _ portal: PortalRoutes) {
        portal.page(&router, .get, "/portal/approvals") { _, _, caller in try await page(caller) }
        // Emails link to one request; it is shown in the list, where it can be decided.
        portal.page(&router, .get, "/portal/approvals/:id") { _, context, _ in
            PortalPage.redirect("/portal/approvals#approval-\(context.parameters["id"] ?? "")")
        }
        portal.page(&router, .post, "/portal/approvals/:id/accept") { request, context, caller in
            let id = context.parameters["id"] ?? "", form = try PortalForm(request)
            guard let text = form.text("vlan") else { return try await decide(id, caller) { try await app.approvals.accept(id, vlan: nil, comment: nil, by: $0) } }
            guard let vlan = Int(text) else { return try await page(caller, errors: [id: ("vlan", "The VLAN must be a number from 2 to 4093.")]) }
            return try await decide(id, caller) { try await app.approvals.accept(id, vlan: vlan, comment: nil, by: $0) }
        }
        portal.page(&router, .post, "/portal/approvals/:id/deny") { request, context, caller in
            let id = context.parameters["id"] ?? ""
            guard let reason = try PortalForm(request).text("reason") else {
                return try await page(caller, errors: [id: ("reason", "A reason is required to deny a request.")])
            }
            return try await decide(id, caller) { try await app.approvals.deny(id, comment: reason, by: $0) }
        }
    }

    /// Runs a decision; its refusal is shown on the page, next to the request.
    func decide(_ id: String, _ caller: PortalCaller, _ decision: (Session) async throws -> ApprovalListing) async throws -> HTTPResponse {
        do {
            _ = try await decision(caller.session)
            return PortalPage.redirect("/portal/approvals")
        } catch let error as DomainError {
            let mapped = ErrorMapping.httpError(from: error)
            let field = if case .vlanUnavailable = error { "vlan" } else if case .invalid(let fields) = error, fields.first?.field.contains("vlan") == true { "vlan" } else { "reason" }
            return try await page(caller, errors: [id: (field, mapped.message)], status: mapped.status)
        }
    }

    func card(_ item: ApprovalListing, _ caller: PortalCaller, error: (field: String, message: String)?) -> Markup {
        let a = item.approval, id = String(a.id)
        let what = a.kind == .new ? "\(a.speed) Mbps" : "speed change \(a.speed) → \(a.newSpeed ?? a.speed) Mbps"
        let vlans = "A-end VLAN \(item.aVlan.map(String.init) ?? "untagged"), B-end VLAN \(item.bVlan.map(String.init) ?? "automatic")"
        let vlanError = error?.field == "vlan" ? error?.message : nil, reasonError = error?.field == "reason" ? error?.message : nil
        return """
            <article class="card" id="approval-\(a.uid)"><h2>\(item.requesterCompanyName): \(item.serviceName)</h2>
            <p>\(item.aEndName) → \(item.bEndName) · \(what) · \(vlans)<br><span class="muted">Requested \(PortalPage.date(a.createDate)); expires \(PortalPage.date(a.expiryDate))</span></p>
            \(Self.buyerFields(item))
            <form method="post" action="/portal/approvals/\(id)/accept" class="inline">\(PortalPage.csrf(caller))
            <span><label for="vlan-\(id)">VLAN (optional)</label><input id="vlan-\(id)" name="vlan" inputmode="numeric"></span>
            <button type="submit">Accept</button></form>\(PortalPage.error(vlanError))
            <form method="post" action="/portal/approvals/\(id)/deny" class="inline">\(PortalPage.csrf(caller))
            <span><label for="reason-\(id)">Reason</label><input id="reason-\(id)" name="reason"></span>
            <button type="submit" class="secondary">Deny</button></form>\(PortalPage.error(reasonError))
            </article>
            """
    }

    /// What the buyer filled in for the provider's service profile, if the request came through one.
    static func buyerFields(_ item: ApprovalListing) -> Markup {
        guard item.serviceProfileUid != nil, !item.buyerFields.isEmpty else { return "" }
        let rows: [Markup] = item.buyerFields.map { "<dt>\($0.label)</dt><dd>\($0.text)</dd>" }
        return "<dl class=\"buyer-fields\">\(rows)</dl>"
    }

    func page(_ caller: PortalCaller, errors: [String: (field: String, message: String)] = [:], status: HTTPStatus = .ok) async throws -> HTTPResponse {
        let incoming = try await app.approvals.list(by: caller.session, role: .approver, status: nil)
        let outgoing = try await app.approvals.list(by: caller.session, role: .requester, status: .pending)
        let pending = incoming.filter { $0.approval.status == .pending }
        let decided = incoming.filter { $0.approval.status != .pending }
        let cards = pending.map { card($0, caller, error: errors[String($0.approval.id)] ?? errors[$0.approval.uid]) }
        let history: [Markup] = decided.map { item in
            "<tr><td>\(item.requesterCompanyName)</td><td>\(item.serviceName)</td><td class=\"status\">\(item.approval.status.rawValue)</td><td>\(item.approval.comment)</td><td>\(PortalPage.date(item.approval.decisionDate))</td></tr>"
        }
        let mine: [Markup] = outgoing.map { item in
            "<tr><td>\(item.approverCompanyName)</td><td>\(item.serviceName)</td><td>\(item.aEndName) → \(item.bEndName)</td><td>\(PortalPage.date(item.approval.expiryDate))</td></tr>"
        }
        let body: Markup = """
            \(cards.isEmpty ? "<p>No requests are waiting for you.</p>" as Markup : Markup(cards))
            \(mine.isEmpty ? "" as Markup : "<h2>Requests you made</h2><div class=\"scroll\"><table><thead><tr><th>Waiting for</th><th>Service</th><th>Ends</th><th>Expires</th></tr></thead><tbody>\(mine)</tbody></table></div>")
            <h2>History</h2>\(history.isEmpty ? "<p class=\"muted\">Nothing decided yet.</p>" as Markup : "<div class=\"scroll\"><table><thead><tr><th>From</th><th>Service</th><th>Decision</th><th>Reason</th><th>When</th></tr></thead><tbody>\(history)</tbody></table></div>")
            """
        return PortalPage.page("Approvals", caller: caller, current: "Approvals", status: status, body)
    }
}
