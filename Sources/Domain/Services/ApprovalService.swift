import JSON
import Model
import Persistence
import Storage

/// The provider's side of connection requests (API.md §7): list, accept, deny, withdraw, expire.
/// Each decision, the VXC change it causes, its audit event and its emails commit together.
public struct ApprovalService: Sendable {
    let db: any DatabaseWriter
    let provisioning: ProvisioningStage?

    public init(db: any DatabaseWriter, provisioning: ProvisioningStage? = nil) {
        self.db = db
        self.provisioning = provisioning
    }

    /// `GET /secure/approvals`: newest first, for every company the caller may act for.
    public func list(by session: Session, role: ApprovalRole, status: Approval.Status?) async throws -> [ApprovalListing] {
        try await db.read { conn in
            let companies = try CompanyRepository.selfAndManaged(conn, companyId: session.companyId).filter { AccessPolicy.canSee(session, $0) }
            return try companies.flatMap { company in
                try ApprovalListingRepository.listings(conn, role == .approver ? .toDecide(companyId: company.id, status: status?.rawValue)
                                                                                : .requested(companyId: company.id, status: status?.rawValue))
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
                    try VlanRepository.release(conn, serviceId: approval.serviceId, end: "B")
                    guard let port = try ServiceRepository.find(conn, id: approval.serviceId)?.bEndId else { return }
                    let chosen = try VLANRules.resolve(conn, requested: vlan, portId: port, field: "vlan")
                    try VlanRepository.assign(conn, portId: port, serviceId: approval.serviceId, end: "B", vlan: chosen)
                }
                try ServiceChangeRepository.approveNew(conn, id: approval.serviceId, now: now)
            } else {
                if let speed = approval.newSpeed { try ServiceChangeRepository.setRateLimit(conn, id: approval.serviceId, speed) }
                try ServiceChangeRepository.setApprovalStatus(conn, id: approval.serviceId, "APPROVED")
            }
            try ApprovalRepository.close(conn, approval.id, status: .approved, by: session.userId, comment: comment, now: now)
            try Notices.decided(conn, serviceId: approval.serviceId, kind: approval.kind, speed: approval.speed, newSpeed: approval.newSpeed,
                                accepted: true, reason: comment, now: now)
        }
        provisioning?.poke()
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
    static func undo(_ db: any DatabaseConnection, _ approval: Approval, failing status: ProvisioningStatus, now: Int64) throws {
        if approval.kind == .new {
            try ServiceRepository.setStatus(db, id: approval.serviceId, status, now: now)
            try ServiceChangeRepository.rejectNew(db, id: approval.serviceId)
            try VlanRepository.release(db, serviceId: approval.serviceId)
        } else {
            try ServiceChangeRepository.setApprovalStatus(db, id: approval.serviceId, "APPROVED")
        }
    }
}
