import SQLiteStorage
import Storage
import TestSupport
import Testing

@Suite struct DatabaseTests {
    @Test func aFailedTransactionWritesNothing() async throws {
        let temp = try TempDatabase()
        defer { temp.remove() }
        let db = try await temp.open()
        struct Boom: Error {}
        await #expect(throws: Boom.self) {
            try await db.write { conn in
                try conn.execute("INSERT INTO companies (uid, trading_name, account_type, create_date) VALUES (?, ?, 'DIRECT', 1)", "x", "X")
                throw Boom()
            }
        }
        #expect(try await db.read { try $0.queryFirst("SELECT count(*) FROM companies") { $0.int(0) } } == 0)
    }

    @Test func theReaderSeesEveryCommittedWrite() async throws {
        let temp = try TempDatabase()
        defer { temp.remove() }
        let db = try await temp.open()
        for n in 1...20 {
            _ = try await db.write { conn in
                try conn.execute("INSERT INTO companies (uid, trading_name, account_type, create_date) VALUES (?, ?, 'DIRECT', 1)", "u\(n)", "C\(n)")
            }
            #expect(try await db.read { try $0.queryFirst("SELECT count(*) FROM companies") { $0.int(0) } } == n)
        }
    }

    @Test func insertsAnswerTheIdOfTheRowTheyWrote() async throws {
        let temp = try TempDatabase()
        defer { temp.remove() }
        let db = try await temp.open()
        let insert = "INSERT INTO companies (uid, trading_name, account_type, create_date) VALUES (?, ?, 'DIRECT', 1) RETURNING id"
        let upsert = "INSERT INTO companies (uid, trading_name, account_type, create_date) VALUES (?, ?, 'DIRECT', 1) "
            + "ON CONFLICT (uid) DO UPDATE SET trading_name = excluded.trading_name RETURNING id"
        let ids = try await db.write { conn in
            (try conn.insertReturningId(insert, "u1", "One"), try conn.insertReturningId(insert, "u2", "Two"),
             try conn.insertReturningId(upsert, "u3", "Three"), try conn.insertReturningId(upsert, "u1", "One again"))
        }
        let stored = try await db.read { conn in
            try conn.query("SELECT id, uid FROM companies ORDER BY id") { ($0.int64("id"), $0.string("uid")) }
        }
        #expect(stored.map(\.1) == ["u1", "u2", "u3"])
        #expect([ids.0, ids.1, ids.2] == stored.map(\.0), "each insert answers its own row's id")
        #expect(ids.3 == ids.0, "an upsert that updates answers the updated row's id, not the last one inserted")
        await #expect(throws: StorageError.self, "an insert that writes no row has no id") {
            try await db.write { try $0.insertReturningId("INSERT OR IGNORE INTO companies (uid, trading_name, account_type, create_date) VALUES ('u2', 'Dup', 'DIRECT', 1) RETURNING id") }
        }
    }

    @Test func boundParametersNeverBecomeSQL() async throws {
        let temp = try TempDatabase()
        defer { temp.remove() }
        let db = try await temp.open()
        let hostile = "Robert'); DROP TABLE companies;--"
        _ = try await db.write { conn in
            try conn.execute("INSERT INTO companies (uid, trading_name, account_type, create_date) VALUES (?, ?, 'DIRECT', 1)", "u", hostile)
        }
        #expect(try await db.read { try $0.queryFirst("SELECT trading_name FROM companies") { $0.string(0) } } == hostile)
    }

    @Test func errorsNameTheStatementButNotTheArguments() async throws {
        let temp = try TempDatabase()
        defer { temp.remove() }
        let db = try await temp.open()
        do {
            _ = try await db.write { conn in
                try conn.execute("INSERT INTO users (uid, company_id, email, position, password_hash, create_date) VALUES (?, 1, ?, 'Read Only', ?, 1)",
                                 "u", "a@b.c", "secret-hash-value")
            }
        } catch let error as StorageError {
            #expect(error.description.contains("INSERT INTO users"))
            #expect(!error.description.contains("secret-hash-value"))
        }
    }
}
