import Domain
import HTTPCore

/// The order page's three forms, filled again with what was typed after a refusal.
extension PortalOrder {
    func page(_ caller: PortalCaller, bEnd: String? = nil, typed: PortalForm? = nil, errors: [String: String] = [:],
              status: HTTPStatus = .ok) async throws -> HTTPResponse {
        let locations = try await app.locations.locations().filter { $0.status == "Active" }
        let own = try await app.products.list(of: caller.companyId, by: caller.session).map(\.view.service).filter { $0.status.isActive }
        let providers = try await app.marketplace.providers().filter { $0.companyId != caller.session.companyId }
        let exchanges = try await app.locations.exchanges()
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
            \(ixForm(caller, ports: ready.filter { $0.productType.isPort }, exchanges: exchanges.map(\.exchange.name), typed: typed, errors: errors))
            """
        return PortalPage.page("Order", caller: caller, current: "Order", status: status, body)
    }
}

extension PortalOrder {
    /// The IX form: a port, the exchange (its metro must be the port's), ASN, MAC address, speed, VLAN.
    func ixForm(_ caller: PortalCaller, ports: [ServiceRecord], exchanges: [String], typed: PortalForm?, errors: [String: String]) -> Markup {
        let mine = typed?["exchange"] != nil
        func value(_ name: String) -> String { mine ? typed?[name] ?? "" : "" }
        let portOptions: [Markup] = ports.map { "<option value=\"\($0.id)\"\(value("port") == String($0.id) ? " selected" as Markup : "")>\($0.name)</option>" }
        let exchangeOptions: [Markup] = exchanges.map { "<option\(value("exchange") == $0 ? " selected" as Markup : "")>\($0)</option>" }
        return """
            <section class="card narrow"><h2>An IX</h2>
            <form method="post" action="/portal/order/ix" novalidate>\(PortalPage.csrf(caller))
            <label for="ix-name">Name</label><input id="ix-name" name="name" value="\(value("name"))">\(PortalPage.error(errors["ix.name"]))
            <label for="ix-port">Port</label><select id="ix-port" name="port">\(portOptions)</select>\(PortalPage.error(errors["ix.port"]))
            <label for="ix-exchange">Exchange</label><select id="ix-exchange" name="exchange">\(exchangeOptions)</select>\(PortalPage.error(errors["ix.exchange"]))
            <label for="ix-asn">ASN</label><input id="ix-asn" name="asn" inputmode="numeric" value="\(value("asn"))">\(PortalPage.error(errors["ix.asn"]))
            <label for="ix-mac">MAC address</label><input id="ix-mac" name="macAddress" placeholder="00:11:22:33:44:55" value="\(value("macAddress"))">\(PortalPage.error(errors["ix.macAddress"]))
            <label for="ix-speed">Speed (Mbps)</label><input id="ix-speed" name="speed" inputmode="numeric" value="\(mine ? value("speed") : "1000")">\(PortalPage.error(errors["ix.speed"]))
            <label for="ix-vlan">VLAN</label><input id="ix-vlan" name="vlan" placeholder="automatic" inputmode="numeric" value="\(value("vlan"))">\(PortalPage.error(errors["ix.vlan"]))
            \(PortalPage.error(errors["ix.form"]))<button type="submit">Order IX</button></form></section>
            """
    }
}
