import Model
import Storage

/// SQL for providers' marketplace profiles and the ports they show.
public enum MarketplaceRepository {
    /// A company's marketplace profile as stored.
    public struct Profile: Sendable {
        public let companyUid: String
        public let name: String
        public let description: String?
        public let contactEmail: String?
        public let visible: Bool
        public let autoApprove: Bool
    }

    /// The ids of the companies listed in the marketplace, in id order.
    public static func visibleCompanyIds(_ db: any DatabaseConnection) throws -> [Int64] {
        try db.query("SELECT id FROM companies WHERE marketplace_visibility = 1 ORDER BY id") { $0.int64("id") }
    }

    /// A company's profile (the trading name stands in for a profile name never set).
    public static func profile(_ db: any DatabaseConnection, companyId: Int64) throws -> Profile? {
        try db.queryFirst("""
            SELECT uid, coalesce(marketplace_name, trading_name) AS name, marketplace_description, marketplace_email,
                   marketplace_visibility, auto_approve_vxcs
            FROM companies WHERE id = ?
            """, companyId) {
            Profile(companyUid: $0.string("uid"), name: $0.string("name"), description: $0.optionalString("marketplace_description"),
                    contactEmail: $0.optionalString("marketplace_email"), visible: $0.bool("marketplace_visibility"),
                    autoApprove: $0.bool("auto_approve_vxcs"))
        }
    }

    /// A company's marketplace-visible ports that can take VXCs now (CONFIGURED or LIVE).
    public static func visiblePorts(_ db: any DatabaseConnection, companyId: Int64) throws -> [ServiceRecord] {
        try db.query(ServiceRepository.select + """
             WHERE s.company_id = ? AND s.product_type IN ('MEGAPORT', 'MEGADIRECT') AND s.marketplace_visibility = 1
               AND s.provisioning_status IN ('CONFIGURED', 'LIVE') ORDER BY s.id
            """, companyId, map: ServiceRepository.map)
    }

    /// Changes the given fields of a profile (nil leaves a field as it is).
    public static func update(_ db: any DatabaseConnection, companyId: Int64, name: String?, description: String?,
                              contactEmail: String?, visible: Bool?) throws {
        try db.execute("""
            UPDATE companies SET marketplace_name = coalesce(?, marketplace_name, trading_name),
                marketplace_description = coalesce(?, marketplace_description), marketplace_email = coalesce(?, marketplace_email),
                marketplace_visibility = coalesce(?, marketplace_visibility) WHERE id = ?
            """, name, description, contactEmail, visible, companyId)
    }
}
