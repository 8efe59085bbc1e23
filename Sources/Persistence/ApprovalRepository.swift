import Model
import Storage

/// SQL for approvals.
public enum ApprovalRepository {
    static let columns = """
        id, uid, type, status, service_id, requester_company_id, approver_company_id, speed, new_speed, create_date,
        expiry_date, decision_date, decided_by, comment
        """

    static func map(_ r: any DatabaseRow) -> Approval {
        Approval(id: r.int64("id"), uid: r.string("uid"), kind: Approval.Kind(rawValue: r.string("type")) ?? .new,
                 status: Approval.Status(rawValue: r.string("status")) ?? .pending, serviceId: r.int64("service_id"),
                 requesterCompanyId: r.int64("requester_company_id"), approverCompanyId: r.int64("approver_company_id"),
                 speed: r.int("speed"), newSpeed: r.optionalInt("new_speed"), createDate: r.int64("create_date"),
                 expiryDate: r.int64("expiry_date"), decisionDate: r.optionalInt64("decision_date"),
                 decidedBy: r.optionalInt64("decided_by"), comment: r.optionalString("comment"))
    }

    /// Opens a pending approval (the partial unique index allows one per service) and returns it as
    /// written, without reading it back.
    public static func insert(_ db: any DatabaseConnection, kind: Approval.Kind, serviceId: Int64, requesterCompanyId: Int64,
                              requesterUserId: Int64?, approverCompanyId: Int64, speed: Int, newSpeed: Int?, now: Int64,
                              lifetime: Int64) throws -> Approval {
        let uid = Tokens.newTimeOrderedUUID(now: now)
        let id = try db.insertReturningId("""
            INSERT INTO approvals (uid, type, status, service_id, requester_company_id, requester_user_id, approver_company_id,
                speed, new_speed, create_date, expiry_date)
            VALUES (?, ?, 'PENDING', ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """, uid, kind.rawValue, serviceId, requesterCompanyId, requesterUserId, approverCompanyId, speed,
            newSpeed, now, now + lifetime)
        return Approval(id: id, uid: uid, kind: kind, status: .pending, serviceId: serviceId, requesterCompanyId: requesterCompanyId,
                        approverCompanyId: approverCompanyId, speed: speed, newSpeed: newSpeed, createDate: now,
                        expiryDate: now + lifetime, decisionDate: nil, decidedBy: nil, comment: nil)
    }

    /// The pending approval of a service, if any.
    public static func pending(_ db: any DatabaseConnection, serviceId: Int64) throws -> Approval? {
        try db.queryFirst("SELECT \(columns) FROM approvals WHERE service_id = ? AND status = 'PENDING'", serviceId, map: map)
    }

    /// Withdraws a service's pending approval (the service was cancelled).
    public static func withdrawPending(_ db: any DatabaseConnection, serviceId: Int64, by userId: Int64?, now: Int64, comment: String) throws {
        try db.execute("""
            UPDATE approvals SET status = 'WITHDRAWN', decision_date = ?, decided_by = ?, comment = ?
            WHERE service_id = ? AND status = 'PENDING'
            """, now, userId, comment, serviceId)
    }

    /// An approval by id or uid.
    public static func find(_ db: any DatabaseConnection, idOrUid: String) throws -> Approval? {
        if let id = Identifier.parse(idOrUid) { return try db.queryFirst("SELECT \(columns) FROM approvals WHERE id = ?", id, map: map) }
        return try db.queryFirst("SELECT \(columns) FROM approvals WHERE uid = ?", idOrUid.lowercased(), map: map)
    }

    /// Pending approvals whose time is up, the longest overdue first, at most `limit`.
    public static func due(_ db: any DatabaseConnection, now: Int64, limit: Int) throws -> [Approval] {
        try db.query("SELECT \(columns) FROM approvals WHERE status = 'PENDING' AND expiry_date <= ? ORDER BY expiry_date, id LIMIT ?",
                     now, limit, map: map)
    }

    /// Records a decision.
    public static func close(_ db: any DatabaseConnection, _ id: Int64, status: Approval.Status, by userId: Int64?, comment: String?,
                             now: Int64) throws {
        try db.execute("UPDATE approvals SET status = ?, decision_date = ?, decided_by = ?, comment = ? WHERE id = ?",
                       status.rawValue, now, userId, comment, id)
    }

    /// How many approvals are pending (for `/metrics`).
    public static func pendingCount(_ db: any DatabaseConnection) throws -> Int {
        try db.queryFirst("SELECT count(*) AS n FROM approvals WHERE status = 'PENDING'") { $0.int("n") } ?? 0
    }
}
