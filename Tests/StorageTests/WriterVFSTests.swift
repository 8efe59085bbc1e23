import Dispatch
import Foundation
import SQLiteStorage
import Storage
import TestSupport
import Testing

/// A writing connection's log writes are gathered into a few large writes per commit and its savepoint
/// journal lives in memory (`WriterVFS`), and nothing about what is stored changes: a reader with the
/// default VFS sees every commit the moment it returns, byte for byte, across a commit larger than the
/// gathering buffer, a log that starts over after a checkpoint, and a reopened file; rolling back to a
/// savepoint restores every byte from the journal, however large it grew; a sort that spills past the
/// cache merges its runs from memory and answers as the reader's, whose runs go to disk.
@Suite struct WriterVFSTests {
    /// Runs `work` on a thread of its own: SQLite blocks, and the write count below is per thread.
    static func onThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue(label: "writer-vfs-test").async { continuation.resume(with: Result { try work() }) }
        }
    }

    /// Write system calls made by the calling thread so far (`syscw` of `/proc/thread-self/io`).
    static func writeCalls() throws -> Int {
        let io = try String(contentsOfFile: "/proc/thread-self/io", encoding: .utf8)
        let line = try #require(io.split(separator: "\n").first { $0.hasPrefix("syscw:") })
        return try #require(Int(line.dropFirst("syscw:".count).trimmingCharacters(in: .whitespaces)))
    }

    /// Every row's bytes of table `t`, in id order.
    static func rows(_ connection: SQLiteConnection) throws -> [[UInt8]] {
        try connection.query("SELECT body FROM t ORDER BY id", arguments: []) { $0.blob("body") }
    }

    /// Commits `count` rows of 1,000 random bytes; answers the log frames it appended and the write calls it made.
    static func commit(_ writer: SQLiteConnection, rows count: Int, log: String) throws -> (frames: Int, writes: Int) {
        let before = (try? FileManager.default.attributesOfItem(atPath: log)[.size] as? Int) ?? 0, calls = try writeCalls()
        try writer.exec("""
            BEGIN;
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(count))
            INSERT INTO t (body) SELECT randomblob(1000) FROM n;
            COMMIT;
            """)
        let after = try #require(FileManager.default.attributesOfItem(atPath: log)[.size] as? Int)
        return ((after - before) / (4096 + 24), try writeCalls() - calls)
    }

    /// On a thread of its own: a writing connection to the file at `path` with table `t` holding `rows`
    /// rows, and a reader with the default VFS; answers what `check` found wrong. Both close on return.
    static func withTable(at path: String, rows: Int = 0,
                          _ check: @escaping @Sendable (_ writer: SQLiteConnection, _ reader: SQLiteConnection) throws -> [String]) async throws -> [String] {
        try await onThread {
            let writer = try SQLiteConnection(path: path)
            try writer.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, body BLOB NOT NULL)")
            if rows > 0 { _ = try commit(writer, rows: rows, log: path + "-wal") }
            return try check(writer, SQLiteConnection(path: path, readOnly: true))
        }
    }

    @Test func commitsReachTheLogInFewWritesAndReadersSeeEveryByte() async throws {
        let temp = try TempDatabase()
        defer { temp.remove() }
        let path = temp.path, log = temp.path + "-wal"
        let findings = try await Self.withTable(at: path) { writer, reader in
            var findings: [String] = []
            for count in [1, 40, 600, 3] {
                let (frames, writes) = try Self.commit(writer, rows: count, log: log)
                if try Self.rows(reader) != Self.rows(writer) { findings.append("after \(count) rows the reader differs") }
                // Unwrapped, each frame is two writes (header, page); gathered, ~30 frames go in one.
                if writes > 2 + frames / 20 { findings.append("\(count) rows: \(frames) frames in \(writes) writes") }
                if count == 600 && frames < 150 { findings.append("600 KB appended only \(frames) frames") }
            }
            try writer.exec("PRAGMA wal_checkpoint(TRUNCATE)")  // the next commit starts the log over at its header
            _ = try Self.commit(writer, rows: 25, log: log)
            let expected = try Self.rows(writer)
            if try Self.rows(reader) != expected { findings.append("after the log started over the reader differs") }
            if expected.count != 669 { findings.append("\(expected.count) rows, not 669") }
            return findings + [String(expected.count)]
        }
        #expect(findings == ["669"])
        // Closed and opened again (the last connection's close checkpoints the log into the file).
        let reopened = try await Self.onThread { try Self.rows(SQLiteConnection(path: path, readOnly: true)).count }
        #expect(reopened == 669)
    }

    @Test func savepointsJournalInMemoryAndRollBackEveryByte() async throws {
        let temp = try TempDatabase()
        defer { temp.remove() }
        let findings = try await Self.withTable(at: temp.path, rows: 2000) { writer, reader in
            var findings: [String] = []
            let committed = try Self.rows(writer)
            let calls = try Self.writeCalls()
            // As a group commit does: a savepoint per request; each rewrites every page of the table once.
            try writer.exec("BEGIN")
            for round in 0..<3 {
                try writer.exec("SAVEPOINT request; UPDATE t SET body = randomblob(1000) WHERE id % 3 = \(round); RELEASE request")
            }
            let changed = try Self.rows(writer)
            try writer.exec("SAVEPOINT failing; UPDATE t SET body = zeroblob(1000); DELETE FROM t WHERE id > 1000")
            if try Self.writeCalls() != calls { findings.append("the savepoints wrote to a file before the commit") }
            try writer.exec("ROLLBACK TO failing; RELEASE failing; COMMIT")
            let after = try Self.rows(writer)
            if after != changed { findings.append("rolling back to the savepoint did not restore the released requests' bytes") }
            if after == committed { findings.append("the released requests' changes were lost") }
            if try Self.rows(reader) != after { findings.append("the reader differs after the commit") }
            return findings
        }
        #expect(findings.isEmpty, "\(findings)")
    }

    @Test func aSortPastTheCacheSpillsIntoMemoryAndMatchesTheReaders() async throws {
        let temp = try TempDatabase()
        defer { temp.remove() }
        let findings = try await Self.withTable(at: temp.path, rows: 3000) { writer, reader in
            var findings: [String] = []
            // ~3 MB to sort with a cache of 20 pages: SQLite's sorter writes runs to temporary files and
            // merges them, reading back at offsets — the writer's in memory, the reader's on disk.
            try writer.exec("PRAGMA cache_size = 20")
            try reader.exec("PRAGMA cache_size = 20")
            let sort = "SELECT body FROM t ORDER BY substr(body, 500, 16), id"
            let calls = try Self.writeCalls()
            let sorted = try writer.query(sort, arguments: []) { $0.blob("body") }
            if try Self.writeCalls() != calls { findings.append("the writer's sort wrote to a file") }
            let readerCalls = try Self.writeCalls()
            if try reader.query(sort, arguments: [], map: { $0.blob("body") }) != sorted { findings.append("the two sorts differ") }
            if try Self.writeCalls() == readerCalls { findings.append("the sort did not spill: the reader wrote no temporary file") }
            if sorted.count != 3000 { findings.append("\(sorted.count) rows sorted") }
            return findings
        }
        #expect(findings.isEmpty, "\(findings)")
    }
}
