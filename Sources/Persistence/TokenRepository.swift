import Model
import Storage

/// SQL for session tokens (stored as digests).
public enum TokenRepository {
    /// Stores a token's digest; a token issued for an API key carries the key and its role.
    public static func insert(_ db: any DatabaseConnection, digest: String, userId: Int64, now: Int64, expiry: Int64,
                              apiKeyId: Int64? = nil, role: Position? = nil) throws {
        try db.execute("INSERT INTO tokens (token_hash, user_id, create_date, expiry_date, api_key_id, role) VALUES (?, ?, ?, ?, ?, ?)",
                       digest, userId, now, expiry, apiKeyId, role?.rawValue)
    }

    /// The live session for a digest: not revoked, not expired, user active.
    public static func session(_ db: any DatabaseConnection, digest: String, now: Int64) throws -> Session? {
        try db.queryFirst("""
            SELECT u.id, u.uid, u.email, u.first_name, u.last_name, coalesce(t.role, u.position) AS position, c.id AS company_id, c.uid AS company_uid,
                   c.trading_name, c.account_type, c.parent_company_id, t.create_date, t.expiry_date
            FROM tokens t JOIN users u ON u.id = t.user_id JOIN companies c ON c.id = u.company_id
            WHERE t.token_hash = ? AND t.revoked_date IS NULL AND t.expiry_date > ? AND u.active = 1
            """, digest, now) { row in
            Session(userId: row.int64("id"), userUid: row.string("uid"), email: row.string("email"), firstName: row.string("first_name"),
                    lastName: row.string("last_name"), position: Position(rawValue: row.string("position")) ?? .readOnly,
                    companyId: row.int64("company_id"), companyUid: row.string("company_uid"), companyName: row.string("trading_name"),
                    accountType: AccountType(rawValue: row.string("account_type")) ?? .direct,
                    parentCompanyId: row.optionalInt64("parent_company_id"),
                    tokenHash: digest, createDate: row.int64("create_date"), expiryDate: row.int64("expiry_date"))
        }
    }

    /// Revokes a token (moving the session epoch, so every node forgets it); returns whether a live one was revoked.
    public static func revoke(_ db: any DatabaseConnection, digest: String, now: Int64) throws -> Bool {
        try ClusterStateRepository.bumpAuthEpoch(db)
        return try db.execute("UPDATE tokens SET revoked_date = ? WHERE token_hash = ? AND revoked_date IS NULL", now, digest) == 1
    }
}

extension TokenRepository {
    /// Revokes every live token of a user (deactivated, or a password reset), moving the session epoch.
    public static func revokeAll(_ db: any DatabaseConnection, userId: Int64, now: Int64) throws {
        try ClusterStateRepository.bumpAuthEpoch(db)
        try db.execute("UPDATE tokens SET revoked_date = ? WHERE user_id = ? AND revoked_date IS NULL", now, userId)
    }
}
