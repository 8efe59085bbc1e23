import Foundation
import SQLiteStorage
import Storage
import TestSupport
import Testing

@Suite struct MigratorTests {
    @Test func migratesAFreshFileToTheNewestVersionOnce() async throws {
        let temp = try TempDatabase()
        defer { temp.remove() }
        let db = try await temp.open()
        let newest = try Migration.load(from: TempDatabase.schemaDirectory).last?.version ?? 0
        #expect(newest >= 2)
        let version = try await db.read { try $0.queryFirst("PRAGMA user_version") { $0.int(0) } }
        #expect(version == newest)
        // Opening again applies nothing and keeps the data.
        let applied = try await db.writer.access { conn in
            try Migrator.migrate(conn, with: try Migration.load(from: TempDatabase.schemaDirectory))
        }
        #expect(applied.isEmpty)
    }

    @Test func refusesADatabaseNewerThanTheCode() async throws {
        let temp = try TempDatabase()
        defer { temp.remove() }
        let db = try await temp.open()
        try await db.writer.access { try $0.exec("PRAGMA user_version = 999") }
        await #expect(throws: MigrationError.self) { _ = try await temp.open() }
    }

    @Test func aFailingMigrationLeavesNothingBehind() async throws {
        let temp = try TempDatabase()
        defer { temp.remove() }
        let schema = temp.directory + "/schema"
        try FileManager.default.createDirectory(atPath: schema, withIntermediateDirectories: true)
        try "CREATE TABLE a (x INTEGER) STRICT;".write(toFile: schema + "/0001_a.sql", atomically: true, encoding: .utf8)
        try "CREATE TABLE b (y INTEGER) STRICT; INSERT INTO nowhere VALUES (1);"
            .write(toFile: schema + "/0002_b.sql", atomically: true, encoding: .utf8)
        await #expect(throws: SQLiteError.self) { _ = try await SQLiteDatabase.open(path: temp.path, schemaDirectory: schema) }
        let conn = try SQLiteConnection(path: temp.path)
        #expect(try conn.queryFirst("PRAGMA user_version") { $0.int(0) } == 1, "0001 applied, 0002 rolled back whole")
        #expect(try conn.queryFirst("SELECT count(*) FROM sqlite_master WHERE name = 'b'") { $0.int(0) } == 0)
    }

    /// A migration marked as rebuilding tables runs with foreign keys off, commits only when every
    /// reference still resolves, and leaves foreign keys enforced afterwards either way.
    @Test func aTableRebuildMustKeepEveryReference() async throws {
        let temp = try TempDatabase()
        defer { temp.remove() }
        let schema = temp.directory + "/schema"
        try FileManager.default.createDirectory(atPath: schema, withIntermediateDirectories: true)
        try """
            CREATE TABLE parent (id INTEGER PRIMARY KEY, kind TEXT CHECK (kind = 'A')) STRICT;
            CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent(id)) STRICT;
            INSERT INTO parent VALUES (1, 'A'); INSERT INTO child VALUES (1, 1);
            """.write(toFile: schema + "/0001_a.sql", atomically: true, encoding: .utf8)
        let rebuild = { (keep: String) in """
            -- rebuilds tables: parent admits kind B
            CREATE TABLE parent_new (id INTEGER PRIMARY KEY, kind TEXT CHECK (kind = 'A' OR kind = 'B')) STRICT;
            INSERT INTO parent_new SELECT * FROM parent WHERE \(keep);
            DROP TABLE parent;
            ALTER TABLE parent_new RENAME TO parent;
            """ }
        try rebuild("id <> 1").write(toFile: schema + "/0002_b.sql", atomically: true, encoding: .utf8)
        await #expect(throws: MigrationError.self) { _ = try await SQLiteDatabase.open(path: temp.path, schemaDirectory: schema) }
        let conn = try SQLiteConnection(path: temp.path)
        #expect(try conn.queryFirst("PRAGMA user_version") { $0.int(0) } == 1, "the rebuild that lost a parent was rolled back")
        #expect(try conn.queryFirst("SELECT count(*) FROM parent") { $0.int(0) } == 1)

        try rebuild("1").write(toFile: schema + "/0002_b.sql", atomically: true, encoding: .utf8)
        let db = try await SQLiteDatabase.open(path: temp.path, schemaDirectory: schema)
        try await db.writer.access { conn in
            #expect(try conn.queryFirst("PRAGMA user_version") { $0.int(0) } == 2)
            try conn.exec("INSERT INTO parent VALUES (2, 'B')")
            #expect(throws: SQLiteError.self, "foreign keys are enforced again") { try conn.exec("INSERT INTO child VALUES (2, 99)") }
            #expect(try conn.queryFirst("SELECT parent_id FROM child") { $0.int(0) } == 1, "the child still points at its parent")
        }
    }

    @Test func rejectsBadlyNamedFiles() throws {
        let dir = NSTemporaryDirectory() + "megaport-badschema-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "SELECT 1;".write(toFile: dir + "/initial.sql", atomically: true, encoding: .utf8)
        #expect(throws: MigrationError.self) { _ = try Migration.load(from: dir) }
    }
}
