import Storage

/// SQL for users.
public enum UserRepository {
    static let columns = "id, uid, company_id, first_name, last_name, email, position, active, create_date"

    static func map(_ row: Row) -> User {
        User(id: row.int64(0), uid: row.string(1), companyId: row.int64(2), firstName: row.string(3),
             lastName: row.string(4), email: row.string(5), position: Position(rawValue: row.string(6)) ?? .readOnly,
             active: row.bool(7), createDate: row.int64(8))
    }

    /// The user with that email (case-insensitive) and their password hash.
    static func findWithHash(_ db: SQLiteConnection, email: String) throws -> (User, String)? {
        try db.queryFirst("SELECT \(columns), password_hash FROM users WHERE email = ?", email) { (map($0), $0.string(9)) }
    }

    /// The user with that email.
    public static func find(_ db: SQLiteConnection, email: String) throws -> User? {
        try db.queryFirst("SELECT \(columns) FROM users WHERE email = ?", email, map: map)
    }

    /// Inserts a user whose password is already hashed.
    static func insert(_ db: SQLiteConnection, _ new: NewUser, passwordHash: String, now: Int64) throws -> Int64 {
        try db.execute("""
            INSERT INTO users (uid, company_id, first_name, last_name, email, position, password_hash, active, create_date)
            VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)
            """, Tokens.newUUID(), new.companyId, new.firstName, new.lastName, new.email, new.position.rawValue,
            passwordHash, now)
        return db.lastInsertRowID
    }
}
