import SQLiteStorage
import Storage
import TestSupport
import Testing

/// Concurrent writes share one transaction, each in its own savepoint.
@Suite struct GroupCommitTests {
    struct Refused: Error {}

    @Test func concurrentWritesShareCommitsAndFailAlone() async throws {
        let temp = try TempDatabase()
        defer { temp.remove() }
        let db = try await temp.open()
        let results = await withTaskGroup(of: Bool.self) { group in
            for n in 0..<200 {
                group.addTask {
                    do {
                        try await db.write { conn in
                            try conn.execute("INSERT INTO companies (uid, trading_name, account_type, create_date) VALUES (?, ?, 'DIRECT', 1)", "u\(n)", "C\(n)")
                            if n % 10 == 0 { throw Refused() }  // after its insert: only this write is rolled back
                            if n % 10 == 5 {  // a constraint failure inside the batch
                                try conn.execute("INSERT INTO companies (uid, trading_name, account_type, create_date) VALUES ('u0x', 'X', 'NOPE', 1)")
                            }
                        }
                        return true
                    } catch {
                        return false
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.filter { $0 }.count == 160)
        let stored = try await db.read { try $0.query("SELECT trading_name FROM companies") { $0.string(0) } }
        #expect(stored.count == 160, "each failed write rolled back alone")
        #expect(!stored.contains("C10") && !stored.contains("C15") && stored.contains("C11"))
        let commits = await db.writer.transactionDurations.count
        #expect(commits < 200, "writes were batched: \(commits) transactions for 200 writes")
    }

    @Test func aWriteThatLosesTheWholeTransactionFailsItsBatchAndTheRestRetry() async throws {
        let temp = try TempDatabase()
        defer { temp.remove() }
        let db = try await temp.open()
        let pages = try await db.writer.access { try $0.queryFirst("PRAGMA page_count") { $0.int(0) } ?? 0 }
        try await db.writer.access { try $0.exec("PRAGMA max_page_count = \(pages + 2)") }
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for n in 0..<50 {
                group.addTask {
                    (try? await db.write { conn in
                        try conn.execute("INSERT INTO audit_events (create_date, entity, action, detail) VALUES (1, 'x', ?, ?)", "a\(n)",
                                         "{\"pad\": \"" + String(repeating: "p", count: 3000) + "\"}")
                    }) != nil
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        let stored = try await db.read { try $0.queryFirst("SELECT count(*) FROM audit_events") { $0.int(0) } ?? -1 }
        #expect(stored == outcomes.filter { $0 }.count, "exactly the acknowledged writes are stored")
        #expect(outcomes.contains(false), "the full file refused some")
        #expect(try await db.read { try $0.queryFirst("PRAGMA integrity_check") { $0.string(0) } } == "ok")
    }
}
