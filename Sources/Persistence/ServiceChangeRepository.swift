import Model
import Storage

/// SQL for changing services after they were ordered: names and flags, speeds, approval outcomes.
public enum ServiceChangeRepository {
    /// Changes the given fields (nil leaves a field as it is).
    public static func update(_ db: any DatabaseConnection, id: Int64, name: String?, marketplaceVisibility: Bool?,
                              vxcPermitted: Bool?, costCentre: String? = nil) throws {
        try db.execute("""
            UPDATE services SET name = coalesce(?, name), marketplace_visibility = coalesce(?, marketplace_visibility),
                vxc_permitted = coalesce(?, vxc_permitted), cost_centre = coalesce(?, cost_centre) WHERE id = ?
            """, name, marketplaceVisibility, vxcPermitted, costCentre, id)
    }

    /// Makes ports one LAG under `primaryId` (the primary included in `ids`).
    public static func aggregate(_ db: any DatabaseConnection, ids: [Int64], primaryId: Int64) throws {
        for id in ids { try db.execute("UPDATE services SET aggregation_id = ? WHERE id = ?", primaryId, id) }
    }

    /// Locks or unlocks a product.
    public static func setLocked(_ db: any DatabaseConnection, id: Int64, _ locked: Bool) throws {
        try db.execute("UPDATE services SET locked = ? WHERE id = ?", locked, id)
    }

    /// Sets a VXC's approval status (`PENDING_EXTERNAL`, `APPROVED`, …).
    public static func setApprovalStatus(_ db: any DatabaseConnection, id: Int64, _ status: String) throws {
        try db.execute("UPDATE services SET vxc_approval_status = ? WHERE id = ?", status, id)
    }

    /// Sets a VXC's or IX's rate limit.
    public static func setRateLimit(_ db: any DatabaseConnection, id: Int64, _ speed: Int) throws {
        try db.execute("UPDATE services SET rate_limit = ? WHERE id = ?", speed, id)
    }

    /// The B-end approved a new VXC: it is CONFIGURED now.
    public static func approveNew(_ db: any DatabaseConnection, id: Int64, now: Int64) throws {
        try db.execute("""
            UPDATE services SET non_payer_status = 'APPROVED', vxc_approval_status = 'APPROVED', provisioning_status = 'CONFIGURED',
                provision_date = ? WHERE id = ?
            """, now, id)
    }

    /// The B-end's decision on a new VXC was no (denied, withdrawn or expired).
    public static func rejectNew(_ db: any DatabaseConnection, id: Int64) throws {
        try db.execute("UPDATE services SET non_payer_status = 'REJECTED', vxc_approval_status = NULL WHERE id = ?", id)
    }
}

extension ServiceChangeRepository {
    /// A cancelled service back: CONFIGURED (LIVE after the provisioning delay), a port on `interfaceId`.
    public static func restore(_ db: any DatabaseConnection, id: Int64, interfaceId: Int64?, now: Int64) throws {
        try db.execute("""
            UPDATE services SET provisioning_status = 'CONFIGURED', provision_date = ?, cancel_date = NULL, interface_id = coalesce(?, interface_id)
            WHERE id = ?
            """, now, interfaceId, id)
    }
}
