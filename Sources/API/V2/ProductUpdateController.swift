import Domain
import HTTPCore
import HTTPServer
import JSON

/// Partial product updates on the v2 surface, applied before the answer so the next read shows them:
/// `PUT /v2/product/megaport/{uid}` (the Go SDK's ModifyPort), `PUT /v2/product/mcr2/{uid}` (ModifyMCR), `PUT /v2/product/{uid}` (megaLib and
/// scripts) and `PUT /v3/product/vxc/{uid}` with its v2 alias (UpdateVXC). Members left out stay as they
/// are; `costCentre: ""` clears it. Members the clients know but this server cannot change yet are
/// refused by name (422) rather than silently dropped.
struct ProductUpdateController {
    let services: ServiceManagement
    let products: ProductService
    let approvals: ApprovalService

    /// What a port or router update may not change here: MVE members and the contract term.
    static let fixedOnPorts = ["term", "vnics"]
    /// What a VXC update may not change here: its ends, inner VLANs, partner configurations, term and shutdown.
    static let fixedOnVXCs = ["shutdown", "aEndInnerVlan", "bEndInnerVlan", "aEndProductUid", "bEndProductUid",
                              "term", "aVnicIndex", "bVnicIndex", "aEndConfig", "bEndConfig"]

    /// What an IX update may not change here: its addressing, peering settings, port and shutdown.
    static let fixedOnIXs = ["vlan", "macAddress", "asn", "password", "publicGraph", "reverseDns", "aEndProductUid", "shutdown"]

    static func uid(_ context: RequestContext) -> String { context.parameters["uid"] ?? "" }

    /// 404 unless the product the path names is of the kind the route is for.
    func requireType(_ uid: String, _ session: Session, _ kind: String, _ matches: (ProductType) -> Bool) async throws {
        guard matches(try await products.product(uid, by: session).view.service.productType) else {
            throw DomainError.notFound("\(kind) \(uid) not found")
        }
    }

    static func refuse(_ body: JSONBody, _ fixed: [String]) throws {
        if let member = fixed.first(where: body.has) {
            throw DomainError.invalid(member, "cannot be changed on this server; leave it out of the update")
        }
    }

    /// `PUT /v2/product/megaport/{uid}`: name, costCentre, marketplaceVisibility, vxcPermitted of a port.
    func port(_ request: HTTPRequest, _ context: RequestContext, _ session: Session) async throws -> HTTPResponse {
        let uid = Self.uid(context)
        try await requireType(uid, session, "megaport", \.isPort)
        return try await any(request, context, session)
    }

    /// `PUT /v2/product/mcr2/{uid}` (the Go SDK's ModifyMCR): name, costCentre, marketplaceVisibility, asn of a cloud router.
    func router(_ request: HTTPRequest, _ context: RequestContext, _ session: Session) async throws -> HTTPResponse {
        let uid = Self.uid(context)
        try await requireType(uid, session, "mcr2") { $0 == .mcr2 }
        return try await any(request, context, session)
    }

    /// `PUT /v2/product/{uid}`: any product; `rateLimit` changes a VXC's or IX's speed, `asn` a router's ASN.
    func any(_ request: HTTPRequest, _ context: RequestContext, _ session: Session) async throws -> HTTPResponse {
        let body = try JSONBody.parse(request)
        let changes = ServiceChanges(name: body.string("name"), marketplaceVisibility: body.bool("marketplaceVisibility"),
                                     vxcPermitted: body.bool("vxcPermitted") ?? body.bool("vxcpermitted"), costCentre: body.text("costCentre"),
                                     asn: body.int("asn"))
        let rateLimit = body.int("rateLimit")
        try Self.refuse(body, Self.fixedOnPorts)
        try body.finish()
        return try await apply(Self.uid(context), changes, rateLimit: rateLimit, approve: nil, session)
    }

    /// `PUT /v3/product/vxc/{uid}`: name, rateLimit, costCentre, aEndVlan and bEndVlan, and isApproved while
    /// an approval is pending (with bEndVlan, the VLAN the provider accepts on).
    func vxc(_ request: HTTPRequest, _ context: RequestContext, _ session: Session) async throws -> HTTPResponse {
        let body = try JSONBody.parse(request)
        let changes = ServiceChanges(name: body.string("name"), costCentre: body.text("costCentre"))
        let rateLimit = body.int("rateLimit"), approve = body.bool("isApproved")
        let vlans = (a: body.int("aEndVlan").map { Int(clamping: $0) }, b: body.int("bEndVlan").map { Int(clamping: $0) })
        try Self.refuse(body, Self.fixedOnVXCs)
        try body.finish()
        let uid = Self.uid(context)
        try await requireType(uid, session, "VXC") { $0 == .vxc }
        return try await apply(uid, changes, rateLimit: rateLimit, approve: approve, vlans: vlans, session)
    }

    /// `PUT /v2/product/ix/{uid}` (the Go SDK's UpdateIX): name, rateLimit, costCentre.
    func ix(_ request: HTTPRequest, _ context: RequestContext, _ session: Session) async throws -> HTTPResponse {
        let body = try JSONBody.parse(request)
        let changes = ServiceChanges(name: body.string("name"), costCentre: body.text("costCentre"))
        let rateLimit = body.int("rateLimit")
        try Self.refuse(body, Self.fixedOnIXs)
        try body.finish()
        let uid = Self.uid(context)
        try await requireType(uid, session, "IX") { $0 == .ix }
        return try await apply(uid, changes, rateLimit: rateLimit, approve: nil, session)
    }

    /// Checks the text first, so bad input changes nothing; then the VLANs, the decision, the speed and the text.
    func apply(_ uid: String, _ changes: ServiceChanges, rateLimit: Int64?, approve: Bool?, vlans: (a: Int?, b: Int?) = (nil, nil),
               _ session: Session) async throws -> HTTPResponse {
        try changes.validate()
        guard !changes.isEmpty || rateLimit != nil || approve != nil || vlans.a != nil || vlans.b != nil else {
            throw DomainError.invalid("name", "nothing to change: send name, costCentre, rateLimit or another member to change")
        }
        // Accepting takes the B-end VLAN with it; otherwise both ends move first, all or nothing.
        let moveB = approve == true ? nil : vlans.b
        if vlans.a != nil || moveB != nil { _ = try await services.moveVlans(uid, aEnd: vlans.a, bEnd: moveB, by: session) }
        if let approve {
            guard let pending = try await products.product(uid, by: session).view.approval else {
                throw DomainError.conflict(code: "no_pending_approval", message: "isApproved answers a pending approval; \(uid) has none")
            }
            if approve { _ = try await approvals.accept(pending.uid, vlan: vlans.b, comment: nil, by: session) }
            else { _ = try await approvals.deny(pending.uid, comment: "rejected without a reason", by: session) }
        }
        if let rateLimit {
            guard let speed = Int(exactly: rateLimit) else { throw DomainError.invalid("rateLimit", "is out of range") }
            _ = try await services.changeSpeed(uid, to: speed, by: session)
        }
        if !changes.isEmpty { _ = try await services.update(uid, changes, by: session) }
        return Envelope.success("Product updated", data: ProductJSON.product(try await products.product(uid, by: session)))
    }
}
