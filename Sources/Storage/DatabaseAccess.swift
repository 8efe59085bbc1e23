/// Runs reads. A read sees every commit that finished before it started.
public protocol DatabaseReader: Sendable {
    /// Runs `body` with a read connection, off the cooperative pool.
    func read<T: Sendable>(_ body: @Sendable (any DatabaseConnection) throws -> T) async throws -> T
}

/// Runs units of work. A unit of work is a closure over a connection that reads, decides and writes,
/// and holds no state outside itself: the engine runs it in a transaction, may run it again when the
/// transaction conflicts with another one, and returns only once its changes are durable.
public protocol DatabaseWriter: DatabaseReader {
    /// Runs `body` as one atomic, durable unit of work.
    func write<T: Sendable>(_ body: @escaping @Sendable (any DatabaseConnection) throws -> T) async throws -> T

    /// How long write transactions took, BEGIN to COMMIT, for `/metrics`.
    func commitDurations() async -> Histogram

    /// Whether the database answers a trivial read now.
    func isReachable() async -> Bool
}
