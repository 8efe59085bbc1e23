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
