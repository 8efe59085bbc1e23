import JSON
import Model
import Persistence
import Storage

extension ApprovalService {
    enum Outcome: Sendable { case done(ApprovalListing), expired, decided(Approval.Status) }

    /// Runs one decision in one transaction after the checks every decision shares: the approval is
    /// visible (404), the caller acts for the right side with a position that may (403), and it is
    /// still pending (409). A request found past its expiry is expired here, then refused.
    func decide(_ idOrUid: String, by session: Session, as side: ApprovalRole,
                _ change: @escaping @Sendable (any DatabaseConnection, Approval, Int64) throws -> Void) async throws -> ApprovalListing {
        let outcome = try await db.write { conn -> Outcome in
            guard let approval = try ApprovalRepository.find(conn, idOrUid: idOrUid),
                  let approver = try CompanyRepository.find(conn, id: approval.approverCompanyId),
                  let requester = try CompanyRepository.find(conn, id: approval.requesterCompanyId),
                  AccessPolicy.canSee(session, approver) || AccessPolicy.canSee(session, requester) else {
                throw DomainError.notFound("approval \(idOrUid) not found")
            }
            let company = side == .approver ? approver : requester
            guard AccessPolicy.canSee(session, company) else {
                throw DomainError.forbidden(code: side == .approver ? "not_approver" : "not_requester",
                                            message: side == .approver ? "only \(approver.tradingName) can decide this request"
                                                                       : "only \(requester.tradingName) can withdraw this request")
            }
            try AccessPolicy.require(session, side == .approver ? .approve : .order)
            let now = Now.millis()
            guard approval.status == .pending else { return .decided(approval.status) }
            if approval.expiryDate <= now {
                try Self.expire(conn, approval, now: now)
                return .expired
            }
            try change(conn, approval, now)
            try AuditLog.record(conn, userId: session.userId, companyId: company.id, entity: "approval", entityId: approval.id,
                                action: side == .approver ? "decide" : "withdraw", now: now)
            return .done(try ApprovalListingRepository.listing(conn, id: approval.id)!)
        }
        switch outcome {
        case .done(let listing): return listing
        case .expired: throw DomainError.conflict(code: "approval_closed", message: "approval \(idOrUid) has expired")
        case .decided(let status):
            throw DomainError.conflict(code: "approval_closed", message: "approval \(idOrUid) is already \(status.rawValue)")
        }
    }

    /// Expires one pending request: EXPIRED, the VXC FAILED (NEW), the requester told.
    static func expire(_ db: any DatabaseConnection, _ approval: Approval, now: Int64) throws {
        try undo(db, approval, failing: .failed, now: now)
        try ApprovalRepository.close(db, approval.id, status: .expired, by: nil, comment: "not decided in time", now: now)
        try AuditLog.record(db, userId: nil, companyId: approval.approverCompanyId, entity: "approval", entityId: approval.id,
                            action: "expire", now: now)
        try Notices.expired(db, approval: approval, now: now)
    }

    /// Expires up to `limit` pending requests past their expiry date (called by the provisioning stage,
    /// which comes back at once while more are due).
    static func expireDue(_ db: any DatabaseConnection, now: Int64, limit: Int) throws {
        for approval in try ApprovalRepository.due(db, now: now, limit: limit) { try expire(db, approval, now: now) }
    }
}
