import Glibc
import Model
import Persistence
import Storage
import Synchronization

/// What an operator's probes ask: is the database there (`/health`), and how long are the queues
/// (`/metrics`).
public struct OperationsService: Sendable {
    let db: any DatabaseWriter
    private let probe = Probe()

    public init(db: any DatabaseWriter) { self.db = db }

    /// Whether the database answers. The answer is at most one second old: under load, one call a second
    /// reads the database and the others reuse its result, so a load balancer polling `/health` costs no
    /// thread hand-off.
    public func isDatabaseReachable() async -> Bool {
        if let recent = probe.recent() { return recent }
        let ok = await db.isReachable()
        probe.record(ok)
        return ok
    }

    /// The queues and backlogs, read now.
    public func gauges() async throws -> OperationalGauges {
        let commits = await db.commitDurations()
        return try await db.read { conn in
            let outbox = try OutboxRepository.backlog(conn)
            let queue = try ProvisioningRepository.queue(conn)
            return OperationalGauges(outboxPending: outbox.pending, outboxFailed: outbox.failed, oldestPendingEmail: outbox.oldestPending,
                                     provisioning: queue.provisioning, configured: queue.configured,
                                     pendingApprovals: try ApprovalRepository.pendingCount(conn), commitDurations: commits)
        }
    }

    /// The last database check: until when its answer is reused (monotonic nanoseconds) and the answer,
    /// packed in one word (0: no check yet), so `/health` reads it with one atomic load — a lock and
    /// `ContinuousClock` arithmetic were ~1% of a `/health` profile.
    final class Probe: Sendable {
        private let last = Atomic<UInt64>(0)
        private static let maxAgeNanoseconds: UInt64 = 1_000_000_000

        func recent() -> Bool? {
            let word = last.load(ordering: .acquiring)
            guard word != 0, Self.now() < word >> 1 else { return nil }
            return word & 1 == 1
        }

        func record(_ ok: Bool) { last.store((Self.now() + Self.maxAgeNanoseconds) << 1 | (ok ? 1 : 0), ordering: .releasing) }

        private static func now() -> UInt64 {
            var ts = timespec()
            clock_gettime(CLOCK_MONOTONIC, &ts)
            return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
        }
    }
}

/// The gauges `/metrics` shows.
public struct OperationalGauges: Sendable {
    public let outboxPending: Int
    public let outboxFailed: Int
    /// When the oldest undelivered email was written (epoch ms), if any.
    public let oldestPendingEmail: Int64?
    /// Services waiting for capacity.
    public let provisioning: Int
    /// Services waiting to go LIVE.
    public let configured: Int
    public let pendingApprovals: Int
    /// Write transactions, BEGIN to COMMIT.
    public let commitDurations: Histogram
}
