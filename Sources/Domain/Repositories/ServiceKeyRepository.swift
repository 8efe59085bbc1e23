import Storage

/// SQL for service keys.
enum ServiceKeyRepository {
    static let columns = """
        id, key, company_id, product_id, description, vlan, max_speed, pre_approved, single_use, active, valid_from, valid_to,
        used_date, create_date
        """

    static func map(_ r: Row) -> ServiceKey {
        ServiceKey(id: r.int64(0), key: r.string(1), companyId: r.int64(2), productId: r.int64(3), description: r.optionalString(4),
                   vlan: r.isNull(5) ? nil : r.int(5), maxSpeed: r.isNull(6) ? nil : r.int(6), preApproved: r.bool(7),
                   singleUse: r.bool(8), active: r.bool(9), validFrom: r.optionalInt64(10), validTo: r.optionalInt64(11),
                   usedDate: r.optionalInt64(12), createDate: r.int64(13))
    }

    static func find(_ db: SQLiteConnection, key: String) throws -> ServiceKey? {
        try db.queryFirst("SELECT \(columns) FROM service_keys WHERE key = ?", key.lowercased(), map: map)
    }

    /// A key that may be used now: it exists, is active, inside its validity window and, if single-use,
    /// unused. Anything else is 403 (API.md §10).
    static func usable(_ db: SQLiteConnection, key: String, now: Int64) throws -> ServiceKey {
        guard let found = try find(db, key: key) else {
            throw DomainError.forbidden(code: "service_key_invalid", message: "service key \(key) is not valid")
        }
        let problem: String? = !found.active ? "is inactive"
            : (found.validFrom.map { now < $0 } ?? false) ? "is not valid yet"
            : (found.validTo.map { now >= $0 } ?? false) ? "has expired"
            : (found.singleUse && found.usedDate != nil) ? "has already been used"
            : nil
        if let problem { throw DomainError.forbidden(code: "service_key_invalid", message: "service key \(key) \(problem)") }
        return found
    }

    /// Marks a single-use key used; false if another order used it first.
    static func consume(_ db: SQLiteConnection, id: Int64, now: Int64) throws -> Bool {
        try db.execute("UPDATE service_keys SET used_date = ? WHERE id = ? AND used_date IS NULL", now, id) == 1
    }
}
