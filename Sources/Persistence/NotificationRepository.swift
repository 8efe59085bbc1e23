import Model
import Storage

/// SQL for notification preferences and the users who might receive a company's email.
public enum NotificationRepository {
    /// The groups a user chose explicitly, and whether they chose to receive them.
    public static func storedPreferences(_ db: any DatabaseConnection, userId: Int64) throws -> [String: Bool] {
        var stored: [String: Bool] = [:]
        for (group, on) in try db.query("SELECT group_name, subscribed FROM notification_preferences WHERE user_id = ?", userId,
                                        map: { ($0.string("group_name"), $0.bool("subscribed")) }) { stored[group] = on }
        return stored
    }

    /// Records a user's choice for a group.
    public static func set(_ db: any DatabaseConnection, userId: Int64, group: NotificationGroup, subscribed: Bool) throws {
        try db.execute("""
            INSERT INTO notification_preferences (user_id, group_name, subscribed) VALUES (?, ?, ?)
            ON CONFLICT (user_id, group_name) DO UPDATE SET subscribed = excluded.subscribed
            """, userId, group.rawValue, subscribed)
    }

    /// An active user of a company with their stored choice for one group (nil: never chose), and the
    /// company's account type (which decides the default).
    public struct Candidate: Sendable {
        public let id: Int64
        public let email: String
        public let firstName: String
        public let lastName: String
        public let position: Position
        public let subscribed: Bool?
        public let accountType: AccountType
    }

    /// The active users of a company, in id order, with their choice for `group`.
    /// Remembered by the engine within a write transaction, while none of the three tables changes: a group
    /// commit of orders emails the same few companies again and again.
    public static func candidates(_ db: any DatabaseConnection, companyId: Int64, group: NotificationGroup) throws -> [Candidate] {
        try db.remembered("candidates \(companyId) \(group.rawValue)", tables: ["users", "companies", "notification_preferences"]) {
            try readCandidates(db, companyId: companyId, group: group)
        }
    }

    private static func readCandidates(_ db: any DatabaseConnection, companyId: Int64, group: NotificationGroup) throws -> [Candidate] {
        try db.query("""
            SELECT u.id, u.email, u.first_name, u.last_name, u.position, p.subscribed, c.account_type
            FROM users u JOIN companies c ON c.id = u.company_id
                LEFT JOIN notification_preferences p ON p.user_id = u.id AND p.group_name = ?
            WHERE u.company_id = ? AND u.active = 1 ORDER BY u.id
            """, group.rawValue, companyId) {
            Candidate(id: $0.int64("id"), email: $0.string("email"), firstName: $0.string("first_name"), lastName: $0.string("last_name"),
                      position: Position(rawValue: $0.string("position")) ?? .readOnly, subscribed: $0.optionalBool("subscribed"),
                      accountType: AccountType(rawValue: $0.string("account_type")) ?? .direct)
        }
    }
}
