import Dispatch
import SMTP
import Model
import Persistence
import Storage

/// Delivers the outbox over SMTP (API.md §8), at least once: a message is marked SENT only after the
/// relay answered 250 to its DATA, and that mark is committed before the next message is tried, so
/// a restart never resends what was seen accepted. Failures back off exponentially per message; a 5xx
/// reply, or too many attempts, marks the message FAILED. The SMTP conversation (blocking I/O) runs on
/// the worker's own dispatch queue, never on the cooperative pool.
public actor MailWorker: BackgroundService {
    /// Where and how to deliver.
    public struct Configuration: Sendable {
        public var host: String
        public var port: Int
        /// The `From` address (and envelope sender).
        public var from = "notifications@megaport-server.local"
        public var heloName = "megaport-server.local"
        public var username: String?
        public var password: String?
        /// First retry delay; each failure doubles it, up to `maxRetryDelayMillis`.
        public var retryBaseMillis: Int64 = 2000
        public var maxRetryDelayMillis: Int64 = 3_600_000
        /// Attempts before a message is given up as FAILED.
        public var maxAttempts = 15
        /// How often the outbox is checked when idle.
        public var pollMillis: Int64 = 250

        public init(host: String, port: Int) {
            self.host = host
            self.port = port
        }
    }

    struct Due: Sendable {
        let id: Int64
        let message: SMTPMessage
        let attempts: Int
    }

    let db: any DatabaseWriter
    public let configuration: Configuration
    private let queue = DispatchQueue(label: "smtp")

    public init(db: any DatabaseWriter, configuration: Configuration) {
        self.db = db
        self.configuration = configuration
    }

    public nonisolated var name: String { "mail" }

    /// Delivers what is due, then waits a poll interval when nothing was delivered.
    public func run(report: @escaping @Sendable (any Error) -> Void) async {
        while !Task.isCancelled {
            var delivered = 0
            do { delivered = try await deliverDue() } catch { report(error) }
            if delivered == 0 { try? await Task.sleep(for: .milliseconds(configuration.pollMillis)) }
        }
    }

    /// Tries every message that is due once. Returns how many were accepted by the relay.
    @discardableResult
    public func deliverDue() async throws -> Int {
        let from = configuration.from
        let due = try await db.read { conn in
            try OutboxRepository.due(conn, now: Now.millis(), limit: 50).map {
                Due(id: $0.id, message: SMTPMessage(from: "Megaport Notifications <\(from)>", to: $0.recipient, subject: $0.subject,
                                                    body: $0.body, messageId: $0.messageId, date: $0.createDate,
                                                    extraHeaders: [("X-Megaport-Event", $0.event)]),
                    attempts: $0.attempts)
            }
        }
        var delivered = 0
        for item in due where !Task.isCancelled {
            let failure = await send(item.message)
            try await record(item, failure: failure)
            if failure == nil { delivered += 1 }
        }
        return delivered
    }

    /// One SMTP conversation for one message; nil on success.
    private func send(_ message: SMTPMessage) async -> SMTPError? {
        let config = configuration
        return await withCheckedContinuation { continuation in
            queue.async {
                do throws(SMTPError) {
                    let session = try SMTPSession(host: config.host, port: config.port, heloName: config.heloName)
                    if let user = config.username { try session.authenticate(username: user, password: config.password ?? "") }
                    try session.send(message, envelopeFrom: config.from)
                    session.quit()
                    continuation.resume(returning: nil)
                } catch {
                    continuation.resume(returning: error)
                }
            }
        }
    }

    private func record(_ item: Due, failure: SMTPError?) async throws {
        let config = configuration
        try await db.write { conn in
            let now = Now.millis()
            guard let failure else {
                try OutboxRepository.markSent(conn, id: item.id, now: now)
                return
            }
            let attempts = item.attempts + 1
            let giveUp = failure.permanent || attempts >= config.maxAttempts
            let delay = min(config.maxRetryDelayMillis, config.retryBaseMillis << Int64(min(attempts - 1, 30)))
            try OutboxRepository.markFailed(conn, id: item.id, attempts: attempts, giveUp: giveUp, nextAttempt: now + delay,
                                            error: failure.message)
        }
    }
}
