import SQLiteStorage
import Storage
import TestSupport
import Testing

/// The schema's invariants are constraints: these tests break them on purpose and expect SQLite to refuse.
@Suite struct SchemaTests {
    func withDatabase(_ body: @Sendable (SQLiteConnection) throws -> Void) async throws {
        let temp = try TempDatabase()
        defer { temp.remove() }
        let db = try await temp.open()
        try await db.writer.access(body)
    }

    static let company = "INSERT INTO companies (uid, trading_name, account_type, create_date) VALUES ('c1', 'Acme', 'DIRECT', 1)"
    static func port(_ uid: String, interface: Int64?) -> String {
        "INSERT INTO services (uid, product_type, name, company_id, provisioning_status, location_id, speed, interface_id, create_date) "
            + "VALUES ('\(uid)', 'MEGAPORT', 'p', 1, 'CONFIGURED', 1, 1000, \(interface.map(String.init) ?? "NULL"), 1)"
    }

    @Test func connectionSettingsAreDurableAndStrict() async throws {
        try await withDatabase { conn in
            let journal = try conn.queryFirst("PRAGMA journal_mode") { $0.string(0) }
            let synchronous = try conn.queryFirst("PRAGMA synchronous") { $0.int(0) }
            let foreignKeys = try conn.queryFirst("PRAGMA foreign_keys") { $0.int(0) }
            #expect(journal == "wal")
            #expect(synchronous == 2, "FULL: an acknowledged write survives power loss")
            #expect(foreignKeys == 1)
        }
    }

    @Test func anInterfaceServesOnePortAtMost() async throws {
        try await withDatabase { conn in
            try conn.exec(Self.company)
            let interface = try conn.queryFirst("SELECT id FROM interfaces WHERE location_id = 1 AND speed = 1000 LIMIT 1") { $0.int64(0) }
            try conn.exec(Self.port("p1", interface: interface))
            do {
                try conn.exec(Self.port("p2", interface: interface))
                Issue.record("a second port got the same interface")
            } catch let error as SQLiteError {
                #expect(ResultCode.constraintUnique ~= error.code)
                #expect(ResultCode.constraint ~= error.code, "a primary pattern matches its extended codes")
                #expect(!(ResultCode.constraintForeignKey ~= error.code))
            }
        }
    }

    @Test func aVLANIsUniquePerPortAmongActiveAssignmentsOnly() async throws {
        try await withDatabase { conn in
            try conn.exec(Self.company)
            try conn.exec(Self.port("p1", interface: nil))
            try conn.exec("INSERT INTO vlan_assignments (port_id, service_id, end_name, vlan) VALUES (1, 1, 'A', 100)")
            #expect(throws: SQLiteError.self) {
                try conn.exec("INSERT INTO vlan_assignments (port_id, service_id, end_name, vlan) VALUES (1, 1, 'B', 100)")
            }
            try conn.exec("UPDATE vlan_assignments SET active = 0")
            try conn.exec("INSERT INTO vlan_assignments (port_id, service_id, end_name, vlan) VALUES (1, 1, 'B', 100)")
            #expect(throws: SQLiteError.self, "VLAN 1 is never valid") {
                try conn.exec("INSERT INTO vlan_assignments (port_id, service_id, end_name, vlan) VALUES (1, 1, 'IX', 1)")
            }
        }
    }

    @Test func foreignKeysAndEnumsAreEnforced() async throws {
        try await withDatabase { conn in
            do {
                try conn.exec("INSERT INTO users (uid, company_id, email, position, password_hash, create_date) VALUES ('u', 99, 'a@b.c', 'Read Only', 'x', 1)")
                Issue.record("a user without a company was stored")
            } catch let error as SQLiteError {
                #expect(ResultCode.constraintForeignKey ~= error.code)
            }
            #expect(throws: SQLiteError.self, "positions are CHECKed") {
                try conn.exec(Self.company)
                try conn.exec("INSERT INTO users (uid, company_id, email, position, password_hash, create_date) VALUES ('u', 1, 'a@b.c', 'Boss', 'x', 1)")
            }
            #expect(throws: SQLiteError.self, "a managed company needs its partner") {
                try conn.exec("INSERT INTO companies (uid, trading_name, account_type, create_date) VALUES ('m', 'M', 'MANAGED', 1)")
            }
        }
    }

    @Test func seedDataIsTheRealWorldSet() async throws {
        try await withDatabase { conn in
            #expect(try conn.queryFirst("SELECT count(*) FROM locations") { $0.int(0) }! >= 40)
            #expect(try conn.queryFirst("SELECT count(DISTINCT country) FROM locations") { $0.int(0) }! >= 8)
            #expect(try conn.queryFirst("SELECT name, state, country FROM locations WHERE id = 3") { "\($0.string(0))|\($0.string(1))|\($0.string(2))" }
                    == "Global Switch Sydney|NSW|AU")
            let withoutInventory = try conn.queryFirst("""
                SELECT count(*) FROM locations l WHERE (SELECT count(DISTINCT speed) FROM interfaces i WHERE i.location_id = l.id) < 3
                """) { $0.int(0) }
            #expect(withoutInventory == 0, "every location has 1G, 10G and 100G interfaces")
            #expect(try conn.queryFirst("SELECT metro FROM internet_exchanges WHERE name = 'Sydney IX'") { $0.string(0) } == "Sydney")
            let metrosWithoutIX = try conn.queryFirst("""
                SELECT count(DISTINCT metro) FROM locations WHERE metro NOT IN (SELECT metro FROM internet_exchanges)
                """) { $0.int(0) }
            #expect(metrosWithoutIX == 0, "every metro has an internet exchange")
        }
    }
}
