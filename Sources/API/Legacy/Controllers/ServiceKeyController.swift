import Domain
import HTTPCore
import HTTPServer
import JSON

/// `/secure/servicekeys` with the `/v2/service/key` field names (API.md §10, research §2.10).
struct ServiceKeyController {
    let keys: ServiceKeyService

    static func json(_ v: ServiceKeyView) -> JSONValue {
        let k = v.key
        return ["key": .string(k.key), "createDate": .int(k.createDate), "companyId": .int(k.companyId), "companyName": .string(v.companyName),
                "description": .string(k.description), "productId": .int(k.productId), "productUid": .string(v.productUid),
                "productName": .string(v.productName), "vlan": .int(k.vlan.map(Int64.init)), "maxSpeed": .int(k.maxSpeed.map(Int64.init)),
                "preApproved": .bool(k.preApproved), "singleUse": .bool(k.singleUse), "lastUsed": .int(k.usedDate), "active": .bool(k.active),
                "validFor": ["start": .int(k.validFrom), "end": .int(k.validTo)], "expired": .bool(v.expired), "valid": .bool(v.valid)]
    }

    /// The key's fields; `validFor` in epoch milliseconds unless `window` is false (the caller reads it).
    static func fields(_ body: JSONBody, window readWindow: Bool = true) -> ServiceKeyFields {
        var f = ServiceKeyFields()
        f.productIdOrUid = body.string("productUid") ?? body.string("productId")
        f.description = body.string("description")
        f.vlan = body.int("vlan").map(Int.init)
        f.maxSpeed = body.int("maxSpeed").map(Int.init)
        f.preApproved = body.bool("preApproved")
        f.singleUse = body.bool("singleUse")
        f.active = body.bool("active")
        if readWindow, let window = body.object("validFor") {
            f.validFrom = window.int("start")
            f.validTo = window.int("end")
        }
        return f
    }

    func create(_ request: HTTPRequest, _ session: Session) async throws -> HTTPResponse {
        let body = try JSONBody.parse(request)
        let fields = Self.fields(body)
        try body.finish()
        guard fields.productIdOrUid != nil else { throw DomainError.invalid("productUid", "is required (or productId)") }
        return Envelope.json(Self.json(try await keys.create(fields, by: session)), status: .created)
    }

    func list(_ request: HTTPRequest, _ session: Session) async throws -> HTTPResponse {
        let product = request.uri.queryValue("productIdOrUid") ?? request.uri.queryValue("productUid")
        let key = request.uri.queryValue("key")
        if let key, !Tokens.looksLikeUUID(key) { throw DomainError.invalid("key", "must be a service key (a UUID)") }
        if let product, Identifier.parse(product) == nil && !Tokens.looksLikeUUID(product) {
            throw DomainError.invalid("productIdOrUid", "must be a product id or uid")
        }
        let list = try await keys.list(productIdOrUid: product, key: key, by: session)
        return Envelope.json(.array(list.map(Self.json)))
    }

    func update(_ request: HTTPRequest, _ session: Session) async throws -> HTTPResponse {
        let body = try JSONBody.parse(request)
        let key = body.requireString("key")
        let fields = Self.fields(body)
        try body.finish()
        return Envelope.json(Self.json(try await keys.update(key: key, fields, by: session)))
    }
}
