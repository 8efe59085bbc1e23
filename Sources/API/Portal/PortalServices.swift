import Domain
import HTTPCore
import HTTPServer

/// Services: the company's ports and cloud routers with their VXCs and IXs, a page per service, and
/// cancelling one after a confirmation.
struct PortalServices: Sendable {
    let app: Application

    func register(_ router: inout RouteGroup, _ portal: PortalRoutes) {
        portal.page(&router, .get, "/portal/services") { _, _, caller in try await list(caller) }
        portal.page(&router, .get, "/portal/services/:id") { _, context, caller in
            try await detail(context.parameters["id"] ?? "", caller)
        }
        portal.page(&router, .post, "/portal/services/:id/cancel") { request, context, caller in
            try await cancel(context.parameters["id"] ?? "", try PortalForm(request), caller)
        }
    }

    static func speed(_ s: ServiceRecord) -> String {
        guard let mbps = s.productType.carriesVXCs ? s.speed : s.rateLimit else { return "—" }
        return mbps >= 1000 && mbps % 1000 == 0 ? "\(mbps / 1000) Gbps" : "\(mbps) Mbps"
    }

    static func row(_ s: ServiceRecord, child: Bool) -> Markup {
        let name: Markup = "<a href=\"/portal/services/\(s.id)\">\(s.name)</a>"
        return """
            <tr><td>\(child ? "↳ " : "")\(name)</td><td>\(s.productType.rawValue)</td><td>\(s.location?.name ?? "")</td>
            <td>\(speed(s))</td><td class="status">\(s.status.rawValue)</td></tr>
            """
    }

    func list(_ caller: PortalCaller) async throws -> HTTPResponse {
        let trees = try await app.products.list(of: caller.companyId, by: caller.session)
        let rows = trees.flatMap { tree in [Self.row(tree.view.service, child: false)] + tree.children.map { Self.row($0.service, child: true) } }
        let body: Markup = rows.isEmpty ? "<p>No services yet. <a href=\"/portal/order\">Order a port</a>.</p>" : """
            <div class="scroll"><table><thead><tr><th>Name</th><th>Type</th><th>Location</th><th>Speed</th><th>Status</th></tr></thead>
            <tbody>\(rows)</tbody></table></div>
            """
        return PortalPage.page("Services", caller: caller, current: "Services", body)
    }

    func detail(_ id: String, _ caller: PortalCaller, message: Markup = "", status: HTTPStatus = .ok) async throws -> HTTPResponse {
        let view = try await app.lifecycle.view(id, by: caller.session)
        let s = view.service
        var facts: [(String, String)] = [("Type", s.productType.rawValue), ("Status", s.status.rawValue), ("Speed", Self.speed(s)),
                                         ("Owner", s.companyName), ("Ordered", PortalPage.date(s.createDate))]
        if let location = s.location { facts.append(("Location", location.name)) }
        if let a = view.aEnd { facts.append(("A-end", "\(a.name) (\(a.companyName))" + (view.vlans["A"].map { ", VLAN \($0)" } ?? ""))) }
        if let b = view.bEnd { facts.append(("B-end", "\(b.name) (\(b.companyName))" + (view.vlans["B"].map { ", VLAN \($0)" } ?? ""))) }
        if let ix = s.ixName { facts.append(("Exchange", ix + (view.vlans["IX"].map { ", VLAN \($0)" } ?? ""))) }
        if let approval = view.approval {
            facts.append(("Approval", "\(approval.kind == .new ? "new connection" : "speed change") waiting for the B-end, until \(PortalPage.date(approval.expiryDate))"))
        }
        let list: [Markup] = facts.map { "<tr><th scope=\"row\">\($0.0)</th><td>\($0.1)</td></tr>" }
        let children: [Markup] = view.children.map { child in
            let vlan = child.vlans.values.sorted().map(String.init).joined(separator: ", ")
            return "<tr><td><a href=\"/portal/services/\(child.service.id)\">\(child.service.name)</a></td><td>\(child.service.productType.rawValue)</td><td>\(vlan)</td><td class=\"status\">\(child.service.status.rawValue)</td></tr>"
        }
        let attached: Markup = children.isEmpty ? "" : """
            <h2>On this \(s.productType.isPort ? "port" : "router")</h2><div class="scroll"><table><thead><tr><th>Name</th><th>Type</th><th>VLAN</th><th>Status</th></tr></thead>
            <tbody>\(children)</tbody></table></div>
            """
        let canCancel = s.status.isActive && s.companyId == (caller.companyId ?? caller.session.companyId)
        let cancel: Markup = !canCancel ? "" : """
            <h2>Cancel</h2><form method="post" action="/portal/services/\(s.id)/cancel" class="card narrow">\(PortalPage.csrf(caller))
            <label><input type="checkbox" name="confirm" value="yes"> Confirm cancellation of \(s.name)</label>
            <button type="submit">Cancel service</button></form>
            """
        let body: Markup = "\(message)<div class=\"scroll\"><table>\(list)</table></div>\(attached)\(cancel)"
        return PortalPage.page(s.name, caller: caller, current: "Services", status: status, body)
    }

    func cancel(_ id: String, _ form: PortalForm, _ caller: PortalCaller) async throws -> HTTPResponse {
        guard form["confirm"] == "yes" else {
            return try await detail(id, caller, message: "<p class=\"notice error\" role=\"alert\">Tick Confirm cancellation to cancel.</p>",
                                    status: .unprocessableContent)
        }
        do {
            _ = try await app.lifecycle.cancel(id, cascade: false, by: caller.session)
        } catch let error as DomainError {
            let mapped = ErrorMapping.httpError(from: error)
            return try await detail(id, caller, message: "<p class=\"notice error\" role=\"alert\">\(mapped.message)</p>", status: mapped.status)
        }
        return PortalPage.redirect("/portal/services/\(id)")
    }
}
