import JSON
import Storage

/// The background stage that moves services along (API.md §4–5, §7): CONFIGURED → LIVE after the
/// provisioning delay, auto-approving cloud providers' VXCs approved shortly after the order,
/// CANCELLED → DECOMMISSIONED, pending requests EXPIRED when their time is up — each with its emails. It keeps no state of its own — everything it needs is in the database —
/// so a restart simply carries on.
public actor ProvisioningStage {
    let db: Database
    /// Milliseconds a service stays CONFIGURED (or CANCELLED) before its next state.
    public let delay: Int64
    /// Milliseconds before an auto-approving provider's VXC is approved ("shortly after" the order).
    public let autoApprovalDelay: Int64
    private var loop: Task<Void, Never>?
    private var sleeper: Task<Void, Never>?
    private var poked = false

    public init(db: Database, delayMillis: Int64, autoApprovalDelayMillis: Int64? = nil) {
        self.db = db
        delay = delayMillis
        autoApprovalDelay = autoApprovalDelayMillis ?? min(delayMillis, 1000)
    }

    /// Starts the loop (idempotent).
    public func start() {
        guard loop == nil else { return }
        loop = Task { await self.run() }
    }

    /// Stops the loop and waits for it.
    public func stop() async {
        loop?.cancel()
        sleeper?.cancel()
        await loop?.value
        loop = nil
    }

    /// Something changed: look again now rather than at the next scheduled time.
    public func poke() {
        poked = true
        sleeper?.cancel()
    }

    private func run() async {
        while !Task.isCancelled {
            poked = false
            let next = (try? await advance()) ?? nil
            if poked { continue }
            let wait = max(1, min(1000, (next ?? Int64.max) - Now.millis()))
            let sleeper = Task { _ = try? await Task.sleep(for: .milliseconds(wait)) }
            self.sleeper = sleeper
            await sleeper.value
        }
    }

    /// Most transitions of each kind per call. The stage's write shares a group commit with orders, so a
    /// backlog (thousands of services falling due together) is worked off in slices of this size, with
    /// orders committed between them, instead of one long transaction that every order waits behind.
    static let batch = 100

    /// Performs the transitions that are due, up to `batch` of each kind. Returns when the next one falls
    /// due (epoch ms; in the past when a slice was full), if any.
    /// Each question names its partial index (Schema/0003): SQLite would otherwise pick the status index
    /// and read every PROVISIONING port, and a missing index fails loudly instead of going slow.
    @discardableResult
    public func advance() async throws -> Int64? {
        let delay = self.delay, autoDelay = self.autoApprovalDelay
        return try await db.write { conn in
            let now = Now.millis()
            let approvable = try conn.query("""
                SELECT id, company_id, rate_limit FROM services INDEXED BY services_due_auto_approval
                WHERE product_type = 'VXC' AND vxc_approval_status = 'PENDING_INTERNAL'
                  AND provisioning_status = 'PROVISIONING' AND create_date <= ? ORDER BY create_date LIMIT ?
                """, now - autoDelay, Self.batch) { ($0.int64(0), $0.int64(1), $0.int(2)) }
            for (id, company, speed) in approvable {
                try conn.execute("""
                    UPDATE services SET vxc_approval_status = 'APPROVED', non_payer_status = 'APPROVED',
                        provisioning_status = 'CONFIGURED', provision_date = ? WHERE id = ?
                    """, now, id)
                try AuditLog.record(conn, userId: nil, companyId: company, entity: "service", entityId: id, action: "auto_approve", now: now)
                try Notices.decided(conn, serviceId: id, kind: .new, speed: speed, newSpeed: nil, accepted: true, reason: nil, now: now)
            }
            for (id, company) in try conn.query("""
                SELECT id, company_id FROM services INDEXED BY services_due_live WHERE provisioning_status = 'CONFIGURED' AND provision_date <= ?
                ORDER BY provision_date LIMIT ?
                """, now - delay, Self.batch, map: { ($0.int64(0), $0.int64(1)) }) {
                try ServiceRepository.setStatus(conn, id: id, .live, now: now)
                try AuditLog.record(conn, userId: nil, companyId: company, entity: "service", entityId: id, action: "live", now: now)
                try Notices.live(conn, serviceId: id, now: now)
            }
            try ApprovalService.expireDue(conn, now: now, limit: Self.batch)
            for (id, company) in try conn.query("""
                SELECT id, company_id FROM services INDEXED BY services_due_decommission
                WHERE provisioning_status = 'CANCELLED' AND cancel_date <= ? ORDER BY cancel_date LIMIT ?
                """, now - delay, Self.batch, map: { ($0.int64(0), $0.int64(1)) }) {
                try ServiceRepository.setStatus(conn, id: id, .decommissioned, now: now)
                try AuditLog.record(conn, userId: nil, companyId: company, entity: "service", entityId: id, action: "decommission", now: now)
            }
            return try conn.queryFirst("""
                SELECT min(due) FROM (
                    SELECT min(provision_date) + ?1 AS due FROM services INDEXED BY services_due_live WHERE provisioning_status = 'CONFIGURED'
                    UNION ALL SELECT min(cancel_date) + ?1 FROM services INDEXED BY services_due_decommission WHERE provisioning_status = 'CANCELLED'
                    UNION ALL SELECT min(create_date) + ?2 FROM services INDEXED BY services_due_auto_approval
                        WHERE vxc_approval_status = 'PENDING_INTERNAL' AND provisioning_status = 'PROVISIONING'
                    UNION ALL SELECT min(expiry_date) FROM approvals WHERE status = 'PENDING')
                """, delay, autoDelay) { $0.optionalInt64(0) } ?? nil
        }
    }
}
