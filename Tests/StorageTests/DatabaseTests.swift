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

    @Test func textIsBoundWholeAndAnew() async throws {
        let temp = try TempDatabase()
        defer { temp.remove() }
        let db = try await temp.open()
        let sql = "SELECT typeof(?1) AS type, length(CAST(?1 AS BLOB)) AS bytes, ?1 = '' AS empty, ?1 AS text"
        let rows = try await db.read { conn in
            try ["a much longer text than the next one, bound first", "", "a\u{0}b", "é", "x"].map { value in
                try conn.queryFirst(sql, value) { ($0.string("type"), $0.int("bytes"), $0.bool("empty"), $0.string("text")) }
            }
        }
        #expect(rows.map { $0?.0 } == ["text", "text", "text", "text", "text"], "an empty string is text, not NULL")
        #expect(rows.map { $0?.1 } == [49, 0, 3, 2, 1], "every byte, a NUL included")
        #expect(rows.map { $0?.2 } == [false, true, false, false, false])
        #expect(rows.last??.3 == "x", "a shorter text bound over a longer one leaves nothing of it")
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
