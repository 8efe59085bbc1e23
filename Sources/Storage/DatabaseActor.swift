/// An actor that owns one `SQLiteConnection` and runs on its own serial dispatch queue.
/// Closures passed in run synchronously on that queue, so a closure is never interleaved with another
/// (no actor re-entrancy inside a transaction) and never blocks the cooperative pool.
public actor DatabaseActor {
    private let executor: QueueExecutor
    private let connection: SQLiteConnection
    /// How long each transaction took from BEGIN to COMMIT (or ROLLBACK), for `/metrics`.
    public private(set) var transactionDurations = Histogram()

    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    /// Opens the connection.
    public init(path: String, readOnly: Bool, label: String, busyTimeoutMilliseconds: Int32 = 5000) throws(SQLiteError) {
        executor = QueueExecutor(label: label)
        connection = try SQLiteConnection(path: path, readOnly: readOnly, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
    }

    /// Runs `body` with the connection, outside any explicit transaction.
    public func access<T: Sendable>(_ body: @Sendable (SQLiteConnection) throws -> T) throws -> T {
        try body(connection)
    }

    /// Runs `body` in one `BEGIN IMMEDIATE … COMMIT` transaction.
    public func transaction<T: Sendable>(_ body: @Sendable (SQLiteConnection) throws -> T) throws -> T {
        let start = ContinuousClock.now
        defer { transactionDurations.observe(Double((ContinuousClock.now - start) / .microseconds(1)) / 1_000_000) }
        return try connection.transaction { try body(connection) }
    }
}
