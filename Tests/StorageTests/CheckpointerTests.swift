import Foundation
import SQLiteStorage
import Storage
import TestSupport
import Testing

/// The background checkpointer copies commits from the log into the database file beside the writer,
/// and an explicit checkpoint still empties the log while its passes run.
@Suite(.disabled(if: TempDatabase.onPostgres, "tests SQLite's log")) struct CheckpointerTests {
    /// Rows of ~2 KB, committed in `commits` group commits.
    static func insert(_ db: SQLiteDatabase, commits: Int, rowsEach: Int, from first: Int = 0) async throws {
        for commit in 0..<commits {
            try await db.write { conn in
                for row in 0..<rowsEach {
                    try conn.execute("INSERT INTO audit_events (create_date, entity, action, detail) VALUES (1, 'x', ?, ?)",
                                     "a\(first + commit * rowsEach + row)", "\"" + String(repeating: "d", count: 2000) + "\"")
                }
            }
        }
    }

    static func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? -1
    }

    /// ~1,000 pages of commits stay far below the writer's own checkpoint (10,000 pages), so only a pass
    /// of the checkpointer can have put them into the database file.
    @Test func commitsReachTheDatabaseFileWithoutTheWriterCheckpointing() async throws {
        let temp = try TempDatabase()
        defer { temp.remove() }
        let db = try await temp.open()
        try await db.checkpoint()  // the migrations, out of the log
        let before = Self.size(temp.path)
        try await Self.insert(db, commits: 20, rowsEach: 100)
        var after = Self.size(temp.path)
        let deadline = ContinuousClock.now + .seconds(20)
        while after < before + 20 * 100 * 2000 && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
            after = Self.size(temp.path)
        }
        #expect(after >= before + 20 * 100 * 2000, "the file grew from \(before) to \(after) bytes")
        let log = Self.size(temp.path + "-wal")
        #expect(log > 0 && log < 10_000 * 4096, "the log (\(log) bytes) never reached the writer's own checkpoint")
        let stored = try await db.read { try $0.queryFirst("SELECT count(*) FROM audit_events WHERE entity = 'x'") { $0.int(0) } }
        #expect(stored == 2000)
    }

    /// Every commit starts a pass; the explicit checkpoint right after it waits for that pass instead of
    /// finding SQLite's checkpoint lock taken and giving up.
    @Test func anExplicitCheckpointEmptiesTheLogWhilePassesRun() async throws {
        let temp = try TempDatabase()
        defer { temp.remove() }
        let db = try await temp.open()
        for round in 0..<25 {
            try await Self.insert(db, commits: 1, rowsEach: 200, from: round * 200)
            try await db.checkpoint()
            #expect(Self.size(temp.path + "-wal") == 0, "round \(round): the log was emptied")
        }
        let stored = try await db.read { try $0.queryFirst("SELECT count(*) FROM audit_events WHERE entity = 'x'") { $0.int(0) } }
        #expect(stored == 25 * 200)
    }
}
