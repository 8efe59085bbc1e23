import JSON
import Storage

/// Notification preferences (API.md §8) and the outbox view.
public actor NotificationService {
    let db: Database

    public init(db: Database) { self.db = db }

    /// A user's subscriptions: the caller's own (`userId` nil), or — for a Company Admin — another
    /// user's of a company they manage.
    public func preferences(of userId: Int64?, by session: Session) async throws -> [(NotificationGroup, Bool)] {
        try await db.read { conn in
            let (user, company) = try Self.target(conn, userId, session)
            return try NotificationRepository.preferences(conn, userId: user.id, accountType: company.accountType)
        }
    }

    /// Changes subscriptions. Only Company Admins, Technical Admins and Technical Contacts may
    /// subscribe (403 otherwise); SECURITY and PEOPLE cannot be turned off (422).
    public func setPreferences(of userId: Int64?, _ changes: [(NotificationGroup, Bool)], by session: Session) async throws -> [(NotificationGroup, Bool)] {
        for (group, on) in changes where group.alwaysOn && !on {
            throw DomainError.invalid(group.rawValue, "is always on and cannot be unsubscribed")
        }
        return try await db.write { conn in
            let (user, company) = try Self.target(conn, userId, session)
            guard user.position.receivesEmail else {
                throw DomainError.forbidden(code: "position_not_allowed",
                                            message: "a \(user.position.rawValue) may not subscribe to notifications")
            }
            var detail = JSONObject()
            for (group, on) in changes {
                try NotificationRepository.set(conn, userId: user.id, group: group, subscribed: on)
                detail[group.rawValue] = .bool(on)
            }
            try AuditLog.record(conn, userId: session.userId, companyId: company.id, entity: "user", entityId: user.id,
                                action: "notification_preferences", detail: detail, now: Now.millis())
            return try NotificationRepository.preferences(conn, userId: user.id, accountType: company.accountType)
        }
    }

    /// `GET /secure/notifications/outbox`: the emails addressed to the users of the companies a
    /// Company Admin manages, newest first.
    public func outbox(by session: Session, state: String?) async throws -> [OutboxMessage] {
        try AccessPolicy.require(session, .manageAccount)
        return try await db.read { conn in
            try conn.query("""
                SELECT o.id, o.message_id, o.company_id, o.user_id, o.recipient, o.event, o.notification_group, o.subject, o.body,
                       o.state, o.attempts, o.next_attempt_date, o.last_error, o.create_date, o.sent_date
                FROM outbox o JOIN companies c ON c.id = o.company_id
                WHERE (c.id = ?1 OR (c.parent_company_id = ?1 AND ?2)) AND (?3 IS NULL OR o.state = ?3)
                ORDER BY o.id DESC LIMIT 500
                """, session.companyId, session.accountType == .partner, state) {
                OutboxMessage(id: $0.int64(0), messageId: $0.string(1), companyId: $0.int64(2), userId: $0.optionalInt64(3),
                              recipient: $0.string(4), event: $0.string(5), group: $0.string(6), subject: $0.string(7),
                              body: $0.string(8), state: $0.string(9), attempts: $0.int(10), nextAttemptDate: $0.int64(11),
                              lastError: $0.optionalString(12), createDate: $0.int64(13), sentDate: $0.optionalInt64(14))
            }
        }
    }

    /// The user whose preferences are meant, and their company: oneself, or for a Company Admin a user of
    /// a company they may act for (404 otherwise).
    static func target(_ db: SQLiteConnection, _ userId: Int64?, _ session: Session) throws -> (User, Company) {
        guard let id = userId, id != session.userId else {
            guard let me = try db.queryFirst("SELECT \(UserRepository.columns) FROM users WHERE id = ?", session.userId, map: UserRepository.map),
                  let company = try CompanyRepository.find(db, id: me.companyId) else { throw DomainError.unauthenticated("user not found") }
            return (me, company)
        }
        try AccessPolicy.require(session, .manageAccount)
        guard let user = try db.queryFirst("SELECT \(UserRepository.columns) FROM users WHERE id = ?", id, map: UserRepository.map),
              let company = try CompanyRepository.find(db, id: user.companyId), AccessPolicy.canSee(session, company) else {
            throw DomainError.notFound("user \(id) not found")
        }
        return (user, company)
    }
}
