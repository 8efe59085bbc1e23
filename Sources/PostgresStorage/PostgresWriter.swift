import Storage

/// The connection a node writes through, owned by an actor on its own queue. Writes are group-committed
/// as SQLite's are: every unit of work submitted while a batch runs joins the next transaction, each in
/// its own savepoint (a failing one rolls back only itself), and no caller hears back before the COMMIT.
/// Every batch first takes one database-wide advisory lock, so units of work from all nodes run one after
/// another, each seeing every earlier commit (READ COMMITTED, with no writer beside it): the check-then-
/// write sequences the domain relies on (lowest free VLAN, interface allocation, idempotency keys,
/// single-use service keys, the last Company Admin) stay exactly as correct as on SQLite's single writer,
/// with no serialization failures to retry.
actor PostgresWriter {
    private let executor: QueueExecutor
    private let url: String
    private var connection: PostgresConnection?
    private nonisolated let pending = WriteQueue<PostgresConnection>()
    /// How long each batch took from BEGIN to COMMIT, for `/metrics`.
    private(set) var durations = Histogram()
    /// The advisory lock every node's batches take (any constant the product owns).
    static let lockKey: Int64 = 0x6d65_6761_7772_6974  // "megawrit"

    nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    init(url: String) {
        self.url = url
        executor = QueueExecutor(label: "db.postgres.writer")
    }

    /// Runs `body` in the next group commit; returns (or throws) once that transaction has committed.
    nonisolated func write<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) throws -> T) async throws -> T {
        try await pending.submit(body) { Task { await self.commitPending() } }
    }

    private func connected() throws -> PostgresConnection {
        if let current = connection, current.isHealthy { return current }
        connection = nil
        let fresh = try PostgresConnection(url: url)
        connection = fresh
        return fresh
    }

    /// Commits everything submitted so far as one transaction.
    private func commitPending() {
        let jobs = pending.take()
        guard !jobs.isEmpty else { return }
        let start = ContinuousClock.now
        defer { durations.observe(Double((ContinuousClock.now - start) / .microseconds(1)) / 1_000_000) }
        let conn: PostgresConnection
        do {
            conn = try connected()
            try conn.exec("BEGIN")
            try conn.exec("SELECT pg_advisory_xact_lock(\(Self.lockKey))")
        } catch {
            if connection?.isHealthy == false { connection = nil }
            for job in jobs { job.fail(error) }
            return
        }
        var finishes: [@Sendable ((any Error)?) -> Void] = []
        finishes.reserveCapacity(jobs.count)
        for job in jobs {
            do {
                try conn.exec("SAVEPOINT write")
                let (failure, finish) = job.execute(conn)
                if failure != nil { try conn.exec("ROLLBACK TO SAVEPOINT write") }
                try conn.exec("RELEASE SAVEPOINT write")
                finishes.append(finish)
            } catch {
                job.fail(error)  // the connection broke: the batch cannot commit, COMMIT below reports it to the rest
            }
        }
        var commitError: (any Error)?
        do { try conn.exec("COMMIT") } catch {
            commitError = error
            if conn.isHealthy { try? conn.exec("ROLLBACK") }
        }
        if !conn.isHealthy { connection = nil }
        for finish in finishes { finish(commitError) }
    }
}
