import JSON
import Storage

/// A provider as the marketplace shows it (API.md §10).
public struct MarketplaceProvider: Sendable, Equatable {
    public let companyId: Int64
    public let companyUid: String
    public let name: String
    public let description: String?
    public let contactEmail: String?
    public let visible: Bool
    /// Marketplace-visible ports that can take VXCs now (CONFIGURED or LIVE).
    public let ports: [ServiceRecord]
}

/// `GET /secure/marketplace` and `PUT /secure/marketplace/profile`.
public actor MarketplaceService {
    let db: Database

    public init(db: Database) { self.db = db }

    /// Every visible provider with its visible ports; every authenticated user may look.
    public func providers() async throws -> [MarketplaceProvider] {
        try await db.read { conn in
            try conn.query("SELECT id FROM companies WHERE marketplace_visibility = 1 ORDER BY id") { $0.int64(0) }
                .compactMap { try Self.provider(conn, companyId: $0) }
        }
    }

    /// Company Admins edit their company's profile; `visible` lists or hides it.
    public func updateProfile(name: String?, description: String?, contactEmail: String?, visible: Bool?,
                              by session: Session) async throws -> MarketplaceProvider {
        try AccessPolicy.require(session, .manageAccount)
        if let name { try Validation.require(name, field: "name", maxLength: 128) }
        if let description, description.count > 2000 { throw DomainError.invalid("description", "must be at most 2000 characters") }
        if let contactEmail, !Validation.isEmail(contactEmail) { throw DomainError.invalid("contactEmail", "must be a well-formed email address") }
        return try await db.write { conn in
            try conn.execute("""
                UPDATE companies SET marketplace_name = coalesce(?, marketplace_name, trading_name),
                    marketplace_description = coalesce(?, marketplace_description), marketplace_email = coalesce(?, marketplace_email),
                    marketplace_visibility = coalesce(?, marketplace_visibility) WHERE id = ?
                """, name?.trimmingWhitespace, description, contactEmail, visible, session.companyId)
            var detail = JSONObject()
            if let visible { detail["visible"] = .bool(visible) }
            if let name { detail["name"] = .string(name) }
            try AuditLog.record(conn, userId: session.userId, companyId: session.companyId, entity: "company",
                                entityId: session.companyId, action: "marketplace_profile", detail: detail, now: Now.millis())
            return try Self.provider(conn, companyId: session.companyId, includeHidden: true)!
        }
    }

    static func provider(_ db: SQLiteConnection, companyId: Int64, includeHidden: Bool = false) throws -> MarketplaceProvider? {
        guard let row = try db.queryFirst("""
            SELECT uid, coalesce(marketplace_name, trading_name), marketplace_description, marketplace_email, marketplace_visibility
            FROM companies WHERE id = ?
            """, companyId, map: { ($0.string(0), $0.string(1), $0.optionalString(2), $0.optionalString(3), $0.bool(4)) }),
              row.4 || includeHidden else { return nil }
        let ports = try db.query(ServiceRepository.select + """
             WHERE s.company_id = ? AND s.product_type IN ('MEGAPORT', 'MEGADIRECT') AND s.marketplace_visibility = 1
               AND s.provisioning_status IN ('CONFIGURED', 'LIVE') ORDER BY s.id
            """, companyId, map: ServiceRepository.map)
        return MarketplaceProvider(companyId: companyId, companyUid: row.0, name: row.1, description: row.2, contactEmail: row.3,
                                   visible: row.4, ports: ports)
    }
}
