import Glibc
import Synchronization

/// Copies committed pages from the write-ahead log into the database file on a connection and queue of
/// its own. SQLite's own checkpoint runs inside the commit that fills the log past its limit: thousands
/// of page writes and a sync of the database file that the whole group commit, and every request in it,
/// waits for. A pass here runs beside the writer's commits instead — one when the first commit arrives,
/// then one per `interval` while commits keep coming — so the writer's own checkpoint, kept as the bound
/// on the log's size, finds little left to copy or to sync, and a log copied to its end starts over at
/// the writer's next commit.
///
/// A pass copies only frames that every reader can do without and syncs the log before it copies
/// (its connection is `synchronous = FULL`), like SQLite's own. SQLite syncs the database file only when
/// a checkpoint reaches the end of the log, which a pass under steady writes seldom does, so a pass that
/// copied anything syncs the file itself: the writer's checkpoint then has little left to flush. The log
/// starts over only after a checkpoint that reached its end and synced the file, so a crash between a
/// pass and that sync loses nothing: the frames are still in the log.
final class Checkpointer: Sendable {
    /// Time between passes while commits keep coming.
    static let interval = Duration.milliseconds(50)

    private static let idle = 0, running = 1, runningWithCommitsSince = 2

    private let connection: DatabaseActor
    /// The database file, opened read-only to sync what a pass wrote through SQLite's descriptor.
    private let file: Int32
    /// `idle`, or a pass loop is `running` (with commits since its pass began: `runningWithCommitsSince`).
    private let state = Atomic<Int>(Checkpointer.idle)
    /// The log frames copied as of the last pass. Held by a pass, and by an explicit checkpoint on another
    /// connection, which would otherwise find SQLite's checkpoint lock taken by a pass and give up.
    private let passes = Mutex(0)

    /// Opens the checkpointing connection to the database at `path` (creating it in WAL mode if new).
    init(path: String) throws(SQLiteError) {
        connection = try DatabaseActor(path: path, readOnly: false, label: "db.checkpointer")
        file = open(path, O_RDONLY | O_CLOEXEC)
        guard file >= 0 else { throw SQLiteError(code: .cantopen, message: "cannot open \(path) to sync it: errno \(errno)") }
    }

    deinit { close(file) }

    /// A group commit committed: a pass starts now, or runs once more after the one under way.
    func committed() {
        guard state.exchange(Self.runningWithCommitsSince, ordering: .acquiringAndReleasing) == Self.idle else { return }
        Task { await passWhileCommitting() }
    }

    /// Passes until one finds no commit since it began. A failed pass (the writer's own checkpoint was
    /// under way, or the disk failed) is left to the next pass or to the writer's own checkpoint, which
    /// reports its failures with its commit.
    private func passWhileCommitting() async {
        repeat {
            state.store(Self.running, ordering: .sequentiallyConsistent)
            try? await connection.access { connection in try pass(connection) }
            try? await Task.sleep(for: Self.interval)
        } while !state.compareExchange(expected: Self.running, desired: Self.idle, ordering: .acquiringAndReleasing).exchanged
    }

    /// Copies what it can and, if that was anything, syncs the database file.
    private func pass(_ connection: SQLiteConnection) throws(SQLiteError) {
        try passes.withLock { (copied: inout Int) throws(SQLiteError) in
            let now = try connection.checkpoint(.passive)
            if now != copied && fdatasync(file) != 0 {
                throw SQLiteError(code: .ioerr, message: "cannot sync the database file: errno \(errno)")
            }
            copied = now
        }
    }

    /// Runs `body` while no pass is under way.
    func exclusive(_ body: () throws -> Void) rethrows {
        try passes.withLock { _ in try body() }
    }
}
