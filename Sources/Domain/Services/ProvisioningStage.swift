import JSON
import Model
import Persistence
import Storage
import Synchronization

/// The background stage that moves services along (API.md §4–5, §7): CONFIGURED → LIVE after the
/// provisioning delay, auto-approving cloud providers' VXCs approved shortly after the order,
/// CANCELLED → DECOMMISSIONED, pending requests EXPIRED when their time is up — each with its emails. It keeps no state of its own — everything it needs is in the database —
/// so a restart simply carries on.
public actor ProvisioningStage: BackgroundService {
    let db: any DatabaseWriter
    /// Milliseconds a service stays CONFIGURED (or CANCELLED) before its next state.
    public let delay: Int64
    /// Milliseconds before an auto-approving provider's VXC is approved ("shortly after" the order).
    public let autoApprovalDelay: Int64
    /// The current sleep between passes, which a poke cuts short.
    private let sleeper = Mutex<Task<Void, Never>?>(nil)
    /// Something changed since the pass began: run another pass instead of sleeping.
    private let poked = Atomic<Bool>(false)

    public init(db: any DatabaseWriter, delayMillis: Int64, autoApprovalDelayMillis: Int64? = nil) {
        self.db = db
        delay = delayMillis
        autoApprovalDelay = autoApprovalDelayMillis ?? min(delayMillis, 1000)
    }

    public nonisolated var name: String { "provisioning" }

    /// Something changed: look again now rather than at the next scheduled time. Nonisolated (an atomic
    /// flag and the sleep's cancellation), so an order does not hop to this actor and back to be answered.
    public nonisolated func poke() {
        poked.store(true, ordering: .sequentiallyConsistent)
        sleeper.withLock { $0?.cancel() }
    }

    /// Advances what is due, then sleeps until the next thing falls due (at most a second) or a poke.
    public func run(report: @escaping @Sendable (any Error) -> Void) async {
        while !Task.isCancelled {
            poked.store(false, ordering: .sequentiallyConsistent)
            var next: Int64?
            do { next = try await advance() } catch { report(error) }
            if poked.load(ordering: .sequentiallyConsistent) { continue }
            let wait = max(1, min(1000, (next ?? Int64.max) - Now.millis()))
            let sleep = Task { _ = try? await Task.sleep(for: .milliseconds(wait)) }
            sleeper.withLock { $0 = sleep }
            // A poke between the check above and storing the sleep found nothing to cancel: look again.
            if poked.load(ordering: .sequentiallyConsistent) { sleep.cancel() }
            await withTaskCancellationHandler { await sleep.value } onCancel: { sleep.cancel() }
        }
    }

    /// Most transitions of each kind per call. The stage's write shares a group commit with orders, so a
    /// backlog (thousands of services falling due together) is worked off in slices of this size, with
    /// orders committed between them, instead of one long transaction that every order waits behind.
    static let batch = 25

    /// Performs the transitions that are due, up to `batch` of each kind. Returns when the next one falls
    /// due (epoch ms; in the past when a slice was full), if any. `ignoringDelays` (the sandbox's flush)
    /// treats every waiting transition as due; approvals still expire only when their time is up.
    @discardableResult
    public func advance(ignoringDelays: Bool = false) async throws -> Int64? {
        let delay = ignoringDelays ? 0 : self.delay, autoDelay = ignoringDelays ? 0 : self.autoApprovalDelay
        return try await db.write { conn in
            let now = Now.millis()
            for vxc in try ProvisioningRepository.dueAutoApprovals(conn, orderedBy: now - autoDelay, limit: Self.batch) {
                try ProvisioningRepository.autoApprove(conn, id: vxc.id, now: now)
                try AuditLog.record(conn, userId: nil, companyId: vxc.companyId, entity: "service", entityId: vxc.id, action: "auto_approve", now: now)
                try Notices.decided(conn, serviceId: vxc.id, kind: .new, speed: vxc.rateLimit ?? 0, newSpeed: nil, accepted: true,
                                    reason: nil, now: now)
            }
            for service in try ProvisioningRepository.dueLive(conn, configuredBy: now - delay, limit: Self.batch) {
                try ServiceRepository.setStatus(conn, id: service.id, .live, now: now)
                try AuditLog.record(conn, userId: nil, companyId: service.companyId, entity: "service", entityId: service.id, action: "live", now: now)
                try Notices.live(conn, serviceId: service.id, isVXC: service.isVXC, now: now)
            }
            try ApprovalService.expireDue(conn, now: now, limit: Self.batch)
            for service in try ProvisioningRepository.dueDecommission(conn, cancelledBy: now - delay, limit: Self.batch) {
                try ServiceRepository.setStatus(conn, id: service.id, .decommissioned, now: now)
                try AuditLog.record(conn, userId: nil, companyId: service.companyId, entity: "service", entityId: service.id,
                                    action: "decommission", now: now)
            }
            return try ProvisioningRepository.nextDue(conn, delay: delay, autoApprovalDelay: autoDelay)
        }
    }
}
