import Domain
import HTTPCore

/// The order page's two forms, filled again with what was typed after a refusal.
extension PortalOrder {
    func page(_ caller: PortalCaller, bEnd: String? = nil, typed: PortalForm? = nil, errors: [String: String] = [:],
              status: HTTPStatus = .ok) async throws -> HTTPResponse {
        let locations = try await app.locations.locations().filter { $0.status == "Active" }
        let own = try await app.products.list(by: caller.session).map(\.view.service).filter { $0.status.isActive }
        let providers = try await app.marketplace.providers().filter { $0.companyId != caller.session.companyId }
        func value(_ name: String) -> String { typed?[name] ?? "" }
        func selected(_ field: String, _ option: String, default fallback: String? = nil) -> Markup {
            (typed?[field] ?? fallback) == option ? " selected" : ""
        }
        let groups = Dictionary(grouping: locations) { "\($0.countryName) — \($0.metro)" }.sorted { $0.key < $1.key }
        let locationOptions: [Markup] = groups.map { group, items in
            let options: [Markup] = items.map { "<option value=\"\($0.id)\"\(selected("locationId", String($0.id)))>\($0.name)</option>" }
            return "<optgroup label=\"\(group)\">\(options)</optgroup>"
        }
        let speedOptions: [Markup] = [(1000, "1 Gbps"), (10000, "10 Gbps"), (100000, "100 Gbps")].map {
            "<option value=\"\($0.0)\"\(selected("speed", String($0.0), default: "10000"))>\($0.1)</option>"
        }
        let ready = own.filter { $0.status.isReady && $0.productType.carriesVXCs }
        let aOptions: [Markup] = ready.map { "<option value=\"\($0.id)\"\(selected("aEnd", String($0.id)))>\($0.name) (\(PortalServices.speed($0)))</option>" }
        let ownB: [Markup] = ready.map { "<option value=\"\($0.id)\"\(selected("bEnd", String($0.id), default: bEnd))>\($0.name)</option>" }
        let marketB: [Markup] = providers.map { provider in
            let ports: [Markup] = provider.ports.map { "<option value=\"\($0.id)\"\(selected("bEnd", String($0.id), default: bEnd))>\($0.name)</option>" }
            return "<optgroup label=\"\(provider.name)\">\(ports)</optgroup>"
        }
        let body: Markup = """
            <section class="card narrow"><h2>A port</h2>
            <form method="post" action="/portal/order/port" novalidate>\(PortalPage.csrf(caller))
            <label for="port-name">Name</label><input id="port-name" name="name" value="\(typed?["name"] != nil && typed?["locationId"] != nil ? value("name") : "")">\(PortalPage.error(errors["port.name"]))
            <label for="port-location">Location</label><select id="port-location" name="locationId">\(locationOptions)</select>\(PortalPage.error(errors["port.locationId"]))
            <label for="port-speed">Speed</label><select id="port-speed" name="speed">\(speedOptions)</select>\(PortalPage.error(errors["port.speed"]))
            \(PortalPage.error(errors["port.form"]))<button type="submit">Order port</button></form></section>
            <section class="card narrow"><h2>A VXC</h2>
            <form method="post" action="/portal/order/vxc" novalidate>\(PortalPage.csrf(caller))
            <label for="vxc-name">Name</label><input id="vxc-name" name="name" value="\(typed?["aEnd"] != nil ? value("name") : "")">\(PortalPage.error(errors["vxc.name"]))
            <label for="vxc-a">A-end</label><select id="vxc-a" name="aEnd">\(aOptions)</select>\(PortalPage.error(errors["vxc.aEnd"]))
            <label for="vxc-b">B-end</label><select id="vxc-b" name="bEnd"><optgroup label="Your ports">\(ownB)</optgroup>\(marketB)</select>\(PortalPage.error(errors["vxc.bEnd"]))
            <label for="vxc-avlan">A-end VLAN</label><input id="vxc-avlan" name="aVlan" placeholder="automatic" inputmode="numeric" value="\(value("aVlan"))">\(PortalPage.error(errors["vxc.aVlan"]))
            <label for="vxc-bvlan">B-end VLAN</label><input id="vxc-bvlan" name="bVlan" placeholder="automatic" inputmode="numeric" value="\(value("bVlan"))">\(PortalPage.error(errors["vxc.bVlan"]))
            <label for="vxc-speed">Speed (Mbps)</label><input id="vxc-speed" name="speed" inputmode="numeric" value="\(typed?["aEnd"] != nil ? value("speed") : "100")">
            <p class="muted">At most the slower end's speed.</p>\(PortalPage.error(errors["vxc.speed"]))
            \(PortalPage.error(errors["vxc.form"]))<button type="submit">Order VXC</button></form></section>
            """
        return PortalPage.page("Order", caller: caller, current: "Order", status: status, body)
    }
}
