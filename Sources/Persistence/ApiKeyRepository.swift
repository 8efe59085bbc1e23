import Model
import Storage

/// SQL for API keys and the tokens issued for them.
public enum ApiKeyRepository {
    static let columns = "id, key, company_id, user_id, name, role, lifetime_minutes, create_date, revoked_date"

    static func map(_ r: any DatabaseRow) -> ApiKey {
        ApiKey(id: r.int64("id"), key: r.string("key"), companyId: r.int64("company_id"), userId: r.int64("user_id"), name: r.string("name"),
               role: Position(rawValue: r.string("role")) ?? .readOnly, lifetimeMinutes: r.int("lifetime_minutes"),
               createDate: r.int64("create_date"), revokedDate: r.optionalInt64("revoked_date"))
    }

    /// Stores a new key with the digest of its secret; returns it.
    public static func insert(_ db: any DatabaseConnection, key: String, companyId: Int64, userId: Int64, name: String, role: Position,
                              secretDigest: String, lifetimeMinutes: Int, now: Int64) throws -> ApiKey {
        let id = try db.insertReturningId("""
            INSERT INTO api_keys (key, company_id, user_id, name, role, secret_hash, lifetime_minutes, create_date)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """, key, companyId, userId, name, role.rawValue, secretDigest, lifetimeMinutes, now)
        return ApiKey(id: id, key: key, companyId: companyId, userId: userId, name: name, role: role, lifetimeMinutes: lifetimeMinutes,
                      createDate: now, revokedDate: nil)
    }

    /// A live (not revoked) key and the digest of its secret.
    public static func live(_ db: any DatabaseConnection, key: String) throws -> (ApiKey, secretDigest: String)? {
        try db.queryFirst("SELECT \(columns), secret_hash FROM api_keys WHERE key = ? AND revoked_date IS NULL", key.lowercased()) {
            (map($0), $0.string("secret_hash"))
        }
    }

    /// A company's keys, revoked ones included, in creation order.
    public static func list(_ db: any DatabaseConnection, companyId: Int64) throws -> [ApiKey] {
        try db.query("SELECT \(columns) FROM api_keys WHERE company_id = ? ORDER BY id", companyId, map: map)
    }

    /// A key by its public id.
    public static func find(_ db: any DatabaseConnection, key: String) throws -> ApiKey? {
        try db.queryFirst("SELECT \(columns) FROM api_keys WHERE key = ?", key.lowercased(), map: map)
    }

    /// Revokes a key and every token issued for it, moving the session epoch.
    public static func revoke(_ db: any DatabaseConnection, id: Int64, now: Int64) throws {
        try ClusterStateRepository.bumpAuthEpoch(db)
        try db.execute("UPDATE api_keys SET revoked_date = ? WHERE id = ? AND revoked_date IS NULL", now, id)
        try db.execute("UPDATE tokens SET revoked_date = ? WHERE api_key_id = ? AND revoked_date IS NULL", now, id)
    }
}
