import Model
import Storage

/// SQL for authorization keys.
public enum AuthorizationKeyRepository {
    static let columns = "id, uid, company_id, label, may_order, may_view, may_cancel, expiry_date, create_date, revoked_date"

    static func map(_ r: any DatabaseRow) -> AuthorizationKey {
        var permissions = Set<AuthorizationKey.Permission>()
        if r.bool("may_order") { permissions.insert(.order) }
        if r.bool("may_view") { permissions.insert(.view) }
        if r.bool("may_cancel") { permissions.insert(.cancel) }
        return AuthorizationKey(id: r.int64("id"), uid: r.string("uid"), companyId: r.int64("company_id"), label: r.string("label"),
                                permissions: permissions, expiryDate: r.optionalInt64("expiry_date"), createDate: r.int64("create_date"),
                                revokedDate: r.optionalInt64("revoked_date"))
    }

    /// Inserts a key (by the digest of its text); returns its id.
    public static func insert(_ db: any DatabaseConnection, companyId: Int64, label: String, digest: String,
                              permissions: Set<AuthorizationKey.Permission>, expiryDate: Int64?, createdBy: Int64, now: Int64) throws -> Int64 {
        try db.insertReturningId("""
            INSERT INTO authorization_keys (uid, company_id, label, key_digest, may_order, may_view, may_cancel, expiry_date, created_by, create_date)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """, Tokens.newUUID(), companyId, label, digest, permissions.contains(.order), permissions.contains(.view),
            permissions.contains(.cancel), expiryDate, createdBy, now)
    }

    /// A key by the digest of its text.
    public static func find(_ db: any DatabaseConnection, digest: String) throws -> AuthorizationKey? {
        try db.queryFirst("SELECT \(columns) FROM authorization_keys WHERE key_digest = ?", digest, map: map)
    }

    /// A key by id or uid.
    public static func find(_ db: any DatabaseConnection, companyId: Int64, idOrUid: String) throws -> AuthorizationKey? {
        try db.queryFirst("SELECT \(columns) FROM authorization_keys WHERE company_id = ? AND (uid = ? OR CAST(id AS TEXT) = ?)",
                          companyId, idOrUid.lowercased(), idOrUid, map: map)
    }

    /// A company's keys, newest first.
    public static func list(_ db: any DatabaseConnection, companyId: Int64) throws -> [AuthorizationKey] {
        try db.query("SELECT \(columns) FROM authorization_keys WHERE company_id = ? ORDER BY id DESC", companyId, map: map)
    }

    /// Revokes a key (once).
    public static func revoke(_ db: any DatabaseConnection, id: Int64, now: Int64) throws {
        try db.execute("UPDATE authorization_keys SET revoked_date = ? WHERE id = ? AND revoked_date IS NULL", now, id)
    }
}
