import Domain
import HTTPCore
import HTTPServer

/// Order: a port (location by country and metro, speed, name), a VXC (A-end from the company's own
/// ports and routers, B-end from them or a marketplace provider's ports, VLANs "automatic" when left
/// blank, a speed both ends allow) and an IX on one of the company's ports. Field errors appear next to their fields, in the API's words.
struct PortalOrder: Sendable {
    let app: Application

    func register(_ router: inout RouteGroup, _ portal: PortalRoutes) {
        portal.page(&router, .get, "/portal/order") { request, _, caller in
            try await page(caller, bEnd: request.uri.queryValue("bEnd"))
        }
        portal.page(&router, .post, "/portal/order/port") { request, _, caller in
            let form = try PortalForm(request)
            guard let location = form.text("locationId").flatMap(Int64.init), let speed = form.text("speed").flatMap(Int.init) else {
                return try await page(caller, typed: form, errors: ["port.locationId": "Choose a location and a speed."], status: .unprocessableContent)
            }
            return try await submit(caller, form, prefix: "port") {
                var order = PortOrder(name: form.text("name") ?? "", locationId: location, speed: speed)
                order.companyId = caller.companyId
                guard case .fresh(let receipt, _) = try await app.orders.orderPort(order, by: caller.session) else { return nil }
                return receipt.serviceId
            }
        }
        portal.page(&router, .post, "/portal/order/ix") { request, _, caller in try await orderIX(request, caller) }
        portal.page(&router, .post, "/portal/order/vxc") { request, _, caller in
            let form = try PortalForm(request)
            guard let a = form.text("aEnd").flatMap(Int64.init), let b = form.text("bEnd").flatMap(Int64.init) else {
                return try await page(caller, typed: form, errors: ["vxc.bEnd": "Choose both ends."], status: .unprocessableContent)
            }
            let vlan = { (name: String) in form.text(name).map { Int($0) ?? -2 } ?? 0 }  // blank: automatic; not a number: refused as out of range
            var order = VXCOrder(aEndId: a, bEndId: b, aVlan: vlan("aVlan"), bVlan: vlan("bVlan"), speed: form.text("speed").flatMap(Int.init) ?? 0)
            order.name = form.text("name")
            return try await submit(caller, form, prefix: "vxc") {
                guard case .fresh(let result, _) = try await app.orders.orderVXC(order, by: caller.session) else { return nil }
                return result.serviceId
            }
        }
    }

    /// `POST /portal/order/ix`: an IX on one of the company's ports.
    func orderIX(_ request: HTTPRequest, _ caller: PortalCaller) async throws -> HTTPResponse {
        let form = try PortalForm(request)
        guard let port = form.text("port") else {
            return try await page(caller, typed: form, errors: ["ix.port": "Choose a port."], status: .unprocessableContent)
        }
        var item = IXItem(exchangeName: form.text("exchange") ?? "", asn: form.text("asn").flatMap(Int64.init) ?? 0,
                          macAddress: form.text("macAddress") ?? "", rateLimit: form.text("speed").flatMap(Int.init) ?? 0,
                          vlan: form.text("vlan").map { Int($0) ?? -2 } ?? 0)
        item.name = form.text("name")
        return try await submit(caller, form, prefix: "ix") {
            guard case .fresh(let receipt, _) = try await app.orders.orderIX(portIdOrUid: port, item: item, by: caller.session) else { return nil }
            return receipt.serviceId
        }
    }

    /// Places an order; on success the browser goes to the new service, otherwise the form comes back
    /// with each error beside its field.
    func submit(_ caller: PortalCaller, _ form: PortalForm, prefix: String, _ order: () async throws -> Int64?) async throws -> HTTPResponse {
        do {
            guard let id = try await order() else { return PortalPage.redirect("/portal/services") }
            return PortalPage.redirect("/portal/services/\(id)")
        } catch let error as DomainError {
            var errors: [String: String] = [:]
            for (field, message) in PortalPage.fieldErrors(error) {
                errors[prefix + "." + Self.formField(field)] = field == "form" ? message : "\(Self.label(field)) \(message)"
            }
            return try await page(caller, typed: form, errors: errors, status: ErrorMapping.httpError(from: error).status)
        }
    }

    /// The form field a domain key belongs to.
    static func formField(_ key: String) -> String {
        switch key {
        case "aEnd.vlan": "aVlan"
        case "bEnd.vlan": "bVlan"
        case "rateLimit": "speed"
        case "aEnd.productId": "aEnd"
        case "ix.exchange": "exchange"
        case "ix.asn": "asn"
        case "ix.macAddress": "macAddress"
        case "ix.rateLimit": "speed"
        case "ix.vlan": "vlan"
        case "ix.name": "name"
        default: key
        }
    }

    static func label(_ key: String) -> String {
        ["aEnd.vlan": "A-end VLAN", "bEnd.vlan": "B-end VLAN", "rateLimit": "Speed", "speed": "Speed", "name": "Name",
         "locationId": "Location", "aEnd.productId": "A-end", "ix.exchange": "Exchange", "ix.asn": "ASN", "ix.macAddress": "MAC address",
         "ix.rateLimit": "Speed", "ix.vlan": "VLAN", "ix.name": "Name"][key] ?? key
    }
}
