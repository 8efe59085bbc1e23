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

extension ApprovalRepository {
    /// An approval by id or uid.
    static func find(_ db: SQLiteConnection, idOrUid: String) throws -> Approval? {
        if let id = Int64(idOrUid) { return try db.queryFirst("SELECT \(columns) FROM approvals WHERE id = ?", id, map: map) }
        return try db.queryFirst("SELECT \(columns) FROM approvals WHERE uid = ?", idOrUid.lowercased(), map: map)
    }

    /// Pending approvals whose time is up, the longest overdue first, at most `limit`.
    static func due(_ db: SQLiteConnection, now: Int64, limit: Int) throws -> [Approval] {
        try db.query("SELECT \(columns) FROM approvals WHERE status = 'PENDING' AND expiry_date <= ? ORDER BY expiry_date, id LIMIT ?",
                     now, limit, map: map)
    }

    /// Records a decision.
    static func close(_ db: SQLiteConnection, _ id: Int64, status: Approval.Status, by userId: Int64?, comment: String?, now: Int64) throws {
        try db.execute("UPDATE approvals SET status = ?, decision_date = ?, decided_by = ?, comment = ? WHERE id = ?",
                       status.rawValue, now, userId, comment, id)
    }

    static let listingSelect = """
        SELECT a.id, a.uid, a.type, a.status, a.service_id, a.requester_company_id, a.approver_company_id, a.speed, a.new_speed,
               a.create_date, a.expiry_date, a.decision_date, a.decided_by, a.comment,
               s.name, rc.trading_name, ac.trading_name, pa.id, pa.name, pb.id, pb.name,
               (SELECT vlan FROM vlan_assignments WHERE service_id = s.id AND end_name = 'A'),
               (SELECT vlan FROM vlan_assignments WHERE service_id = s.id AND end_name = 'B'),
               (SELECT trim(first_name || ' ' || last_name) FROM users WHERE id = a.decided_by)
        FROM approvals a JOIN services s ON s.id = a.service_id
        JOIN companies rc ON rc.id = a.requester_company_id JOIN companies ac ON ac.id = a.approver_company_id
        JOIN services pa ON pa.id = s.a_end_service_id JOIN services pb ON pb.id = s.b_end_service_id
        """

    static func mapListing(_ r: Row) -> ApprovalListing {
        ApprovalListing(approval: map(r), serviceName: r.string(14), requesterCompanyName: r.string(15), approverCompanyName: r.string(16),
                        aEndId: r.int64(17), aEndName: r.string(18), bEndId: r.int64(19), bEndName: r.string(20),
                        aVlan: r.isNull(21) ? nil : r.int(21), bVlan: r.isNull(22) ? nil : r.int(22), decidedByName: r.optionalString(23))
    }

    static func listing(_ db: SQLiteConnection, id: Int64) throws -> ApprovalListing? {
        try db.queryFirst(listingSelect + " WHERE a.id = ?", id, map: mapListing)
    }

    /// Listings matching a condition on `a` (approvals), newest first.
    static func listings(_ db: SQLiteConnection, where condition: String, _ arguments: [any SQLiteBindable]) throws -> [ApprovalListing] {
        try db.query(listingSelect + " WHERE \(condition) ORDER BY a.create_date DESC, a.id DESC", arguments, map: mapListing)
    }
}
