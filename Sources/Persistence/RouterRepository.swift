import Model
import Storage

/// SQL for cloud routers (MCR2 services): virtual, so no interface is allocated; a new router is
/// CONFIGURED at once and the provisioning stage makes it LIVE like a port.
public enum RouterRepository {
    /// Inserts a router and returns its id.
    public static func insert(_ db: any DatabaseConnection, companyId: Int64, name: String, locationId: Int64, speed: Int, asn: Int64,
                              createdBy: Int64?, now: Int64) throws -> Int64 {
        try db.insertReturningId("""
            INSERT INTO services (uid, product_type, name, company_id, provisioning_status, location_id, speed, asn, vxc_permitted,
                create_date, created_by, provision_date)
            VALUES (?, 'MCR2', ?, ?, 'CONFIGURED', ?, ?, ?, 1, ?, ?, ?) RETURNING id
            """, Tokens.newTimeOrderedUUID(now: now), name, companyId, locationId, speed, asn, now, createdBy, now)
    }

    /// Changes a router's ASN.
    public static func setASN(_ db: any DatabaseConnection, id: Int64, _ asn: Int64) throws {
        try db.execute("UPDATE services SET asn = ? WHERE id = ? AND product_type = 'MCR2'", asn, id)
    }
}
