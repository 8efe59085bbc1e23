import Domain
import HTTPCore
import HTTPServer
import JSON

/// `/v2|v3/networkdesign/validate` and `/v2|v3|v4/networkdesign/buy`: a bare array of items, or
/// `{"networkDesign": [...]}` as the Go SDK's v4 buy sends it. Items are MEGAPORT ports and LAGs, MCR2
/// cloud routers, VXCs under `associatedVxcs` and IXs under `associatedIxs`, in the clients' member names;
/// upper-case twins, `createDate`, `market`, a port's `config` and `promoCode` are ignored. What this server
/// does not model yet (MVEs, partner configurations other than AWS, inner VLANs) is refused by name.
struct NetworkDesignController {
    let designs: NetworkDesignService

    func validate(_ request: HTTPRequest, _ session: Session) async throws -> HTTPResponse {
        let lines = try await designs.validate(try Self.items(request), by: session)
        return Envelope.success("Network design is valid", data: .array(lines.map { line in
            ["productType": .string(line.productType.rawValue), "productName": .string(line.name),
             "price": ["monthlyRate": .double(line.monthlyRate), "currency": .string(line.currency)]]
        }))
    }

    /// Honours `Idempotency-Key`: a retried buy answers the first one again (`Idempotent-Replayed: true`).
    func buy(_ request: HTTPRequest, _ session: Session) async throws -> HTTPResponse {
        let items = try Self.items(request)
        let key = try IdempotencyKey.request(request, session, encode: Self.bought)
        return IdempotencyKey.response(try await designs.buy(items, by: session, idempotency: key), encode: Self.bought)
    }

    static func bought(_ lines: [DesignLine]) -> HTTPResponse {
        Envelope.success("Network design ordered", data: .array(lines.map { line in
            let vxc = line.productType == .vxc
            return [(vxc ? "vxcJTechnicalServiceUid" : "technicalServiceUid"): .string(line.serviceUid),
                    (vxc ? "vxcJTechnicalServiceId" : "technicalServiceId"): .int(line.serviceId),
                    "productUid": .string(line.serviceUid), "productType": .string(line.productType.rawValue),
                    "productName": .string(line.name), "provisioningStatus": .string(ProductJSON.status(line.status)),
                    "price": ["monthlyRate": .double(line.monthlyRate), "currency": .string(line.currency)]]
        }))
    }

    static func items(_ request: HTTPRequest) throws -> [DesignItem] {
        let body = try JSONBody.parseList(request, key: "networkDesign")
        var items: [DesignItem] = []
        for item in body.objects("networkDesign") {
            let vxcs = item.objects("associatedVxcs"), ixs = item.objects("associatedIxs")
            if !vxcs.isEmpty || !ixs.isEmpty {
                let port = item.string("productUid")
                items += try vxcs.map { try vxc($0, aEnd: port) }
                items += try ixs.map { try ix($0, port: port) }
            } else {
                items.append(try Self.port(item))
            }
        }
        try body.finish()
        guard !items.isEmpty else { throw DomainError.invalid("networkDesign", "must hold at least one item") }
        return items
    }

    static func port(_ item: JSONBody) throws -> DesignItem {
        let type = item.string("productType")?.uppercased() ?? ""
        // megaLib's first-generation MCR is a MEGAPORT item with `virtual: true`; it is ordered as a cloud router.
        if type == "MCR2" || (type == "MEGAPORT" && item.bool("virtual") == true) { return try router(item) }
        guard type == "MEGAPORT" else {
            throw DomainError.invalid(item.path("productType"), type.isEmpty ? "is required: MEGAPORT or MCR2 (or an item with associatedVxcs or associatedIxs)"
                                                                  : "\(type) is not served yet; MEGAPORT ports, MCR2 routers, VXCs and IXs are")
        }
        let lagCount = item.int("lagPortCount") ?? 0  // omitted, null or 0: a single port
        let lagPorts = lagCount == 0 ? 1 : Int(clamping: lagCount)
        let order = PortOrder(name: item.requireString("productName"), locationId: item.requireInt("locationId"),
                              speed: Int(item.requireInt("portSpeed")))
        let settings = ServiceChanges(marketplaceVisibility: item.bool("marketplaceVisibility"), costCentre: item.string("costCentre"))
        return .port(order, lagPorts: lagPorts, term: Int(item.int("term") ?? 1), settings: settings, tags: tags(item))
    }

    /// A cloud router: `portSpeed`, `locationId`, `config.mcrAsn` (133937 when omitted or 0).
    static func router(_ item: JSONBody) throws -> DesignItem {
        let asn = item.object("config")?.int("mcrAsn")
        let order = MCROrder(name: item.requireString("productName"), locationId: item.requireInt("locationId"),
                             speed: Int(clamping: item.requireInt("portSpeed")), asn: asn == 0 ? nil : asn)
        let settings = ServiceChanges(marketplaceVisibility: item.bool("marketplaceVisibility"), costCentre: item.string("costCentre"))
        return .mcr(order, term: Int(item.int("term") ?? 1), settings: settings, tags: tags(item))
    }

    static func vxc(_ item: JSONBody, aEnd port: String?) throws -> DesignItem {
        let a = item.object("aEnd"), b = item.requireObject("bEnd")
        for (end, name) in [(a, "aEnd"), (b, "bEnd")] {
            if let end, end.int("innerVlan").map({ $0 != 0 }) == true {
                throw DomainError.invalid(item.path("\(name).innerVlan"), "inner VLANs are not served yet")
            }
        }
        for (end, name) in [(a, "aEnd"), (b, "bEnd")] {
            guard let config = end?.object("partnerConfig"), config.has("interfaces") || config.string("connectType")?.uppercased() == "VROUTER" else { continue }
            throw DomainError.invalid(item.path("\(name).partnerConfig"), "router interface (BGP) configurations are not served yet; order the VXC without one")
        }
        if a?.has("partnerConfig") == true { throw DomainError.invalid(item.path("aEnd.partnerConfig"), "A-end partner configurations are not served yet") }
        if item.bool("shutdown") == true { throw DomainError.invalid(item.path("shutdown"), "a VXC cannot be ordered shut down here") }
        guard let aEnd = a?.string("productUid") ?? port else { throw DomainError.invalid(item.path("aEnd.productUid"), "is required") }
        let bEnd = b?.string("productUid")
        var order = VXCOrder(aEndId: 0, bEndId: 0, aVlan: Int(a?.int("vlan") ?? 0), bVlan: Int(b?.int("vlan") ?? 0),
                             speed: Int(item.requireInt("rateLimit")))
        order.name = item.string("productName")
        order.term = Int(item.int("term") ?? 1)
        order.serviceKey = item.string("serviceKey")
        if let config = b?.object("partnerConfig") {
            guard config.string("connectType")?.uppercased() == "AWS" else {
                throw DomainError.invalid(item.path("bEnd.partnerConfig.connectType"), "only AWS partner configurations are served yet")
            }
            order.aws = AWSConfig(type: config.string("type") ?? "private", asn: config.requireInt("asn"), authKey: config.string("authKey"),
                                  ownerAccount: config.requireString("ownerAccount"))
        }
        guard let bEnd else { throw DomainError.invalid(item.path("bEnd.productUid"), "is required") }
        return .vxc(order, aEnd: aEnd, bEnd: bEnd, settings: ServiceChanges(costCentre: item.string("costCentre")), tags: tags(item))
    }

    static func ix(_ item: JSONBody, port: String?) throws -> DesignItem {
        guard let port = port ?? item.string("productUid") else { throw DomainError.invalid(item.path("productUid"), "is required: the port the IX is on") }
        var ix = IXItem(exchangeName: item.requireString("networkServiceType"), asn: item.requireInt("asn"),
                        macAddress: item.requireString("macAddress"), rateLimit: Int(item.requireInt("rateLimit")), vlan: Int(item.int("vlan") ?? 0))
        ix.name = item.string("productName")
        return .ix(port: port, ix, term: Int(item.int("term") ?? 1))
    }

    static func tags(_ item: JSONBody) -> [(key: String, value: String)] {
        item.objects("resourceTags").compactMap { tag in
            let key = tag.requireString("key"), value = tag.text("value") ?? ""
            return key.isEmpty ? nil : (key, value)
        }
    }
}
