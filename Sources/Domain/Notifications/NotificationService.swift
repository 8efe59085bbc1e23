import JSON
import Model
import Persistence
import Storage

/// Notification preferences (API.md §8) and the outbox view.
public struct NotificationService: Sendable {
    let db: any DatabaseWriter

    public init(db: any DatabaseWriter) { self.db = db }

    /// A user's subscriptions: the caller's own (`userId` nil), or — for a Company Admin — another
    /// user's of a company they manage.
    public func preferences(of userId: Int64?, by session: Session) async throws -> [(NotificationGroup, Bool)] {
        try await db.read { conn in
            let (user, company) = try Self.target(conn, userId, session)
            return try Recipients.preferences(conn, userId: user.id, accountType: company.accountType)
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
            return try Recipients.preferences(conn, userId: user.id, accountType: company.accountType)
        }
    }

    /// `GET /secure/notifications/outbox`: the emails addressed to the users of the companies a
    /// Company Admin manages, newest first.
    public func outbox(by session: Session, state: String?) async throws -> [OutboxMessage] {
        try AccessPolicy.require(session, .manageAccount)
        return try await db.read { conn in
            try OutboxRepository.list(conn, companyId: session.companyId, includeManaged: session.accountType == .partner, state: state)
        }
    }

    /// The user whose preferences are meant, and their company: oneself, or for a Company Admin a user of
    /// a company they may act for (404 otherwise).
    static func target(_ db: any DatabaseConnection, _ userId: Int64?, _ session: Session) throws -> (User, Company) {
        guard let id = userId, id != session.userId else {
            guard let me = try UserRepository.find(db, id: session.userId),
                  let company = try CompanyRepository.find(db, id: me.companyId) else { throw DomainError.unauthenticated("user not found") }
            return (me, company)
        }
        try AccessPolicy.require(session, .manageAccount)
        guard let user = try UserRepository.find(db, id: id),
              let company = try CompanyRepository.find(db, id: user.companyId), AccessPolicy.canSee(session, company) else {
            throw DomainError.notFound("user \(id) not found")
        }
        return (user, company)
    }
}
