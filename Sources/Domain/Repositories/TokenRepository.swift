import Storage

/// SQL for session tokens (stored as digests).
enum TokenRepository {
    static func insert(_ db: SQLiteConnection, digest: String, userId: Int64, now: Int64, expiry: Int64) throws {
        try db.execute("INSERT INTO tokens (token_hash, user_id, create_date, expiry_date) VALUES (?, ?, ?, ?)",
                       digest, userId, now, expiry)
    }

    /// The live session for a digest: not revoked, not expired, user active.
    static func session(_ db: SQLiteConnection, digest: String, now: Int64) throws -> Session? {
        try db.queryFirst("""
            SELECT u.id, u.uid, u.email, u.first_name, u.last_name, u.position, c.id, c.uid, c.trading_name,
                   c.account_type, c.parent_company_id, t.create_date, t.expiry_date
            FROM tokens t JOIN users u ON u.id = t.user_id JOIN companies c ON c.id = u.company_id
            WHERE t.token_hash = ? AND t.revoked_date IS NULL AND t.expiry_date > ? AND u.active = 1
            """, digest, now) { row in
            Session(userId: row.int64(0), userUid: row.string(1), email: row.string(2), firstName: row.string(3),
                    lastName: row.string(4), position: Position(rawValue: row.string(5)) ?? .readOnly,
                    companyId: row.int64(6), companyUid: row.string(7), companyName: row.string(8),
                    accountType: AccountType(rawValue: row.string(9)) ?? .direct, parentCompanyId: row.optionalInt64(10),
                    tokenHash: digest, createDate: row.int64(11), expiryDate: row.int64(12))
        }
    }

    /// Revokes a token; returns whether a live one was revoked.
    static func revoke(_ db: SQLiteConnection, digest: String, now: Int64) throws -> Bool {
        try db.execute("UPDATE tokens SET revoked_date = ? WHERE token_hash = ? AND revoked_date IS NULL", now, digest) == 1
    }
}
