/// One email in the outbox with its delivery state (`GET /secure/notifications/outbox`).
public struct OutboxMessage: Sendable, Equatable {
    /// A value with every field given.
    public init(id: Int64, messageId: String, companyId: Int64, userId: Int64?, recipient: String, event: String, group: String, subject: String, body: String, state: String, attempts: Int, nextAttemptDate: Int64, lastError: String?, createDate: Int64, sentDate: Int64?) {
        self.id = id
        self.messageId = messageId
        self.companyId = companyId
        self.userId = userId
        self.recipient = recipient
        self.event = event
        self.group = group
        self.subject = subject
        self.body = body
        self.state = state
        self.attempts = attempts
        self.nextAttemptDate = nextAttemptDate
        self.lastError = lastError
        self.createDate = createDate
        self.sentDate = sentDate
    }

    public let id: Int64
    public let messageId: String
    public let companyId: Int64
    public let userId: Int64?
    public let recipient: String
    public let event: String
    public let group: String
    public let subject: String
    public let body: String
    /// PENDING, SENT or FAILED.
    public let state: String
    public let attempts: Int
    public let nextAttemptDate: Int64
    public let lastError: String?
    public let createDate: Int64
    public let sentDate: Int64?
}
