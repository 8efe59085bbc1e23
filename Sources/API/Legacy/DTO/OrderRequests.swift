import Domain
import HTTPCore
import JSON

/// Request bodies of the ordering endpoints, decoded with the seed blog's field names (API.md §4–6).
enum OrderRequests {
    /// `POST /secure/ecommerce/megaport/order`.
    static func port(_ request: HTTPRequest) throws -> PortOrder {
        let body = try JSONBody.parse(request)
        let item = body.requireObject("megaPortProvItem")
        let name = body.requireString("serviceName")
        let speed = item?.requireInt("speed") ?? 0
        let location = item.map { $0.int("locationId") ?? $0.requireInt("location_id") } ?? 0
        let typeText = body.isBlank("productType") ? "" : body.string("productType") ?? "MEGAPORT"
        let companyId = body.int("companyId")
        let requestDate = body.string("customerRequestDate")
        let ix = try body.object("ixProvItem").flatMap { $0.isEmpty ? nil : try ixItem($0) }
        var order = PortOrder(name: name, locationId: location, speed: Int(speed))
        order.rackId = item?.string("rackId")
        order.opticalInterface = item?.string("opticalInterface")
        try body.finish()
        guard let type = ProductType(rawValue: typeText), type.isPort else {
            throw DomainError.invalid("productType", "must be MEGAPORT or MEGADIRECT")
        }
        order.productType = type
        order.companyId = companyId
        order.ix = ix
        if let requestDate { order.customerRequestDate = try date(requestDate, field: "customerRequestDate") }
        return order
    }

    /// `POST /secure/ecommerce/ix/order` → the port (id or uid) and the IX item.
    static func ix(_ request: HTTPRequest) throws -> (port: String, item: IXItem) {
        let body = try JSONBody.parse(request)
        let port = body.string("productUid") ?? body.string("megaPortNsId")
        let name = body.string("serviceName")
        let item = body.requireObject("ixProvItem")
        var decoded = try item.map { try ixItem($0) }
        try body.finish()
        guard let port else { throw DomainError.invalid("productUid", "is required (or megaPortNsId)") }
        decoded?.name = name
        guard let decoded else { throw DomainError.invalid("ixProvItem", "is required") }
        return (port, decoded)
    }

    static func ixItem(_ item: JSONBody) throws -> IXItem {
        IXItem(exchangeName: item.requireString("networkServiceType"), asn: item.requireInt("asn"),
               macAddress: item.requireString("macAddress"), rateLimit: Int(item.requireInt("rateLimit")),
               vlan: Int(item.int("vlan") ?? 0))
    }

    /// `POST /secure/ecommerce/vxc/order`.
    static func vxc(_ request: HTTPRequest) throws -> VXCOrder {
        let body = try JSONBody.parse(request)
        // A service profile names the B-end (its nearest port) when the order does not.
        let profile = body.string("serviceProfileUid")
        var order = VXCOrder(aEndId: body.requireInt("payerMegaPortNsId"),
                             bEndId: profile == nil ? body.requireInt("nonPayerMegaPortNsId") : body.int("nonPayerMegaPortNsId"),
                             aVlan: Int(body.int("payerVlanId") ?? 0), bVlan: Int(body.int("nonPayerVlanId") ?? 0),
                             speed: Int(body.requireInt("speed")))
        let rateType = body.string("rateType") ?? "MONTHLY"
        order.rollover = body.bool("rollover") ?? true
        order.term = Int(body.int("duration") ?? body.int("term") ?? 1)
        order.name = body.string("serviceName")
        order.serviceKey = body.string("serviceKey")
        order.serviceProfileUid = profile
        order.buyerFields = body.buyerValues("buyerFields")
        if let aws = body.object("amazonDirectConnectConfigDto") {
            order.aws = AWSConfig(type: aws.string("type") ?? "private", asn: aws.requireInt("asn"), authKey: aws.string("authKey"),
                                  ownerAccount: aws.requireString("ownerAccount"))
        }
        try body.finish()
        guard rateType == "MONTHLY" else { throw DomainError.invalid("rateType", "must be MONTHLY") }
        return order
    }

    /// ISO-8601 (`2014-12-29T14:00:00.000Z`, as the seed sends; an offset within ±14:00; a real calendar
    /// date) or epoch milliseconds (digits only).
    static func date(_ text: String, field: String) throws -> Int64 {
        if let millis = Identifier.parse(text) { return millis }
        guard let millis = CalendarDate.parseDateTime(text) else {
            throw DomainError.invalid(field, "must be an ISO-8601 date-time such as 2014-12-29T14:00:00.000Z")
        }
        return millis
    }
}
