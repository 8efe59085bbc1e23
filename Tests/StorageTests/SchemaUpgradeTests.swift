import Foundation
import SQLiteStorage
import Storage
import TestSupport
import Testing

/// A database written by an earlier release upgrades in place: migration 0010 rebuilds `services` (to
/// admit MCR2) with every row, reference and index kept, and the later ones apply on top.
@Suite struct SchemaUpgradeTests {
    /// A copy of `Schema/` without the migrations after `version`.
    static func schema(upTo version: Int, in directory: String) throws -> String {
        let target = directory + "/schema-\(version)"
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: TempDatabase.schemaDirectory)
        where name.hasSuffix(".sql") && Int(name.prefix(4)) ?? .max <= version {
            try FileManager.default.copyItem(atPath: TempDatabase.schemaDirectory + "/" + name, toPath: target + "/" + name)
        }
        return target
    }

    static let digest = """
        SELECT count(*) || ':' || group_concat(id || uid || product_type || provisioning_status || coalesce(a_end_service_id, '-')
            || coalesce(b_end_service_id, '-') || coalesce(interface_id, '-') || coalesce(aggregation_id, '-') || cost_centre, ',')
        FROM (SELECT * FROM services ORDER BY id)
        """

    /// A LAG of two ports, a VXC waiting for the other company's approval with VLANs on both ends, an
    /// IX and a tag, written as the previous release's schema holds them.
    static let oldRows = [
        "INSERT INTO companies (id, uid, trading_name, account_type, billing_market, create_date) VALUES (1, 'c-1', 'Acme', 'DIRECT', 'AU', 0), (2, 'c-2', 'Beta', 'DIRECT', 'AU', 0)",
        "INSERT INTO users (id, uid, company_id, email, position, password_hash, create_date) VALUES (1, 'u-1', 1, 'a@acme.example', 'Company Admin', 'x', 0), (2, 'u-2', 2, 'b@beta.example', 'Company Admin', 'x', 0)",
        """
        INSERT INTO services (id, uid, product_type, name, company_id, provisioning_status, location_id, speed, interface_id, create_date, aggregation_id, cost_centre)
        VALUES (1, 's-1', 'MEGAPORT', 'lag a', 1, 'LIVE', 1, 10000, (SELECT min(id) FROM interfaces WHERE location_id = 1 AND speed = 10000), 0, 1, 'LAG'),
               (2, 's-2', 'MEGAPORT', 'lag b', 1, 'LIVE', 1, 10000, (SELECT max(id) FROM interfaces WHERE location_id = 1 AND speed = 10000), 0, 1, 'LAG'),
               (3, 's-3', 'MEGAPORT', 'beta', 2, 'LIVE', 2, 1000, (SELECT min(id) FROM interfaces WHERE location_id = 2 AND speed = 1000), 0, NULL, '')
        """,
        """
        INSERT INTO services (id, uid, product_type, name, company_id, provisioning_status, a_end_service_id, b_end_service_id, rate_limit, vxc_approval_status, create_date)
        VALUES (4, 's-4', 'VXC', 'to beta', 1, 'PROVISIONING', 1, 3, 100, 'PENDING_EXTERNAL', 0)
        """,
        "INSERT INTO services (id, uid, product_type, name, company_id, provisioning_status, a_end_service_id, rate_limit, ix_id, asn, mac_address, create_date) VALUES (5, 's-5', 'IX', 'peering', 1, 'LIVE', 1, 1000, 1, 64513, '00:11:22:33:44:55', 0)",
        "INSERT INTO vxc_orders (service_id, create_date) VALUES (4, 0)",
        "INSERT INTO vlan_assignments (port_id, service_id, end_name, vlan) VALUES (1, 4, 'A', 100), (3, 4, 'B', 200), (1, 5, 'IX', 300)",
        "INSERT INTO approvals (uid, type, status, service_id, requester_company_id, approver_company_id, speed, create_date, expiry_date) VALUES ('a-1', 'NEW', 'PENDING', 4, 1, 2, 100, 0, 1)",
        "INSERT INTO service_tags (service_id, key, value) VALUES (1, 'env', 'prod')",
    ]

    @Test func servicesAreRebuiltWithEveryRowAndReference() async throws {
        let temp = try TempDatabase()
        defer { temp.remove() }
        let old = try await SQLiteDatabase.open(path: temp.path, schemaDirectory: try Self.schema(upTo: 9, in: temp.directory))
        try await old.write { conn in for statement in Self.oldRows { try conn.execute(statement) } }
        let before = try await old.read { try $0.query(Self.digest) { $0.string(0) } }
        let counts = "SELECT (SELECT count(*) FROM vlan_assignments) || '/' || (SELECT count(*) FROM approvals) || '/' || (SELECT count(*) FROM service_tags)"
        let related = try await old.read { try $0.query(counts) { $0.string(0) } }
        #expect(related == ["3/1/1"])

        let upgraded = try await temp.open()  // the whole Schema/: 0010 rebuilds services
        let newest = try Migration.load(from: TempDatabase.schemaDirectory).last?.version ?? 0
        #expect(try await upgraded.read { try $0.query("PRAGMA user_version") { $0.int(0) } } == [newest])
        #expect(try await upgraded.read { try $0.query(Self.digest) { $0.string(0) } } == before, "every service row as it was")
        #expect(try await upgraded.read { try $0.query(counts) { $0.string(0) } } == related)
        #expect(try await upgraded.read { try $0.query("PRAGMA foreign_key_check") { $0.string(0) } }.isEmpty, "every reference still resolves")
        #expect(try await upgraded.read { try $0.query("PRAGMA integrity_check") { $0.string(0) } } == ["ok"])
        let fresh = try TempDatabase()
        defer { fresh.remove() }
        let freshDb = try await fresh.open()
        let schemaText = "SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_schema ORDER BY type, name"
        let expected = try await freshDb.read { try $0.query(schemaText) { $0.string(0) } }
        #expect(try await upgraded.read { try $0.query(schemaText) { $0.string(0) } } == expected, "the same tables, constraints and indexes as a new database")
    }
}
