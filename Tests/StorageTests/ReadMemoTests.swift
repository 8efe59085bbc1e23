import Foundation
import SQLiteStorage
import Storage
import TestSupport
import Testing

/// The writer keeps answers of `remembered` reads only while they are certain to be current: inside a
/// write transaction, until a table they were read from changes — by this connection (rowid and WITHOUT
/// ROWID tables, savepoints rolled back) or by another one between transactions.
@Suite(.disabled(if: TempDatabase.onPostgres, "tests SQLite's writer")) struct ReadMemoTests {
    /// A writing connection on a fresh file with a rowid table, a WITHOUT ROWID table and one nobody
    /// remembers, and a second connection standing for another process.
    final class Fixture {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("memo-" + UUID().uuidString).path
        let writer: SQLiteConnection
        let other: SQLiteConnection
        /// How many times a read ran.
        var reads = 0

        init() throws {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            writer = try SQLiteConnection(path: directory + "/memo.sqlite")
            try writer.exec("""
                CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
                CREATE TABLE choices (person INTEGER NOT NULL, topic TEXT NOT NULL, PRIMARY KEY (person, topic)) WITHOUT ROWID;
                CREATE TABLE orders (id INTEGER PRIMARY KEY, note TEXT NOT NULL);
                INSERT INTO people (name) VALUES ('a'), ('b');
                """)
            other = try SQLiteConnection(path: directory + "/memo.sqlite")
        }

        deinit { try? FileManager.default.removeItem(atPath: directory) }

        /// How many people and choices there are, remembered under one key.
        func count() throws -> Int {
            try writer.remembered("count", tables: ["people", "choices"]) {
                reads += 1
                return try writer.queryFirst("SELECT (SELECT count(*) FROM people) + (SELECT count(*) FROM choices) AS n") { $0.int(0) } ?? -1
            }
        }
    }

    @Test func answersAreKeptWithinAWriteTransactionOnly() throws {
        let f = try Fixture()
        #expect(try f.count() == 2)
        #expect(try f.count() == 2)
        #expect(f.reads == 2, "outside a transaction every call reads")
        try f.writer.exec("BEGIN IMMEDIATE")
        for _ in 0..<5 { #expect(try f.count() == 2) }
        try f.writer.execute("INSERT INTO orders (note) VALUES ('a table nobody remembers')")
        #expect(try f.count() == 2)
        try f.writer.exec("COMMIT")
        #expect(f.reads == 3)
        let reader = try SQLiteConnection(path: f.directory + "/memo.sqlite", readOnly: true)
        try reader.exec("BEGIN")
        let counts = try (0..<3).map { _ in try reader.remembered("count", tables: ["people"]) { f.reads += 1; return 0 } }
        try reader.exec("COMMIT")
        #expect(counts == [0, 0, 0] && f.reads == 6, "a reading connection keeps nothing")
    }

    @Test(arguments: ["INSERT INTO people (name) VALUES ('c')", "INSERT INTO choices VALUES (1, 'ordering')"])
    func aChangedTableIsReadAfreshUntilTheTransactionEnds(change: String) throws {
        let f = try Fixture()
        try f.writer.exec("BEGIN IMMEDIATE")
        #expect(try f.count() == 2)
        try f.writer.execute(change)
        #expect(try f.count() == 3)
        #expect(try f.count() == 3)
        #expect(f.reads == 3, "after the change every call reads")
        try f.writer.exec("COMMIT")
        try f.writer.exec("BEGIN IMMEDIATE")
        #expect(try f.count() == 3)
        #expect(try f.count() == 3)
        try f.writer.exec("COMMIT")
        #expect(f.reads == 4, "the next transaction keeps its answer again")
    }

    @Test func aSavepointRolledBackAfterAChangeLeavesNoStaleAnswer() throws {
        let f = try Fixture()
        try f.writer.exec("BEGIN IMMEDIATE")
        #expect(try f.count() == 2)
        try f.writer.exec("SAVEPOINT job")
        try f.writer.execute("INSERT INTO people (name) VALUES ('c')")
        #expect(try f.count() == 3)
        try f.writer.exec("ROLLBACK TO job; RELEASE job")
        #expect(try f.count() == 2)
        try f.writer.exec("COMMIT")
    }

    @Test func aRollbackEndsTheTransactionsChanges() throws {
        let f = try Fixture()
        try f.writer.exec("BEGIN IMMEDIATE")
        try f.writer.execute("INSERT INTO people (name) VALUES ('c')")
        #expect(try f.count() == 3)
        try f.writer.exec("ROLLBACK")
        try f.writer.exec("BEGIN IMMEDIATE")
        #expect(try f.count() == 2)
        #expect(try f.count() == 2)
        try f.writer.exec("COMMIT")
        #expect(f.reads == 2, "the rolled-back change no longer stops answers being kept")
    }

    @Test func anotherConnectionsCommitIsSeen() throws {
        let f = try Fixture()
        try f.writer.exec("BEGIN IMMEDIATE")
        #expect(try f.count() == 2)
        try f.writer.exec("COMMIT")
        try f.other.execute("INSERT INTO choices VALUES (2, 'services')")
        try f.writer.exec("BEGIN IMMEDIATE")
        #expect(try f.count() == 3)
        try f.writer.exec("COMMIT")
    }

    /// A read whose answer may be nil (a row not there yet) is still read the first time, and its nil kept.
    @Test func anOptionalAnswerIsReadBeforeItIsKept() throws {
        let f = try Fixture()
        func name(_ id: Int64) throws -> String? {
            try f.writer.remembered("person \(id)", tables: ["people"]) {
                f.reads += 1
                return try f.writer.queryFirst("SELECT name FROM people WHERE id = ?", id) { $0.string("name") }
            }
        }
        try f.writer.exec("BEGIN IMMEDIATE")
        #expect(try name(1) == "a")
        #expect(try name(9) == nil)
        #expect(try name(9) == nil)
        #expect(try name(1) == "a")
        try f.writer.exec("COMMIT")
        #expect(f.reads == 2)
    }
}
