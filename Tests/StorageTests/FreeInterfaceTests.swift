import Storage
import TestSupport
import Testing

/// `interfaces.in_use` follows `services.interface_id` on both engines (triggers; Schema/0015 and
/// postgres/0008), so the partial index of free interfaces that port orders read is never wrong.
@Suite struct FreeInterfaceTests {
    /// Two 1G interfaces at location 1, and a company.
    static func setUp(_ conn: any DatabaseConnection) throws -> (company: Int64, first: Int64, second: Int64) {
        let company = try conn.insertReturningId("""
            INSERT INTO companies (uid, trading_name, account_type, create_date) VALUES ('c1', 'Acme', 'DIRECT', 1) RETURNING id
            """)
        let ids = try conn.query("SELECT id FROM interfaces WHERE location_id = 1 AND speed = 1000 ORDER BY id LIMIT 2") { $0.int64("id") }
        return (company, ids[0], ids[1])
    }

    static func port(_ conn: any DatabaseConnection, company: Int64, interface: Int64?) throws -> Int64 {
        try conn.insertReturningId("""
            INSERT INTO services (uid, product_type, name, company_id, provisioning_status, location_id, speed, interface_id, create_date)
            VALUES (?, 'MEGAPORT', 'p', ?, 'CONFIGURED', 1, 1000, ?, 1) RETURNING id
            """, "p-\(interface ?? 0)", company, interface)
    }

    /// The interfaces of `ids` that are in use.
    static func inUse(_ conn: any DatabaseConnection, _ ids: [Int64]) throws -> [Int64] {
        try ids.filter { id in try conn.queryFirst("SELECT in_use FROM interfaces WHERE id = ?", id) { $0.int("in_use") } == 1 }
    }

    @Test func inUseFollowsTheServicesInterface() async throws {
        let temp = try TempDatabase()
        defer { temp.remove() }
        let db = try await temp.openEngine()
        let states = try await db.write { conn in
            let (company, first, second) = try Self.setUp(conn)
            var states: [[Int64]] = [try Self.inUse(conn, [first, second])]
            let port = try Self.port(conn, company: company, interface: first)
            states.append(try Self.inUse(conn, [first, second]))
            try conn.execute("UPDATE services SET interface_id = ? WHERE id = ?", second, port)
            states.append(try Self.inUse(conn, [first, second]))
            try conn.execute("UPDATE services SET name = 'renamed', interface_id = interface_id WHERE id = ?", port)
            states.append(try Self.inUse(conn, [first, second]))
            try conn.execute("UPDATE services SET interface_id = NULL WHERE id = ?", port)
            states.append(try Self.inUse(conn, [first, second]))
            try conn.execute("UPDATE services SET interface_id = ? WHERE id = ?", first, port)
            try conn.execute("DELETE FROM services WHERE id = ?", port)
            states.append(try Self.inUse(conn, [first, second]))
            return states.map { $0.map { $0 == first ? "first" : "second" } }
        }
        #expect(states == [[], ["first"], ["second"], ["second"], [], []], "ordered, moved, kept, released, deleted")
    }

    @Test func theMigrationMarksInterfacesAlreadyServingPorts() async throws {
        let temp = try TempDatabase()
        defer { temp.remove() }
        let older = try await temp.openEngine(before: "free_interfaces")
        let (first, second) = try await older.write { conn in
            let (company, first, second) = try Self.setUp(conn)
            _ = try Self.port(conn, company: company, interface: second)
            return (first, second)
        }
        let db = try await temp.openEngine()
        let used = try await db.read { try Self.inUse($0, [first, second]) }
        #expect(used == [second])
    }
}
