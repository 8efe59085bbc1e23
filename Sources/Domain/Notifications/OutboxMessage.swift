/// One email in the outbox with its delivery state (`GET /secure/notifications/outbox`).
public struct OutboxMessage: Sendable, Equatable {
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
