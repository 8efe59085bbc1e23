import Model
import Storage

/// SQL for the outbox: emails written in the transaction of the change they tell of, and their delivery.
public enum OutboxRepository {
    /// Each recipient's row (`o`, read through `index` on SQLite when given) with its email (`e`): the
    /// subject and body are stored once per email.
    static func selectMessages(_ db: any DatabaseConnection, index: String? = nil) -> String {
        """
        SELECT o.id, o.message_id, e.company_id, o.user_id, o.recipient, e.event, e.notification_group, e.subject, o.greeting, e.body,
        o.state, o.attempts, o.next_attempt_date, o.last_error, o.create_date, o.sent_date
        FROM outbox o\(index.map { db.dialect == .sqlite ? " INDEXED BY \($0)" : "" } ?? "") JOIN emails e ON e.id = o.email_id
        """
    }

    /// A recipient's message: the body opens with the recipient's greeting line, when there is one.
    static func map(_ r: any DatabaseRow) -> OutboxMessage {
        let greeting = r.string("greeting"), body = r.string("body")
        return OutboxMessage(id: r.int64("id"), messageId: r.string("message_id"), companyId: r.int64("company_id"),
                             userId: r.optionalInt64("user_id"), recipient: r.string("recipient"), event: r.string("event"),
                             group: r.string("notification_group"), subject: r.string("subject"),
                             body: greeting.isEmpty ? body : greeting + "\n\n" + body,
                             state: r.string("state"), attempts: r.int("attempts"), nextAttemptDate: r.int64("next_attempt_date"),
                             lastError: r.optionalString("last_error"), createDate: r.int64("create_date"),
                             sentDate: r.optionalInt64("sent_date"))
    }

    /// Writes an email's subject and body once; returns its id, for its recipients' rows.
    public static func insertEmail(_ db: any DatabaseConnection, companyId: Int64, event: String, group: NotificationGroup,
                                   subject: String, body: String, now: Int64) throws -> Int64 {
        try db.insertReturningId("""
            INSERT INTO emails (company_id, event, notification_group, subject, body, create_date) VALUES (?, ?, ?, ?, ?, ?) RETURNING id
            """, companyId, event, group.rawValue, subject, body, now)
    }

    /// One recipient's message of an email: its Message-ID and address, and the greeting that opens its
    /// body ("" for none).
    public struct Recipient: Sendable {
        let messageId: String, userId: Int64, address: String, greeting: String

        /// A recipient's message.
        public init(messageId: String, userId: Int64, address: String, greeting: String) {
            (self.messageId, self.userId, self.address, self.greeting) = (messageId, userId, address, greeting)
        }
    }

    /// Writes the recipients' messages of email `emailId`, due now: one statement for up to 100 of them.
    public static func insert(_ db: any DatabaseConnection, emailId: Int64, recipients: [Recipient], now: Int64) throws {
        for start in stride(from: 0, to: recipients.count, by: 100) {
            let chunk = recipients[start..<min(start + 100, recipients.count)]
            var arguments: [any DatabaseBindable] = []
            arguments.reserveCapacity(chunk.count * 7)
            for r in chunk { arguments += [emailId, r.messageId, r.userId, r.address, r.greeting, now, now] as [any DatabaseBindable] }
            try db.execute("""
                INSERT INTO outbox (email_id, message_id, user_id, recipient, greeting, next_attempt_date, create_date)
                VALUES \(Array(repeating: "(?, ?, ?, ?, ?, ?, ?)", count: chunk.count).joined(separator: ", "))
                """, arguments: arguments)
        }
    }

    /// The newest 500 messages of a company (and, with `includeManaged`, of the companies it manages),
    /// optionally in one state: found through the companies' emails, so the cost follows their own mail
    /// rather than everyone's.
    public static func list(_ db: any DatabaseConnection, companyId: Int64, includeManaged: Bool, state: String?) throws -> [OutboxMessage] {
        try db.query("""
            \(selectMessages(db))
            WHERE e.company_id IN (SELECT id FROM companies WHERE id = ?1 OR (parent_company_id = ?1 AND ?2))
                AND (o.state = ?3 OR ?3 IS NULL)
            ORDER BY o.id DESC LIMIT 500
            """, companyId, includeManaged, state, map: map)
    }

    /// Whether any pending message is due (a cheap look before claiming).
    public static func anyDue(_ db: any DatabaseConnection, now: Int64) throws -> Bool {
        try db.queryFirst("SELECT 1 AS due FROM outbox WHERE state = 'PENDING' AND next_attempt_date <= ? LIMIT 1", now) { _ in true } ?? false
    }

    /// Claims up to `limit` due messages for one sender: their next attempt moves `lease` ms ahead, so no
    /// other node's worker takes them meanwhile, and a node that dies holding them only delays them by
    /// the lease. On PostgreSQL rows another node is claiming are skipped, not waited for. On SQLite the
    /// question names the index of pending messages: in id order SQLite would read every message ever
    /// sent before the due ones.
    public static func claim(_ db: any DatabaseConnection, now: Int64, lease: Int64, limit: Int) throws -> [OutboxMessage] {
        let skip = db.dialect == .postgres ? " FOR UPDATE OF o SKIP LOCKED" : ""
        let claimed = try db.query("\(selectMessages(db, index: "outbox_due")) WHERE o.state = 'PENDING' AND o.next_attempt_date <= ? ORDER BY o.id LIMIT ?" + skip,
                                   now, limit, map: map)
        for message in claimed { try db.execute("UPDATE outbox SET next_attempt_date = ? WHERE id = ?", now + lease, message.id) }
        return claimed
    }

    /// The relay accepted a message.
    public static func markSent(_ db: any DatabaseConnection, id: Int64, now: Int64) throws {
        try db.execute("UPDATE outbox SET state = 'SENT', sent_date = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?", now, id)
    }

    /// An attempt failed: the message waits for `nextAttempt`, or is given up as FAILED.
    public static func markFailed(_ db: any DatabaseConnection, id: Int64, attempts: Int, giveUp: Bool, nextAttempt: Int64,
                                  error: String) throws {
        try db.execute("UPDATE outbox SET state = ?, attempts = ?, next_attempt_date = ?, last_error = ? WHERE id = ?",
                       giveUp ? "FAILED" : "PENDING", attempts, nextAttempt, error, id)
    }

    /// How many messages are pending and failed, and when the oldest pending one was written.
    public static func backlog(_ db: any DatabaseConnection) throws -> (pending: Int, failed: Int, oldestPending: Int64?) {
        try db.queryFirst("""
            SELECT sum(CASE WHEN state = 'PENDING' THEN 1 ELSE 0 END) AS pending,
                   sum(CASE WHEN state = 'FAILED' THEN 1 ELSE 0 END) AS failed,
                   min(CASE WHEN state = 'PENDING' THEN create_date END) AS oldest FROM outbox
            """) { ($0.int("pending"), $0.int("failed"), $0.optionalInt64("oldest")) } ?? (0, 0, nil)
    }
}

extension OutboxRepository {
    /// Records why a message was not tried (the mail settings cannot work), leaving it due from `now` (its claim released).
    public static func noteError(_ db: any DatabaseConnection, id: Int64, error: String, now: Int64) throws {
        try db.execute("UPDATE outbox SET last_error = ?, next_attempt_date = ? WHERE id = ?", error, now, id)
    }
}

extension OutboxRepository {
    /// Every message, oldest first (a sandbox's captured mail; at most the 10,000 oldest).
    public static func all(_ db: any DatabaseConnection) throws -> [OutboxMessage] {
        try db.query("\(selectMessages(db)) ORDER BY o.id LIMIT 10000", map: map)
    }

    /// Deletes every message (a sandbox forgetting its captured mail); returns how many there were.
    public static func deleteAll(_ db: any DatabaseConnection) throws -> Int {
        let count = try db.execute("DELETE FROM outbox")
        try db.execute("DELETE FROM emails")
        return count
    }
}
