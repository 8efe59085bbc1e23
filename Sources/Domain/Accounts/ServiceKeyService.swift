import JSON
import Model
import Persistence
import Storage

/// A service key with what the API shows next to it.
public struct ServiceKeyView: Sendable, Equatable {
    public let key: ServiceKey
    public let companyName: String
    public let productUid: String
    public let productName: String
    /// Past `validTo`.
    public let expired: Bool
    /// Usable now: active, inside its window, and not used up.
    public let valid: Bool
}

/// The fields of a new or changed key (`/v2/service/key` names, API.md §10).
public struct ServiceKeyFields: Sendable {
    public var productIdOrUid: String?
    public var description: String?
    public var vlan: Int?
    public var maxSpeed: Int?
    public var preApproved: Bool?
    public var singleUse: Bool?
    public var active: Bool?
    public var validFrom: Int64?
    public var validTo: Int64?

    public init() {}
}

/// `POST/GET/PUT /secure/servicekeys`: a provider's keys for its own ports.
public struct ServiceKeyService: Sendable {
    let db: any DatabaseWriter

    public init(db: any DatabaseWriter) { self.db = db }

    public func create(_ fields: ServiceKeyFields, by session: Session) async throws -> ServiceKeyView {
        guard let product = fields.productIdOrUid else { throw DomainError.invalid("productId", "is required") }
        try Self.validate(fields, singleUse: fields.singleUse ?? false)
        return try await db.write { conn in
            let port = try AccessPolicy.ownedService(conn, session, product, for: .manageServiceKeys)
            guard port.productType.isPort, let speed = port.speed else { throw DomainError.invalid("productId", "service \(port.id) is not a port") }
            if let max = fields.maxSpeed, max > speed { throw DomainError.invalid("maxSpeed", "must not exceed the port speed of \(speed) Mbps") }
            let key = Tokens.newUUID(), now = Now.millis()
            let id = try ServiceKeyRepository.insert(conn, key: key, companyId: port.companyId, productId: port.id,
                                                     description: fields.description, vlan: fields.vlan, maxSpeed: fields.maxSpeed,
                                                     preApproved: fields.preApproved ?? false, singleUse: fields.singleUse ?? false,
                                                     active: fields.active ?? true, validFrom: fields.validFrom, validTo: fields.validTo, now: now)
            try AuditLog.record(conn, userId: session.userId, companyId: port.companyId, entity: "service_key", entityId: id,
                                action: "create", detail: ["productId": .int(port.id)], now: now)
            return try Self.view(conn, key: key, now: now)!
        }
    }

    /// Keys of the companies the caller may act for, optionally of one port or one key.
    public func list(productIdOrUid: String?, key: String?, by session: Session) async throws -> [ServiceKeyView] {
        try AccessPolicy.require(session, .manageServiceKeys)
        return try await db.read { conn in
            let now = Now.millis()
            let port = try productIdOrUid.map { try AccessPolicy.ownedService(conn, session, $0, for: .manageServiceKeys).id }
            return try ServiceKeyRepository.list(conn, productId: port, key: key)
                .filter { try CompanyRepository.find(conn, id: $0.companyId).map { AccessPolicy.canSee(session, $0) } ?? false }
                .compactMap { try Self.view(conn, key: $0.key, now: now) }
        }
    }

    /// Changes a key's settings (not its port or single-use nature).
    public func update(key: String, _ fields: ServiceKeyFields, by session: Session) async throws -> ServiceKeyView {
        try await db.write { conn in
            guard let existing = try ServiceKeyRepository.find(conn, key: key),
                  let company = try CompanyRepository.find(conn, id: existing.companyId), AccessPolicy.canSee(session, company) else {
                throw DomainError.notFound("service key \(key) not found")
            }
            try AccessPolicy.require(session, .manageServiceKeys)
            try Self.validate(fields, singleUse: existing.singleUse)
            try ServiceKeyRepository.update(conn, id: existing.id, description: fields.description, vlan: fields.vlan,
                                            maxSpeed: fields.maxSpeed, preApproved: fields.preApproved, active: fields.active,
                                            validFrom: fields.validFrom, validTo: fields.validTo)
            let now = Now.millis()
            try AuditLog.record(conn, userId: session.userId, companyId: existing.companyId, entity: "service_key", entityId: existing.id,
                                action: "update", now: now)
            return try Self.view(conn, key: existing.key, now: now)!
        }
    }

    static func validate(_ f: ServiceKeyFields, singleUse: Bool) throws {
        if let vlan = f.vlan {
            guard (2...4093).contains(vlan) else { throw DomainError.invalid("vlan", "must be 2 to 4093") }
            guard singleUse else { throw DomainError.invalid("vlan", "only a single-use key fixes the VLAN") }
        }
        if let max = f.maxSpeed, max < 1 { throw DomainError.invalid("maxSpeed", "must be at least 1 Mbps") }
        for (field, time) in [("validFrom", f.validFrom), ("validTo", f.validTo)] {
            if let time, !(0...4_102_444_800_000).contains(time) { throw DomainError.invalid(field, "must be a time between 1970 and 2100") }
        }
        if let from = f.validFrom, let to = f.validTo, to <= from { throw DomainError.invalid("validTo", "must be after the start of the validity") }
        if let description = f.description, description.count > 255 { throw DomainError.invalid("description", "must be at most 255 characters") }
        if let description = f.description { try Validation.plain(description, field: "description") }
    }

    static func view(_ db: any DatabaseConnection, key: String, now: Int64) throws -> ServiceKeyView? {
        guard let k = try ServiceKeyRepository.find(db, key: key), let port = try ServiceRepository.find(db, id: k.productId) else { return nil }
        let expired = k.validTo.map { now >= $0 } ?? false
        let started = k.validFrom.map { now >= $0 } ?? true
        return ServiceKeyView(key: k, companyName: port.companyName, productUid: port.uid, productName: port.name, expired: expired,
                              valid: k.active && started && !expired && !(k.singleUse && k.usedDate != nil))
    }
}
