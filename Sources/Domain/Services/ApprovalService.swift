import JSON
import Storage

/// The provider's side of connection requests (API.md §7): list, accept, deny, withdraw, expire.
/// Each decision, the VXC change it causes, its audit event and its emails commit together.
public actor ApprovalService {
    let db: Database
    let provisioning: ProvisioningStage?

    public init(db: Database, provisioning: ProvisioningStage? = nil) {
        self.db = db
        self.provisioning = provisioning
    }

    /// `GET /secure/approvals`: newest first, for every company the caller may act for.
    public func list(by session: Session, role: ApprovalRole, status: Approval.Status?) async throws -> [ApprovalListing] {
        try await db.read { conn in
            let column = role == .approver ? "a.approver_company_id" : "a.requester_company_id"
            let companies = try conn.query("SELECT id FROM companies WHERE id = ? OR parent_company_id = ?", session.companyId, session.companyId) {
                $0.int64(0)
            }.filter { id in try CompanyRepository.find(conn, id: id).map { AccessPolicy.canSee(session, $0) } ?? false }
            return try companies.flatMap { company in
                try ApprovalRepository.listings(conn, where: "\(column) = ?\(status == nil ? "" : " AND a.status = ?")",
                                                status.map { [company, $0.rawValue] as [any SQLiteBindable] } ?? [company])
            }.sorted { ($0.approval.createDate, $0.approval.id) > ($1.approval.createDate, $1.approval.id) }
        }
    }

    /// `POST /secure/approvals/{id}/accept`: a NEW request approves the VXC (optionally setting the
    /// B-end VLAN) and provisioning proceeds; a SPEED_CHANGE applies the new speed.
    public func accept(_ idOrUid: String, vlan: Int?, comment: String?, by session: Session) async throws -> ApprovalListing {
        if let vlan, let problem = VLANRules.problem(vlan) { throw DomainError.invalid("vlan", problem) }
        let result = try await decide(idOrUid, by: session, as: .approver) { conn, approval, now in
            if approval.kind == .new {
                if let vlan {
                    try conn.execute("UPDATE vlan_assignments SET active = 0 WHERE service_id = ? AND end_name = 'B'", approval.serviceId)
                    guard let port = try ServiceRepository.find(conn, id: approval.serviceId)?.bEndId else { return }
                    let chosen = try VLANRules.resolve(conn, requested: vlan, portId: port, field: "vlan")
                    try VlanRepository.assign(conn, portId: port, serviceId: approval.serviceId, end: "B", vlan: chosen)
                }
                try conn.execute("""
                    UPDATE services SET non_payer_status = 'APPROVED', vxc_approval_status = 'APPROVED', provisioning_status = 'CONFIGURED',
                        provision_date = ? WHERE id = ?
                    """, now, approval.serviceId)
            } else {
                try conn.execute("UPDATE services SET rate_limit = ?, vxc_approval_status = 'APPROVED' WHERE id = ?",
                                 approval.newSpeed, approval.serviceId)
            }
            try ApprovalRepository.close(conn, approval.id, status: .approved, by: session.userId, comment: comment, now: now)
            try Notices.decided(conn, serviceId: approval.serviceId, kind: approval.kind, speed: approval.speed, newSpeed: approval.newSpeed,
                                accepted: true, reason: comment, now: now)
        }
        await provisioning?.poke()
        return result
    }

    /// `POST /secure/approvals/{id}/deny` (a reason is required): a NEW request fails the VXC and
    /// frees its VLANs; a SPEED_CHANGE is discarded.
    public func deny(_ idOrUid: String, comment: String, by session: Session) async throws -> ApprovalListing {
        guard !comment.trimmingWhitespace.isEmpty else { throw DomainError.invalid("comment", "is required: tell the requester why") }
        return try await decide(idOrUid, by: session, as: .approver) { conn, approval, now in
            try Self.undo(conn, approval, failing: .failed, now: now)
            try ApprovalRepository.close(conn, approval.id, status: .rejected, by: session.userId, comment: comment, now: now)
            try Notices.decided(conn, serviceId: approval.serviceId, kind: approval.kind, speed: approval.speed, newSpeed: approval.newSpeed,
                                accepted: false, reason: comment, now: now)
        }
    }

    /// `POST /secure/approvals/{id}/withdraw`: the requester takes a pending request back.
    public func withdraw(_ idOrUid: String, by session: Session) async throws -> ApprovalListing {
        try await decide(idOrUid, by: session, as: .requester) { conn, approval, now in
            try Self.undo(conn, approval, failing: .cancelled, now: now)
            try ApprovalRepository.close(conn, approval.id, status: .withdrawn, by: session.userId, comment: "withdrawn by the requester", now: now)
        }
    }

    /// What a refused, withdrawn or expired request leaves: a NEW VXC ends (FAILED or CANCELLED) and
    /// frees its VLANs; a speed change leaves the VXC as it was.
    static func undo(_ db: SQLiteConnection, _ approval: Approval, failing status: ProvisioningStatus, now: Int64) throws {
        if approval.kind == .new {
            try ServiceRepository.setStatus(db, id: approval.serviceId, status, now: now)
            try db.execute("UPDATE services SET non_payer_status = 'REJECTED', vxc_approval_status = NULL WHERE id = ?", approval.serviceId)
            try VlanRepository.release(db, serviceId: approval.serviceId)
        } else {
            try db.execute("UPDATE services SET vxc_approval_status = 'APPROVED' WHERE id = ?", approval.serviceId)
        }
    }
}
