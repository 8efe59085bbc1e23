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

/// Writes emails into the outbox **inside the caller's transaction**, so an email exists exactly when the
/// change that causes it has committed: its subject and body once, and one row per recipient.
enum Outbox {
    /// Inserts the email for every current recipient; returns how many rows were written.
    @discardableResult
    static func enqueue(_ db: any DatabaseConnection, _ email: Email, now: Int64) throws -> Int {
        let recipients = try Recipients.of(db, companyId: email.companyId, group: email.group, positions: email.positions)
        guard !recipients.isEmpty else { return 0 }
        let emailId = try OutboxRepository.insertEmail(db, companyId: email.companyId, event: email.event, group: email.group,
                                                       subject: email.subject, body: email.body, now: now)
        try OutboxRepository.insert(db, emailId: emailId, recipients: recipients.map { recipient in
            OutboxRepository.Recipient(messageId: "<\(Tokens.newTimeOrderedUUID(now: now))@megaport-server>", userId: recipient.id,
                                       address: recipient.email, greeting: recipient.name.isEmpty ? "Hello," : "Hello \(recipient.name),")
        }, now: now)
        return recipients.count
    }
}
