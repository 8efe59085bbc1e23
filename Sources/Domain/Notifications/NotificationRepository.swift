import Storage

/// SQL for notification preferences and for choosing recipients.
enum NotificationRepository {
    /// A user's effective subscription to every group (stored choice, else the account's default).
    static func preferences(_ db: SQLiteConnection, userId: Int64, accountType: AccountType) throws -> [(NotificationGroup, Bool)] {
        var stored: [String: Bool] = [:]
        for (group, on) in try db.query("SELECT group_name, subscribed FROM notification_preferences WHERE user_id = ?", userId,
                                        map: { ($0.string(0), $0.bool(1)) }) { stored[group] = on }
        return NotificationGroup.allCases.map { group in
            (group, group.alwaysOn || (stored[group.rawValue] ?? NotificationGroup.defaultSubscribed(group, accountType: accountType)))
        }
    }

    static func set(_ db: SQLiteConnection, userId: Int64, group: NotificationGroup, subscribed: Bool) throws {
        try db.execute("""
            INSERT INTO notification_preferences (user_id, group_name, subscribed) VALUES (?, ?, ?)
            ON CONFLICT (user_id, group_name) DO UPDATE SET subscribed = excluded.subscribed
            """, userId, group.rawValue, subscribed)
    }

    /// Active users of a company who may receive email and are subscribed to `group`
    /// (restricted to `positions` when given, e.g. Company Admins for COMPANY changes).
    static func recipients(_ db: SQLiteConnection, companyId: Int64, group: NotificationGroup,
                           positions: [Position]? = nil) throws -> [(id: Int64, email: String, name: String)] {
        guard let company = try CompanyRepository.find(db, id: companyId) else { return [] }
        let users = try db.query("""
            SELECT u.id, u.email, u.first_name, u.last_name, u.position, p.subscribed
            FROM users u LEFT JOIN notification_preferences p ON p.user_id = u.id AND p.group_name = ?
            WHERE u.company_id = ? AND u.active = 1 ORDER BY u.id
            """, group.rawValue, companyId) {
            ($0.int64(0), $0.string(1), "\($0.string(2)) \($0.string(3))".trimmingWhitespace,
             Position(rawValue: $0.string(4)) ?? .readOnly, $0.isNull(5) ? nil : $0.bool(5))
        }
        return users.compactMap { id, email, name, position, stored in
            guard position.receivesEmail, positions?.contains(position) ?? true else { return nil }
            let subscribed = group.alwaysOn || (stored ?? NotificationGroup.defaultSubscribed(group, accountType: company.accountType))
            return subscribed ? (id, email, name) : nil
        }
    }
}
