import Domain
import HTTPCore
import HTTPServer

/// Marketplace (providers and their ports, **Connect** to order a VXC to one; a Company Admin lists or
/// hides the company and its ports) and Notifications (the signed-in user's subscriptions).
struct PortalDirectory: Sendable {
    let app: Application

    func register(_ router: inout RouteGroup, _ portal: PortalRoutes) {
        portal.page(&router, .get, "/portal/marketplace") { _, _, caller in try await marketplace(caller) }
        portal.page(&router, .post, "/portal/marketplace") { request, _, caller in
            let form = try PortalForm(request)
            if form["profile"] == "yes" {
                do {
                    _ = try await app.marketplace.updateProfile(name: form.text("name"), description: form["description"], contactEmail: form.text("contactEmail"),
                                                                visible: nil, by: caller.session)
                } catch let error as DomainError {
                    return try await marketplace(caller, errors: PortalPage.fieldErrors(error), status: ErrorMapping.httpError(from: error).status)
                }
            } else if let port = form.text("port") {
                _ = try await app.lifecycle.update(port, ServiceChanges(marketplaceVisibility: form["visible"] == "yes"), by: caller.session)
            } else {
                _ = try await app.marketplace.updateProfile(name: nil, description: nil, contactEmail: nil, visible: form["visible"] == "yes",
                                                            by: caller.session)
            }
            return PortalPage.redirect("/portal/marketplace")
        }
        portal.page(&router, .get, "/portal/notifications") { _, _, caller in try await notifications(caller) }
        portal.page(&router, .post, "/portal/notifications") { request, _, caller in
            let form = try PortalForm(request)
            let changes = NotificationGroup.allCases.filter { !$0.alwaysOn }.map { ($0, form[$0.rawValue] == "on") }
            _ = try await app.notifications.setPreferences(of: nil, changes, by: caller.session)
            return try await notifications(caller, notice: "Subscriptions saved.")
        }
        PortalUsers(app: app).register(&router, portal)
    }

    func marketplace(_ caller: PortalCaller, errors: [String: String] = [:], status: HTTPStatus = .ok) async throws -> HTTPResponse {
        let providers = try await app.marketplace.providers()
        let cards: [Markup] = providers.filter { $0.visible && $0.companyId != caller.session.companyId }.map { provider in
            let ports: [Markup] = provider.ports.map { port in
                "<tr><td>\(port.name)</td><td>\(port.location?.name ?? "")</td><td>\(PortalServices.speed(port))</td><td><a href=\"/portal/order?bEnd=\(port.id)\">Connect</a></td></tr>"
            }
            return """
                <article class="card"><h2>\(provider.name)</h2><p>\(provider.description ?? "")</p><p class="muted">\(provider.contactEmail ?? "")</p>
                <div class="scroll"><table><thead><tr><th>Port</th><th>Location</th><th>Speed</th><th></th></tr></thead><tbody>\(ports)</tbody></table></div></article>
                """
        }
        var own: Markup = ""
        if caller.session.position == .companyAdmin {
            let mine = providers.first { $0.companyId == caller.session.companyId }
            let ports = try await app.products.list(by: caller.session).map(\.view.service).filter { $0.productType.isPort && $0.status.isActive }
            let rows: [Markup] = ports.map { port in
                """
                <tr><td>\(port.name)</td><td>\(port.marketplaceVisibility ? "listed" : "hidden")</td><td><form method="post" action="/portal/marketplace">\(PortalPage.csrf(caller))
                <input type="hidden" name="port" value="\(port.id)"><input type="hidden" name="visible" value="\(port.marketplaceVisibility ? "no" : "yes")">
                <button type="submit" class="secondary">\(port.marketplaceVisibility ? "Hide port" : "List port")</button></form></td></tr>
                """
            }
            let listed = mine?.visible == true
            own = """
                <h2>Your listing</h2><div class="card"><form method="post" action="/portal/marketplace" class="inline">\(PortalPage.csrf(caller))
                <input type="hidden" name="visible" value="\(listed ? "no" : "yes")"><span>\(caller.session.companyName) is \(listed ? "listed" : "not listed").</span>
                <button type="submit" class="secondary">\(listed ? "Hide company" : "List company")</button></form>
                \(rows.isEmpty ? "" as Markup : "<div class=\"scroll\"><table><tbody>\(rows)</tbody></table></div>")</div>
                <form method="post" action="/portal/marketplace" class="card narrow" novalidate>\(PortalPage.csrf(caller))<input type="hidden" name="profile" value="yes">
                <h2>Your profile</h2>
                <label for="mp-name">Name</label><input id="mp-name" name="name" value="\(mine?.name ?? caller.session.companyName)">\(PortalPage.error(errors["name"]))
                <label for="mp-description">Description</label><input id="mp-description" name="description" value="\(mine?.description ?? "")">\(PortalPage.error(errors["description"]))
                <label for="mp-email">Contact email</label><input id="mp-email" name="contactEmail" type="email" value="\(mine?.contactEmail ?? "")">\(PortalPage.error(errors["contactEmail"]))
                \(PortalPage.error(errors["form"]))<button type="submit">Save profile</button></form>
                """
        }
        let body: Markup = "\(cards.isEmpty ? "<p>No providers are listed yet.</p>" as Markup : Markup(cards))\(own)"
        return PortalPage.page("Marketplace", caller: caller, current: "Marketplace", status: status, body)
    }

    func notifications(_ caller: PortalCaller, notice: String? = nil) async throws -> HTTPResponse {
        let preferences = try await app.notifications.preferences(of: nil, by: caller.session)
        guard caller.session.position.receivesEmail else {
            return PortalPage.page("Notifications", caller: caller, current: "Notifications",
                                   "<p>A \(caller.session.position.rawValue) does not receive notification emails.</p>")
        }
        let rows: [Markup] = preferences.map { group, on in
            let fixed: Markup = group.alwaysOn ? " disabled" : ""
            return "<label><input type=\"checkbox\" name=\"\(group.rawValue)\"\(on ? " checked" as Markup : "")\(fixed)> \(group.rawValue.replacingOccurrences(of: "_", with: " ").capitalized)\(group.alwaysOn ? " (always on)" : "")</label>"
        }
        let body: Markup = """
            \(notice.map { "<p class=\"notice\" role=\"status\">\($0)</p>" as Markup } ?? "")
            <form method="post" action="/portal/notifications" class="card narrow">\(PortalPage.csrf(caller))\(rows)<button type="submit">Save</button></form>
            """
        return PortalPage.page("Notifications", caller: caller, current: "Notifications", body)
    }
}
