import JSON
import Model
import Persistence
import Storage

/// A provider as the marketplace shows it (API.md §10).
public struct MarketplaceProvider: Sendable, Equatable {
    public let companyId: Int64
    public let companyUid: String
    public let name: String
    public let description: String?
    public let contactEmail: String?
    public let visible: Bool
    /// VXCs to this provider are approved without a person (a cloud provider).
    public let autoApprove: Bool
    /// Marketplace-visible ports that can take VXCs now (CONFIGURED or LIVE).
    public let ports: [ServiceRecord]
}

/// `GET /secure/marketplace` and `PUT /secure/marketplace/profile`.
public struct MarketplaceService: Sendable {
    let db: any DatabaseWriter

    public init(db: any DatabaseWriter) { self.db = db }

    /// Every visible provider with its visible ports; every authenticated user may look.
    public func providers() async throws -> [MarketplaceProvider] {
        try await db.read { conn in
            try MarketplaceRepository.visibleCompanyIds(conn).compactMap { try Self.provider(conn, companyId: $0) }
        }
    }

    /// Company Admins edit their company's profile; `visible` lists or hides it.
    public func updateProfile(name: String?, description: String?, contactEmail: String?, visible: Bool?,
                              by session: Session) async throws -> MarketplaceProvider {
        try AccessPolicy.require(session, .manageAccount)
        if let name { try Validation.require(name, field: "name", maxLength: 128) }
        if let description, description.count > 2000 { throw DomainError.invalid("description", "must be at most 2000 characters") }
        if let description { try Validation.plain(description, field: "description") }
        if let contactEmail, !Validation.isEmail(contactEmail) { throw DomainError.invalid("contactEmail", "must be a well-formed email address") }
        return try await db.write { conn in
            try MarketplaceRepository.update(conn, companyId: session.companyId, name: name?.trimmingWhitespace, description: description,
                                             contactEmail: contactEmail, visible: visible)
            var detail = JSONObject()
            if let visible { detail["visible"] = .bool(visible) }
            if let name { detail["name"] = .string(name) }
            try AuditLog.record(conn, userId: session.userId, companyId: session.companyId, entity: "company",
                                entityId: session.companyId, action: "marketplace_profile", detail: detail, now: Now.millis())
            return try Self.provider(conn, companyId: session.companyId, includeHidden: true)!
        }
    }

    static func provider(_ db: any DatabaseConnection, companyId: Int64, includeHidden: Bool = false) throws -> MarketplaceProvider? {
        guard let profile = try MarketplaceRepository.profile(db, companyId: companyId), profile.visible || includeHidden else { return nil }
        let ports = try MarketplaceRepository.visiblePorts(db, companyId: companyId)
        return MarketplaceProvider(companyId: companyId, companyUid: profile.companyUid, name: profile.name, description: profile.description,
                                   contactEmail: profile.contactEmail, visible: profile.visible, autoApprove: profile.autoApprove, ports: ports)
    }
}
