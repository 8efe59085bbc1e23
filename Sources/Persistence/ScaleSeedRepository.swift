import Model
import Storage

/// Bulk SQL that grows a database for scale measurements (`admin seed-scale`), in one statement per
/// table: companies with support contacts, LIVE ports (no interface) spread over every location, and
/// as many VXCs, each between two ports of one company, with their VLAN rows (A-end 100, B-end 200, so
/// every port carries one of each). Uids are made as the server makes them (the row number in
/// `randomblob` keeps SQLite from computing one uid for all rows): companies' random (version 4), and
/// services' time-ordered (version 7), as if ordered one a millisecond up to `now`.
public enum ScaleSeedRepository {
    static let uuid = """
        (SELECT lower(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-8' || substr(h, 18, 3) || '-' ||
                substr(h, 21, 12)) FROM (SELECT hex(randomblob(16 + 0 * i)) AS h))
        """

    /// A version 7 uid for the millisecond `ms` (an SQL expression over the row number `i`).
    static func timeOrderedUUID(ms: String) -> String {
        """
        (SELECT lower(printf('%08x-%04x', ms >> 16, ms & 65535) || '-7' || substr(h, 14, 3) || '-8' || substr(h, 18, 3) || '-' ||
                substr(h, 21, 12)) FROM (SELECT \(ms) AS ms, hex(randomblob(16 + 0 * i)) AS h))
        """
    }

    /// Adds `companies` companies, `ports` ports and as many VXCs; `ports` must be a multiple of `companies`.
    /// - Returns: the number of rows written.
    public static func seed(_ db: any DatabaseConnection, companies: Int, ports: Int, now: Int64) throws -> Int {
        let base = try db.queryFirst("SELECT coalesce(max(id), 0) AS id FROM companies") { $0.int64("id") } ?? 0
        let locations = try db.queryFirst("SELECT count(*) AS n FROM locations") { $0.int("n") } ?? 1
        var rows = try db.execute("""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)
            INSERT INTO companies (id, uid, trading_name, account_type, billing_market, signup_email, create_date)
            SELECT ?2 + i, \(uuid), 'Scale Co ' || i, 'DIRECT', 'AU', 'ops' || i || '@scale' || i || '.example', ?3 FROM n
            """, companies, base, now)
        rows += try db.execute("""
            INSERT INTO support_contacts (company_id, phone, email, updated_date)
            SELECT id, '+61290000000', 'support@scale' || (id - ?1) || '.example', ?2 FROM companies WHERE id > ?1
            """, base, now)
        let firstPort = (try db.queryFirst("SELECT coalesce(max(id), 0) AS id FROM services") { $0.int64("id") } ?? 0) + 1
        rows += try db.execute("""
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ?1 - 1)
            INSERT INTO services (id, uid, product_type, name, company_id, provisioning_status, location_id, speed, create_date,
                                  provision_date, live_date)
            SELECT ?2 + i, \(timeOrderedUUID(ms: "?6 - 2 * ?1 + i")), 'MEGAPORT', 'scale port ' || i, ?3 + 1 + (i % ?4), 'LIVE', 1 + (i % ?5), 10000, ?6, ?6, ?6 FROM n
            """, ports, firstPort, base, companies, locations, now)
        let firstVXC = firstPort + Int64(ports)
        rows += try db.execute("""
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ?1 - 1)
            INSERT INTO services (id, uid, product_type, name, company_id, provisioning_status, a_end_service_id, b_end_service_id,
                                  rate_limit, distance_band, non_payer_status, payer_status, rate_type, term, rollover, create_date,
                                  provision_date, live_date)
            SELECT ?2 + i, \(timeOrderedUUID(ms: "?6 - ?1 + i")), 'VXC', 'scale vxc ' || i, ?3 + 1 + (i % ?4), 'LIVE', ?5 + i, ?5 + ((i + ?4) % ?1), 100, 'METRO',
                   'APPROVED', 'APPROVED', 'MONTHLY', 1, 1, ?6, ?6, ?6 FROM n
            """, ports, firstVXC, base, companies, firstPort, now)
        rows += try db.execute("""
            INSERT INTO vlan_assignments (port_id, service_id, end_name, vlan)
            SELECT a_end_service_id, id, 'A', 100 FROM services WHERE id >= ?1
            UNION ALL SELECT b_end_service_id, id, 'B', 200 FROM services WHERE id >= ?1
            """, firstVXC)
        return rows
    }
}
