import Model
import Storage

/// SQL for service keys.
public enum ServiceKeyRepository {
    static let columns = """
        id, key, company_id, product_id, description, vlan, max_speed, pre_approved, single_use, active, valid_from, valid_to,
        used_date, create_date
        """

    static func map(_ r: any DatabaseRow) -> ServiceKey {
        ServiceKey(id: r.int64("id"), key: r.string("key"), companyId: r.int64("company_id"), productId: r.int64("product_id"),
                   description: r.optionalString("description"), vlan: r.optionalInt("vlan"), maxSpeed: r.optionalInt("max_speed"),
                   preApproved: r.bool("pre_approved"), singleUse: r.bool("single_use"), active: r.bool("active"),
                   validFrom: r.optionalInt64("valid_from"), validTo: r.optionalInt64("valid_to"),
                   usedDate: r.optionalInt64("used_date"), createDate: r.int64("create_date"))
    }

    /// A key by its text.
    public static func find(_ db: any DatabaseConnection, key: String) throws -> ServiceKey? {
        try db.queryFirst("SELECT \(columns) FROM service_keys WHERE key = ?", key.lowercased(), map: map)
    }

    /// Marks a single-use key used; false if another order used it first.
    public static func consume(_ db: any DatabaseConnection, id: Int64, now: Int64) throws -> Bool {
        try db.execute("UPDATE service_keys SET used_date = ? WHERE id = ? AND used_date IS NULL", now, id) == 1
    }
}

extension ServiceKeyRepository {
    /// Inserts a key for a port; returns its id.
    public static func insert(_ db: any DatabaseConnection, key: String, companyId: Int64, productId: Int64, description: String?,
                              vlan: Int?, maxSpeed: Int?, preApproved: Bool, singleUse: Bool, active: Bool, validFrom: Int64?,
                              validTo: Int64?, now: Int64) throws -> Int64 {
        try db.insertReturningId("""
            INSERT INTO service_keys (key, company_id, product_id, description, vlan, max_speed, pre_approved, single_use, active,
                valid_from, valid_to, create_date)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """, key, companyId, productId, description, vlan, maxSpeed, preApproved, singleUse, active, validFrom, validTo, now)
    }

    /// Keys in id order, optionally only those of one port and/or with one key text.
    public static func list(_ db: any DatabaseConnection, productId: Int64?, key: String?) throws -> [ServiceKey] {
        try db.query("SELECT \(columns) FROM service_keys WHERE (product_id = ?1 OR ?1 IS NULL) AND (key = ?2 OR ?2 IS NULL) ORDER BY id",
                     productId, key?.lowercased(), map: map)
    }

    /// Changes the given settings of a key (nil leaves a setting as it is).
    public static func update(_ db: any DatabaseConnection, id: Int64, description: String?, vlan: Int?, maxSpeed: Int?,
                              preApproved: Bool?, active: Bool?, validFrom: Int64?, validTo: Int64?) throws {
        try db.execute("""
            UPDATE service_keys SET description = coalesce(?, description), vlan = coalesce(?, vlan), max_speed = coalesce(?, max_speed),
                pre_approved = coalesce(?, pre_approved), active = coalesce(?, active), valid_from = coalesce(?, valid_from),
                valid_to = coalesce(?, valid_to) WHERE id = ?
            """, description, vlan, maxSpeed, preApproved, active, validFrom, validTo, id)
    }

    /// The maximum speed a key allows, if it sets one.
    public static func maxSpeed(_ db: any DatabaseConnection, id: Int64) throws -> Int? {
        try db.queryFirst("SELECT max_speed FROM service_keys WHERE id = ?", id) { $0.optionalInt("max_speed") } ?? nil
    }
}
