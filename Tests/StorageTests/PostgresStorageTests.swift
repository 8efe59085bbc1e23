import Foundation
import PostgresStorage
import Storage
import TestSupport
import Testing

/// The PostgreSQL engine itself, on the server `make test` starts: placeholders, values both ways, errors
/// in the engine-neutral words, units of work that conflict and run again, a lost connection that comes
/// back, and nodes that start together migrating once.
@Suite(.enabled(if: TempDatabase.onPostgres, "needs the PostgreSQL server make test starts")) struct PostgresStorageTests {
    static func database() async throws -> any DatabaseWriter { try await TempDatabase().openEngine() }

    @Test func placeholdersAndValuesRoundTrip() async throws {
        let db = try await Self.database()
        let row = try await db.read { conn in
            try conn.queryFirst("SELECT ?2::bigint AS b, ?1::text AS a, ?::text IS NULL AS n, '?' AS q, ?::bytea AS bytes, ?::float8 AS x",
                                "one", Int64.max, nil as String?, DatabaseValue.blob([0, 1, 255]), 2.5) { r in
                (r.string("a"), r.int64("b"), r.bool("n"), r.string("q"), r.blob("bytes"), r.double("x"))
            }
        }
        #expect(row?.0 == "one" && row?.1 == Int64.max && row?.2 == true && row?.3 == "?", "numbered, quoted and bare placeholders")
        #expect(row?.4 == [0, 1, 255] && row?.5 == 2.5, "bytes go binary; doubles as text")
        await #expect(throws: StorageError.self, "PostgreSQL stores no NUL in text; it is refused, not cut short") {
            try await db.read { try $0.queryFirst("SELECT ?::text AS t", "a\u{0}b") { $0.string("t") } }
        }
    }

    /// Other nodes write the same database, so a PostgreSQL connection keeps no answer: every call reads.
    @Test func rememberedReadsAlwaysRead() async throws {
        let db = try await Self.database()
        let reads = try await db.write { conn in
            var reads = 0
            for _ in 0..<3 {
                _ = try conn.remembered("company 1", tables: ["companies"]) {
                    reads += 1
                    return try conn.queryFirst("SELECT count(*) AS n FROM companies") { $0.int("n") }
                }
            }
            return reads
        }
        #expect(reads == 3)
    }

    @Test func constraintsAndConflictsInEngineNeutralWords() async throws {
        let db = try await Self.database()
        let market = try await db.read { try $0.queryFirst("SELECT code FROM markets ORDER BY code LIMIT 1") { $0.string("code") } }
        do {
            _ = try await db.write { try $0.execute("INSERT INTO markets (code, name, currency, dial_code, national_digits) VALUES (?, 'x', 'X', '1', 5)", market) }
            Issue.record("a duplicate key was accepted")
        } catch let error as StorageError {
            #expect(error.kind == .constraint("markets_pkey"), "the constraint's name, as SQLite names its index: \(error)")
        }
        // Twenty units of work read a counter and write it back at once: the writers take turns, none is lost.
        _ = try await db.write { try $0.execute("CREATE TABLE counter (n BIGINT NOT NULL)") }
        _ = try await db.write { try $0.execute("INSERT INTO counter VALUES (0)") }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    try await db.write { conn in
                        let n = try conn.queryFirst("SELECT n FROM counter") { $0.int64("n") } ?? 0
                        try conn.execute("UPDATE counter SET n = ?", n + 1)
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try await db.read { try $0.queryFirst("SELECT n FROM counter") { $0.int64("n") } } == 20, "no lost update")
    }

    @Test func aLostConnectionIsUnavailableThenComesBack() async throws {
        let temp = try TempDatabase()
        let db = try await temp.openEngine()
        let server = try #require(TempDatabase.postgresServer), schema = try #require(temp.postgresSchema)
        _ = try await db.read { try $0.queryFirst("SELECT 1 AS one") { $0.int("one") } }
        // Every connection of this pool is ended from outside, as a database restart ends them.
        let killer = try PostgresConnection(url: server)
        let ended = try killer.query("SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity WHERE application_name = ?", schema) { $0.bool("done") }
        #expect(!ended.isEmpty)
        do {
            _ = try await db.read { try $0.queryFirst("SELECT 1 AS one") { $0.int("one") } }
            Issue.record("a read on a connection the server ended succeeded")
        } catch let error as StorageError {
            #expect(error.kind == .unavailable, "reported as unavailable (503 with Retry-After), not as a bug: \(error)")
        }
        #expect(try await db.read { try $0.queryFirst("SELECT 1 AS one") { $0.int("one") } } == 1, "the next use connects again")
        #expect(await db.isReachable())
    }

    @Test func aServerThatIsNotThereIsUnavailable() throws {
        let closed = try #require(TempDatabase.postgresServer).replacingOccurrences(of: #":\d+/"#, with: ":9/", options: .regularExpression)
        do {
            _ = try PostgresConnection(url: closed)
            Issue.record("connected to a closed port")
        } catch {
            #expect(error.kind == .unavailable, "refused, and the failed connection is freed once (a double free would end the run): \(error)")
        }
    }

    @Test func nodesStartingTogetherMigrateOnce() async throws {
        let temp = try TempDatabase()
        let url = try temp.postgresURL(), schema = TempDatabase.schemaDirectory + "/postgres"
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<3 { group.addTask { _ = try await PostgresDatabase.open(url: url, schemaDirectory: schema, connections: 2) } }
            try await group.waitForAll()
        }
        let db = try await temp.openEngine()
        let versions = try await db.read { try $0.query("SELECT version FROM schema_migrations ORDER BY version") { $0.int("version") } }
        let files = try Migration.load(from: TempDatabase.schemaDirectory + "/postgres").map(\.version)
        #expect(versions == files, "each migration once")
        #expect(try await db.read { try $0.queryFirst("SELECT count(*) AS n FROM markets") { $0.int("n") } } == 12, "reference data once")
    }
}
