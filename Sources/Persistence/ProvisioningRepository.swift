import Model
import Storage

/// SQL for the provisioning stage's questions: what is due now, and when the next thing falls due.
/// On SQLite each question names its partial index (Schema/0003): SQLite would otherwise pick the
/// status index and read every PROVISIONING port, and a missing index fails loudly instead of going slow.
public enum ProvisioningRepository {
    /// A service that a transition is due for.
    public struct Due: Sendable {
        public let id: Int64
        public let companyId: Int64
        public let rateLimit: Int?
        /// Whether it is a VXC (whose email says both ends).
        public let isVXC: Bool
    }

    static func indexed(_ db: any DatabaseConnection, _ index: String) -> String {
        db.dialect == .sqlite ? "INDEXED BY \(index)" : ""
    }

    static func due(_ r: any DatabaseRow) -> Due {
        Due(id: r.int64("id"), companyId: r.int64("company_id"), rateLimit: r.optionalInt("rate_limit"), isVXC: r.string("product_type") == "VXC")
    }

    /// VXCs to auto-approving providers ordered at or before `orderedBy`, oldest first.
    public static func dueAutoApprovals(_ db: any DatabaseConnection, orderedBy: Int64, limit: Int) throws -> [Due] {
        try db.query("""
            SELECT id, company_id, rate_limit, product_type FROM services \(indexed(db, "services_due_auto_approval"))
            WHERE product_type = 'VXC' AND vxc_approval_status = 'PENDING_INTERNAL'
              AND provisioning_status = 'PROVISIONING' AND create_date <= ? ORDER BY create_date LIMIT ?
            """, orderedBy, limit, map: due)
    }

    /// Services CONFIGURED at or before `configuredBy`, the longest waiting first.
    public static func dueLive(_ db: any DatabaseConnection, configuredBy: Int64, limit: Int) throws -> [Due] {
        try db.query("""
            SELECT id, company_id, rate_limit, product_type FROM services \(indexed(db, "services_due_live"))
            WHERE provisioning_status = 'CONFIGURED' AND provision_date <= ? ORDER BY provision_date LIMIT ?
            """, configuredBy, limit, map: due)
    }

    /// Services CANCELLED at or before `cancelledBy`, the longest waiting first.
    public static func dueDecommission(_ db: any DatabaseConnection, cancelledBy: Int64, limit: Int) throws -> [Due] {
        try db.query("""
            SELECT id, company_id, rate_limit, product_type FROM services \(indexed(db, "services_due_decommission"))
            WHERE provisioning_status = 'CANCELLED' AND cancel_date <= ? ORDER BY cancel_date LIMIT ?
            """, cancelledBy, limit, map: due)
    }

    /// An auto-approving provider accepted a VXC: approved and CONFIGURED.
    public static func autoApprove(_ db: any DatabaseConnection, id: Int64, now: Int64) throws {
        try db.execute("""
            UPDATE services SET vxc_approval_status = 'APPROVED', non_payer_status = 'APPROVED',
                provisioning_status = 'CONFIGURED', provision_date = ? WHERE id = ?
            """, now, id)
    }

    /// When the next transition falls due (epoch ms), given the stage's delays, or nil when nothing waits.
    public static func nextDue(_ db: any DatabaseConnection, delay: Int64, autoApprovalDelay: Int64) throws -> Int64? {
        try db.queryFirst("""
            SELECT min(due) AS next FROM (
                SELECT min(provision_date) + ?1 AS due FROM services \(indexed(db, "services_due_live")) WHERE provisioning_status = 'CONFIGURED'
                UNION ALL SELECT min(cancel_date) + ?1 FROM services \(indexed(db, "services_due_decommission"))
                    WHERE provisioning_status = 'CANCELLED'
                UNION ALL SELECT min(create_date) + ?2 FROM services \(indexed(db, "services_due_auto_approval"))
                    WHERE vxc_approval_status = 'PENDING_INTERNAL' AND provisioning_status = 'PROVISIONING'
                UNION ALL SELECT min(expiry_date) FROM approvals WHERE status = 'PENDING') AS pending
            """, delay, autoApprovalDelay) { $0.optionalInt64("next") } ?? nil
    }

    /// How many services wait for capacity (PROVISIONING) and for LIVE (CONFIGURED), for `/metrics`.
    public static func queue(_ db: any DatabaseConnection) throws -> (provisioning: Int, configured: Int) {
        try db.queryFirst("""
            SELECT (SELECT count(*) FROM services WHERE provisioning_status = 'PROVISIONING') AS provisioning,
                   (SELECT count(*) FROM services WHERE provisioning_status = 'CONFIGURED') AS configured
            """) { ($0.int("provisioning"), $0.int("configured")) } ?? (0, 0)
    }
}
