import Dispatch
import SMTP
import Model
import Persistence
import Storage

/// Delivers the outbox over SMTP (API.md §8), at least once: a message is marked SENT only after the
/// relay answered 250 to its DATA, and that mark is committed before the next message is tried, so
/// a restart never resends what was seen accepted. The due messages go over one conversation (`RSET`
/// between them), so a backlog drains at the relay's speed. Failures back off exponentially per
/// message; a 5xx reply, or too many attempts, marks the message FAILED. Settings that cannot work
/// with the relay (no STARTTLS, a refused certificate) stop delivery until the server is restarted with
/// other settings; the messages wait, with the reason as their last error. The SMTP conversation
/// (blocking I/O) runs on the worker's own dispatch queue, never on the cooperative pool.
public actor MailWorker: BackgroundService {
    /// Where and how to deliver.
    public struct Configuration: Sendable {
        /// The relay, its TLS mode and credentials.
        public var relay: SMTPRelay
        /// The `From` address (and envelope sender).
        public var from = "notifications@megaport-server.local"
        /// First retry delay; each failure doubles it, up to `maxRetryDelayMillis`.
        public var retryBaseMillis: Int64 = 2000
        public var maxRetryDelayMillis: Int64 = 3_600_000
        /// Attempts before a message is given up as FAILED.
        public var maxAttempts = 15
        /// How often the outbox is checked when idle.
        public var pollMillis: Int64 = 250
        /// How long a claimed batch stays this node's: another node sends what a dead node claimed after it.
        public var leaseMillis: Int64 = 120_000

        public init(relay: SMTPRelay) { self.relay = relay }
    }

    struct Due: Sendable {
        let id: Int64
        let message: SMTPMessage
        let attempts: Int
    }

    let db: any DatabaseWriter
    public let configuration: Configuration
    private let queue = DispatchQueue(label: "smtp")
    /// Set when the settings cannot work with the relay: nothing is sent until a restart.
    private var blocked: SMTPError?

    public init(db: any DatabaseWriter, configuration: Configuration) {
        self.db = db
        self.configuration = configuration
    }

    public nonisolated var name: String { "mail" }

    /// Delivers what is due, then waits a poll interval when nothing was delivered.
    public func run(report: @escaping @Sendable (any Error) -> Void) async {
        while !Task.isCancelled {
            var delivered = 0
            do { delivered = try await deliverDue(report: report) } catch { report(error) }
            if delivered == 0 { try? await Task.sleep(for: .milliseconds(configuration.pollMillis)) }
        }
    }

    /// Tries every message that is due over one conversation. Returns how many the relay accepted.
    @discardableResult
    public func deliverDue(report: @Sendable (any Error) -> Void = { _ in }) async throws -> Int {
        guard blocked == nil else { return 0 }
        let from = configuration.from, lease = configuration.leaseMillis
        guard try await db.read({ try OutboxRepository.anyDue($0, now: Now.millis()) }) else { return 0 }
        let due = try await db.write { conn in
            try OutboxRepository.claim(conn, now: Now.millis(), lease: lease, limit: 50).map {
                Due(id: $0.id, message: Self.message($0, from: from), attempts: $0.attempts)
            }
        }
        guard !due.isEmpty else { return 0 }
        let conversation = Conversation()
        var delivered = 0
        for (index, item) in due.enumerated() where !Task.isCancelled {
            let failure = await onQueue { conversation.send(item.message, self.configuration) }
            guard let failure else {
                try await record(item, failure: nil)
                delivered += 1
                continue
            }
            if failure.configuration {
                blocked = failure
                report(failure)
                try await db.write { conn in
                    for rest in due[index...] { try OutboxRepository.noteError(conn, id: rest.id, error: failure.message, now: Now.millis()) }
                }
                break
            }
            try await record(item, failure: failure)
            if !failure.concernsOnlyThisMessage {
                // The conversation is gone: the rest of this batch failed with it and backs off too.
                for rest in due[(index + 1)...] { try await record(rest, failure: failure) }
                break
            }
        }
        await onQueue { conversation.close() }
        return delivered
    }

    /// The email an outbox row is sent as, from `from`.
    public static func message(_ row: OutboxMessage, from: String) -> SMTPMessage {
        SMTPMessage(from: "Megaport Notifications <\(from)>", to: row.recipient, subject: row.subject, body: row.body,
                    messageId: row.messageId, date: row.createDate, extraHeaders: [("X-Megaport-Event", row.event)])
    }

    /// The header fields an outbox row is sent with (a sandbox shows them with its captured mail).
    public static func headerFields(_ row: OutboxMessage, from: String) -> [(name: String, value: String)] {
        message(row, from: from).headerFields.map { (name: $0.0, value: $0.1) }
    }

    /// Runs blocking SMTP work on the worker's queue.
    private func onQueue<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in queue.async { continuation.resume(returning: work()) } }
    }

    /// The SMTP session of one batch, opened at its first message.
    /// `@unchecked Sendable` is sound: the session is touched only inside `onQueue` closures, which run one
    /// at a time on the worker's serial queue, and each is awaited before the next is submitted.
    final class Conversation: @unchecked Sendable {
        private var session: SMTPSession?

        func send(_ message: SMTPMessage, _ configuration: Configuration) -> SMTPError? {
            do throws(SMTPError) {
                if session == nil { session = try SMTPSession(configuration.relay) }
                try session?.send(message, envelopeFrom: configuration.from)
                return nil
            } catch {
                if !error.concernsOnlyThisMessage { session = nil }
                return error
            }
        }

        func close() {
            session?.quit()
            session = nil
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
