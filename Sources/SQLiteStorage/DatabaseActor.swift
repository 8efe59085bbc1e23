import Storage

/// An actor that owns one `SQLiteConnection` and runs on its own serial dispatch queue.
/// Closures passed in run synchronously on that queue, so a closure is never interleaved with another
/// (no actor re-entrancy inside a transaction) and never blocks the cooperative pool.
///
/// Writes are group-committed: every write submitted while a commit is in progress joins the next
/// `BEGIN IMMEDIATE … COMMIT`, each in its own savepoint (a failing body rolls back only itself), and
/// no caller hears back before that commit — one fsync acknowledges many writes durably.
public actor DatabaseActor {
    private let executor: QueueExecutor
    private let connection: SQLiteConnection
    /// How long each transaction took from BEGIN to COMMIT (or ROLLBACK), for `/metrics`.
    public private(set) var transactionDurations = Histogram()
    /// Writes waiting for the next group commit.
    private nonisolated let pending = WriteQueue<SQLiteConnection>()
    /// Told after each group commit that committed (the checkpointer's cue).
    private let afterCommit: (@Sendable () -> Void)?

    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    /// Opens the connection; `afterCommit` runs on its queue after each group commit that committed.
    public init(path: String, readOnly: Bool, label: String, busyTimeoutMilliseconds: Int32 = 5000,
                afterCommit: (@Sendable () -> Void)? = nil) throws(SQLiteError) {
        executor = QueueExecutor(label: label)
        self.afterCommit = afterCommit
        connection = try SQLiteConnection(path: path, readOnly: readOnly, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
    }

    /// Runs `body` with the connection, outside any explicit transaction.
    public func access<T: Sendable>(_ body: @Sendable (SQLiteConnection) throws -> T) throws -> T {
        try body(connection)
    }

    /// Runs `body` in the next group commit; returns (or throws) once that transaction has committed.
    public nonisolated func write<T: Sendable>(_ body: @escaping @Sendable (SQLiteConnection) throws -> T) async throws -> T {
        try await pending.submit(body) { Task { await self.commitPending() } }
    }

    /// Puts writes that never ran back at the front of the queue and schedules their commit.
    private func requeue(_ jobs: [WriteJob<SQLiteConnection>]) {
        guard !jobs.isEmpty else { return }
        pending.putBack(jobs)
        Task { self.commitPending() }
    }

    /// Commits everything submitted so far as one transaction.
    private func commitPending() {
        let jobs = pending.take()
        guard !jobs.isEmpty else { return }
        let start = ContinuousClock.now
        defer { transactionDurations.observe(Double((ContinuousClock.now - start) / .microseconds(1)) / 1_000_000) }
        do {
            try connection.exec("BEGIN IMMEDIATE")
        } catch {
            for job in jobs { job.fail(error) }
            return
        }
        var finishes: [@Sendable ((any Error)?) -> Void] = []
        finishes.reserveCapacity(jobs.count)
        for (index, job) in jobs.enumerated() {
            do {
                _ = try connection.execute("SAVEPOINT write")  // per job: prepared once, from the statement cache
                let (failure, finish) = job.execute(connection)
                if let failure, !connection.isInTransaction {
                    // Some errors (SQLITE_FULL, SQLITE_IOERR…) make SQLite roll back the whole transaction:
                    // the batch's earlier writes are gone, so they fail too; the rest go to the next batch.
                    finish(nil)
                    for earlier in finishes { earlier(failure) }
                    requeue(Array(jobs[(index + 1)...]))
                    return
                }
                if failure != nil { _ = try connection.execute("ROLLBACK TO write") }
                _ = try connection.execute("RELEASE write")
                finishes.append(finish)
            } catch {
                job.fail(error)
            }
        }
        var commitError: (any Error)?
        do { try connection.exec("COMMIT") } catch {
            commitError = error
            try? connection.exec("ROLLBACK")
        }
        if commitError == nil { afterCommit?() }
        for finish in finishes { finish(commitError) }
    }
}
