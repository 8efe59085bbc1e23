import Model
import Storage

/// SQL for users.
public enum UserRepository {
    public static let columns = "id, uid, company_id, first_name, last_name, email, position, active, create_date"

    static func map(_ row: any DatabaseRow) -> User {
        User(id: row.int64("id"), uid: row.string("uid"), companyId: row.int64("company_id"), firstName: row.string("first_name"),
             lastName: row.string("last_name"), email: row.string("email"), position: Position(rawValue: row.string("position")) ?? .readOnly,
             active: row.bool("active"), createDate: row.int64("create_date"))
    }

    /// The user with that email (case-insensitive) and their password hash.
    public static func findWithHash(_ db: any DatabaseConnection, email: String) throws -> (User, String)? {
        try db.queryFirst("SELECT \(columns), password_hash FROM users WHERE email = ?", email) { (map($0), $0.string("password_hash")) }
    }

    /// The user with that email.
    public static func find(_ db: any DatabaseConnection, email: String) throws -> User? {
        try db.queryFirst("SELECT \(columns) FROM users WHERE email = ?", email, map: map)
    }

    /// Inserts a user whose password is already hashed.
    public static func insert(_ db: any DatabaseConnection, _ new: NewUser, passwordHash: String, now: Int64) throws -> Int64 {
        try db.insertReturningId("""
            INSERT INTO users (uid, company_id, first_name, last_name, email, position, password_hash, active, create_date)
            VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?) RETURNING id
            """, Tokens.newUUID(), new.companyId, new.firstName, new.lastName, new.email, new.position.rawValue,
            passwordHash, now)
    }
}

extension UserRepository {
    /// The user with that id (its statement built once, like `ServiceRepository.byId`).
    public static func find(_ db: any DatabaseConnection, id: Int64) throws -> User? {
        try db.queryFirst(byId, id, map: map)
    }

    static let byId = "SELECT \(columns) FROM users WHERE id = ?"

    /// A company's users, in id order.
    public static func list(_ db: any DatabaseConnection, companyId: Int64) throws -> [User] {
        try db.query("SELECT \(columns) FROM users WHERE company_id = ? ORDER BY id", companyId, map: map)
    }

    /// How many active Company Admins a company has.
    public static func activeAdminCount(_ db: any DatabaseConnection, companyId: Int64) throws -> Int {
        try db.queryFirst("SELECT count(*) AS n FROM users WHERE company_id = ? AND position = 'Company Admin' AND active = 1",
                          companyId) { $0.int("n") } ?? 0
    }

    /// Changes the given fields of a user (nil leaves a field as it is). Sessions carry the user's
    /// position, names and active flag, so any change moves the session epoch.
    public static func update(_ db: any DatabaseConnection, id: Int64, position: Position?, active: Bool?, firstName: String?,
                              lastName: String?) throws {
        try ClusterStateRepository.bumpAuthEpoch(db)
        try db.execute("""
            UPDATE users SET position = coalesce(?, position), active = coalesce(?, active),
                first_name = coalesce(?, first_name), last_name = coalesce(?, last_name) WHERE id = ?
            """, position?.rawValue, active, firstName, lastName, id)
    }

    /// Replaces a user's password hash.
    public static func setPasswordHash(_ db: any DatabaseConnection, id: Int64, hash: String) throws {
        try db.execute("UPDATE users SET password_hash = ? WHERE id = ?", hash, id)
    }
}
