import Foundation
import JSON
import TestSupport
import Testing

/// A database written by the previous release upgrades in place: migration 0010 rebuilds `services` (to
/// admit MCR2) with every row, reference and index kept.
@Suite(.enabled(if: !TempDatabase.onPostgres, "upgrades a SQLite file")) struct SchemaUpgradeTests {
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

    @Test func servicesAreRebuiltWithEveryRowAndReference() async throws {
        let scratch = try TempDatabase()
        defer { scratch.remove() }
        let world = try await APIWorld(startProvisioning: false, schemaDirectory: try Self.schema(upTo: 9, in: scratch.directory))
        defer { world.remove() }
        let acme = try #require(world.ports["The MEGAPORT at Global Switch"]), beta = try #require(world.ports["Beta Cloud Sydney (Equinix SY1)"])
        let design = """
            [{"productName":"Old LAG","productType":"MEGAPORT","portSpeed":10000,"locationId":3,"lagPortCount":2,"costCentre":"LAG"},
             {"productUid":"\(acme)","associatedVxcs":[{"productName":"to Beta","rateLimit":100,"aEnd":{"productUid":"\(acme)"},"bEnd":{"productUid":"\(beta)"}}]},
             {"productUid":"\(acme)","associatedIxs":[{"productName":"Peering","networkServiceType":"Sydney IX","asn":64513,"macAddress":"00:11:22:33:44:55","rateLimit":1000}]}]
            """
        #expect(try await V2NetworkDesignTests.post(world, "/v2/networkdesign/buy", design).0 == 200)
        let before = try await world.sql(Self.digest) { $0.string(0) }
        let counts = "SELECT (SELECT count(*) FROM vlan_assignments) || '/' || (SELECT count(*) FROM approvals) || '/' || (SELECT count(*) FROM service_tags)"
        let related = try await world.sql(counts) { $0.string(0) }

        _ = try await APIWorld.reopen(world)  // opens with the whole Schema/: 0010 runs

        #expect(try await world.sql("PRAGMA user_version") { $0.int(0) } == [10])
        #expect(try await world.sql(Self.digest) { $0.string(0) } == before, "every service row as it was")
        #expect(try await world.sql(counts) { $0.string(0) } == related)
        #expect(try await world.sql("PRAGMA foreign_key_check") { $0.string(0) }.isEmpty, "every reference still resolves")
        #expect(try await world.sql("PRAGMA integrity_check") { $0.string(0) } == ["ok"])
        let fresh = try TempDatabase()
        defer { fresh.remove() }
        let freshDb = try await fresh.open()
        let schemaText = "SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_schema ORDER BY type, name"
        let expected = try await freshDb.read { try $0.query(schemaText) { $0.string(0) } }
        #expect(try await world.sql(schemaText) { $0.string(0) } == expected, "the same tables, constraints and indexes as a new database")
    }
}
