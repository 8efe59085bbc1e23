import Storage

/// SQL for approvals.
enum ApprovalRepository {
    static let columns = """
        id, uid, type, status, service_id, requester_company_id, approver_company_id, speed, new_speed, create_date,
        expiry_date, decision_date, decided_by, comment
        """

    static func map(_ r: Row) -> Approval {
        Approval(id: r.int64(0), uid: r.string(1), kind: Approval.Kind(rawValue: r.string(2)) ?? .new,
                 status: Approval.Status(rawValue: r.string(3)) ?? .pending, serviceId: r.int64(4),
                 requesterCompanyId: r.int64(5), approverCompanyId: r.int64(6), speed: r.int(7),
                 newSpeed: r.isNull(8) ? nil : r.int(8), createDate: r.int64(9), expiryDate: r.int64(10),
                 decisionDate: r.optionalInt64(11), decidedBy: r.optionalInt64(12), comment: r.optionalString(13))
    }

    /// Opens a pending approval (the partial unique index allows one per service).
    static func insert(_ db: SQLiteConnection, kind: Approval.Kind, serviceId: Int64, requesterCompanyId: Int64,
                       requesterUserId: Int64?, approverCompanyId: Int64, speed: Int, newSpeed: Int?, now: Int64,
                       lifetime: Int64) throws -> Approval {
        try db.execute("""
            INSERT INTO approvals (uid, type, status, service_id, requester_company_id, requester_user_id, approver_company_id,
                speed, new_speed, create_date, expiry_date)
            VALUES (?, ?, 'PENDING', ?, ?, ?, ?, ?, ?, ?, ?)
            """, Tokens.newUUID(), kind.rawValue, serviceId, requesterCompanyId, requesterUserId, approverCompanyId, speed,
            newSpeed, now, now + lifetime)
        return try db.queryFirst("SELECT \(columns) FROM approvals WHERE id = ?", db.lastInsertRowID, map: map)!
    }

    /// The pending approval of a service, if any.
    static func pending(_ db: SQLiteConnection, serviceId: Int64) throws -> Approval? {
        try db.queryFirst("SELECT \(columns) FROM approvals WHERE service_id = ? AND status = 'PENDING'", serviceId, map: map)
    }

    /// Withdraws a service's pending approval (the service was cancelled).
    static func withdrawPending(_ db: SQLiteConnection, serviceId: Int64, by userId: Int64?, now: Int64, comment: String) throws {
        try db.execute("""
            UPDATE approvals SET status = 'WITHDRAWN', decision_date = ?, decided_by = ?, comment = ?
            WHERE service_id = ? AND status = 'PENDING'
            """, now, userId, comment, serviceId)
    }
}
