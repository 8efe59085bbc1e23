import Storage
import TestSupport
import Testing

/// `services` keeps index entries only for what a query can ask for (Schema/0016): an end only where a
/// service has one, a status only while it is PROVISIONING or CONFIGURED — and the queries that name an
/// end or one of those states still find their rows through these indexes, not by reading the table.
@Suite(.disabled(if: TempDatabase.onPostgres, "counts SQLite's index entries")) struct LeanServiceIndexTests {
    /// Two CONFIGURED ports of one company, a CONFIGURED VXC between them and a LIVE port.
    static func world(_ conn: any DatabaseConnection) throws -> (first: Int64, second: Int64) {
        let company = try conn.insertReturningId("""
            INSERT INTO companies (uid, trading_name, account_type, create_date) VALUES ('c1', 'Acme', 'DIRECT', 1) RETURNING id
            """)
        var ports: [Int64] = []
        for (name, status) in [("a", "CONFIGURED"), ("b", "CONFIGURED"), ("c", "LIVE")] {
            ports.append(try conn.insertReturningId("""
                INSERT INTO services (uid, product_type, name, company_id, provisioning_status, location_id, speed, create_date)
                VALUES (?, 'MEGAPORT', ?, ?, ?, 1, 1000, 1) RETURNING id
                """, "p-" + name, name, company, status))
        }
        _ = try conn.insertReturningId("""
            INSERT INTO services (uid, product_type, name, company_id, provisioning_status, a_end_service_id, b_end_service_id,
                                  rate_limit, create_date)
            VALUES ('v-1', 'VXC', 'v', ?, 'CONFIGURED', ?, ?, 100, 1) RETURNING id
            """, company, ports[0], ports[1])
        return (ports[0], ports[1])
    }

    /// How many entries the index `name` holds.
    static func entries(_ conn: any DatabaseConnection, _ name: String) throws -> Int {
        try conn.queryFirst("SELECT sum(ncell) AS n FROM dbstat WHERE name = ? AND pagetype = 'leaf'", name) { $0.int("n") } ?? 0
    }

    /// The plan SQLite picks for `sql`, one line per step.
    static func plan(_ conn: any DatabaseConnection, _ sql: String, _ arguments: any DatabaseBindable...) throws -> String {
        try conn.query("EXPLAIN QUERY PLAN " + sql, arguments: arguments) { $0.string("detail") }.joined(separator: "\n")
    }

    @Test func portsWriteNoEntriesForEndsTheyLackNorLiveServicesForTheirStatus() async throws {
        let temp = try TempDatabase()
        defer { temp.remove() }
        let db = try await temp.openEngine()
        let counts = try await db.write { conn in
            _ = try Self.world(conn)
            return try ["services_a_end", "services_b_end", "services_status"].map { try Self.entries(conn, $0) }
        }
        #expect(counts == [1, 1, 3], "the VXC's two ends; the three CONFIGURED services, not the LIVE port")
    }

    @Test func queriesNamingAnEndOrATransientStateReadTheIndexes() async throws {
        let temp = try TempDatabase()
        defer { temp.remove() }
        let db = try await temp.openEngine()
        let plans = try await db.write { conn in
            let (first, _) = try Self.world(conn)
            return [
                try Self.plan(conn, """
                    SELECT id FROM services s WHERE (s.a_end_service_id = ?1 OR s.b_end_service_id = ?1)
                    AND s.provisioning_status NOT IN ('DECOMMISSIONED', 'FAILED')
                    """, first),
                try Self.plan(conn, "SELECT id FROM services WHERE product_type = 'IX' AND a_end_service_id = ? AND ix_id = 1", first),
                try Self.plan(conn, "SELECT count(*) FROM services WHERE provisioning_status = 'PROVISIONING'"),
                try Self.plan(conn, "SELECT count(*) FROM services WHERE provisioning_status = 'CONFIGURED'"),
            ]
        }
        #expect(plans[0].contains("INDEX services_a_end") && plans[0].contains("INDEX services_b_end"), "\(plans[0])")
        #expect(plans[1].contains("INDEX services_a_end"), "\(plans[1])")
        #expect(plans[2].contains("INDEX services_status") && plans[3].contains("INDEX services_status"), "\(plans[2]) / \(plans[3])")
        #expect(!plans.joined().contains("SCAN services") && !plans.joined().contains("SCAN s"), "no query reads the whole table")
    }
}
