import Model
import Persistence
import Storage

/// One email to write: which event, for which company's subscribers of which group.
struct Email {
    let event: String
    let companyId: Int64
    let group: NotificationGroup
    let subject: String
    let body: String
    /// Only these positions (e.g. Company Admins for COMPANY changes); nil for every eligible position.
    var positions: [Position]? = nil
}

/// Writes emails into the outbox **inside the caller's transaction**, one row per recipient, so an
/// email exists exactly when the change that causes it has committed.
enum Outbox {
    /// Inserts the email for every current recipient; returns how many rows were written.
    @discardableResult
    static func enqueue(_ db: any DatabaseConnection, _ email: Email, now: Int64) throws -> Int {
        let recipients = try Recipients.of(db, companyId: email.companyId, group: email.group, positions: email.positions)
        for recipient in recipients {
            let greeting = recipient.name.isEmpty ? "Hello," : "Hello \(recipient.name),"
            try OutboxRepository.insert(db, messageId: "<\(Tokens.newTimeOrderedUUID(now: now))@megaport-server>", companyId: email.companyId,
                                        userId: recipient.id, recipient: recipient.email, event: email.event, group: email.group,
                                        subject: email.subject, body: greeting + "\n\n" + email.body, now: now)
        }
        return recipients.count
    }
}
