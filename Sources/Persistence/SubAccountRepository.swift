import Model
import Storage

/// SQL for sub-accounts and the partner ports assigned to them.
public enum SubAccountRepository {
    /// A company's sub-account settings and assigned ports, if it is a sub-account.
    public static func find(_ db: any DatabaseConnection, companyId: Int64) throws -> SubAccount? {
        guard let permissions = try db.queryFirst("SELECT may_order_vxcs, may_view_billing, may_manage_users FROM sub_accounts WHERE company_id = ?",
                                                  companyId, map: { r -> Set<SubAccount.Permission> in
            var set = Set<SubAccount.Permission>()
            if r.bool("may_order_vxcs") { set.insert(.orderVXCs) }
            if r.bool("may_view_billing") { set.insert(.viewBilling) }
            if r.bool("may_manage_users") { set.insert(.manageUsers) }
            return set
        }) else { return nil }
        let ports = try db.query("SELECT port_id FROM port_assignments WHERE company_id = ? ORDER BY port_id", companyId) { $0.int64("port_id") }
        return SubAccount(companyId: companyId, permissions: permissions, portIds: ports)
    }

    /// Makes a company a sub-account with these permissions (or changes them).
    public static func save(_ db: any DatabaseConnection, companyId: Int64, permissions: Set<SubAccount.Permission>, now: Int64) throws {
        try db.execute("""
            INSERT INTO sub_accounts (company_id, may_order_vxcs, may_view_billing, may_manage_users, update_date) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (company_id) DO UPDATE SET may_order_vxcs = excluded.may_order_vxcs, may_view_billing = excluded.may_view_billing,
                may_manage_users = excluded.may_manage_users, update_date = excluded.update_date
            """, companyId, permissions.contains(.orderVXCs), permissions.contains(.viewBilling), permissions.contains(.manageUsers), now)
    }

    /// Replaces the ports assigned to a sub-account (a port is assigned to one sub-account at most).
    public static func assign(_ db: any DatabaseConnection, companyId: Int64, portIds: [Int64], now: Int64) throws {
        try db.execute("DELETE FROM port_assignments WHERE company_id = ?", companyId)
        for port in Set(portIds) {
            try db.execute("INSERT INTO port_assignments (port_id, company_id, assigned_date) VALUES (?, ?, ?)", port, companyId, now)
        }
    }

    /// The sub-account a port is assigned to, if any.
    public static func assignee(_ db: any DatabaseConnection, portId: Int64) throws -> Int64? {
        try db.queryFirst("SELECT company_id FROM port_assignments WHERE port_id = ?", portId) { $0.int64("company_id") }
    }

    /// How many of a company's VXCs on a port are not yet cancelled.
    public static func activeVXCs(_ db: any DatabaseConnection, companyId: Int64, portId: Int64) throws -> Int {
        try db.queryFirst("""
            SELECT count(*) AS n FROM services WHERE company_id = ?1 AND product_type = 'VXC'
                AND (a_end_service_id = ?2 OR b_end_service_id = ?2) AND provisioning_status IN ('PROVISIONING', 'CONFIGURED', 'LIVE')
            """, companyId, portId) { $0.int("n") } ?? 0
    }
}
