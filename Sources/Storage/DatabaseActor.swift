/// An actor that owns one `SQLiteConnection` and runs on its own serial dispatch queue.
/// Closures passed in run synchronously on that queue, so a closure is never interleaved with another
/// (no actor re-entrancy inside a transaction) and never blocks the cooperative pool.
public actor DatabaseActor {
    private let executor: QueueExecutor
    private let connection: SQLiteConnection

    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    /// Opens the connection.
    public init(path: String, readOnly: Bool, label: String) throws(SQLiteError) {
        executor = QueueExecutor(label: label)
        connection = try SQLiteConnection(path: path, readOnly: readOnly)
    }

    /// Runs `body` with the connection, outside any explicit transaction.
    public func access<T: Sendable>(_ body: @Sendable (SQLiteConnection) throws -> T) throws -> T {
        try body(connection)
    }

    /// Runs `body` in one `BEGIN IMMEDIATE … COMMIT` transaction.
    public func transaction<T: Sendable>(_ body: @Sendable (SQLiteConnection) throws -> T) throws -> T {
        try connection.transaction { try body(connection) }
    }
}
