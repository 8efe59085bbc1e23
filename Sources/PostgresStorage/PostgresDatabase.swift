import Storage
import Synchronization

/// The PostgreSQL engine, for several `serve` nodes on one database: a pool of libpq connections, each
/// on its own queue. A unit of work runs as one SERIALIZABLE transaction, so every check-then-write the
/// domain does (lowest free VLAN, interface allocation, idempotency keys, single-use service keys) stays
/// correct with writers on other nodes; when PostgreSQL reports a conflict the unit of work runs again,
/// a bounded number of times, and returns only after its COMMIT (synchronous commit: durable). Reads run
/// outside a transaction, one snapshot per statement, as SQLite's read connections do.
public struct PostgresDatabase: DatabaseWriter {
    let pool: SlotPool
    let durations: Durations
    /// How many times a unit of work runs before a conflict is reported (503 with Retry-After).
    public static let attempts = 10

    final class Durations: Sendable {
        let histogram = Mutex(Histogram())
    }

    /// Connects (lazily) to `url` and migrates with the files in `schemaDirectory` under an advisory lock,
    /// so several nodes starting together migrate once.
    public static func open(url: String, schemaDirectory: String, connections: Int = 8) async throws -> PostgresDatabase {
        let database = PostgresDatabase(pool: SlotPool(url: url, size: max(2, connections)), durations: Durations())
        let migrations = try Migration.load(from: schemaDirectory)
        _ = try await database.pool.with { slot in try await slot.access { try PostgresMigrator.migrate($0, with: migrations) } }
        return database
    }

    public func read<T: Sendable>(_ body: @Sendable (any DatabaseConnection) throws -> T) async throws -> T {
        try await pool.with { slot in try await slot.access { try body($0) } }
    }

    public func write<T: Sendable>(_ body: @escaping @Sendable (any DatabaseConnection) throws -> T) async throws -> T {
        var attempt = 1
        while true {
            do {
                return try await pool.with { slot in
                    try await slot.access { conn in
                        let start = ContinuousClock.now
                        defer { durations.histogram.withLock { $0.observe(Double((ContinuousClock.now - start) / .microseconds(1)) / 1_000_000) } }
                        return try Self.transaction(conn, body)
                    }
                }
            } catch let error as StorageError where error.kind == .serialization && attempt < Self.attempts {
                // Back off a little more each time, with jitter, so conflicting nodes do not collide again in step.
                try await Task.sleep(for: .microseconds(Int.random(in: 0...(500 << min(attempt, 6)))))
                attempt += 1
            }
        }
    }

    static func transaction<T>(_ conn: PostgresConnection, _ body: (any DatabaseConnection) throws -> T) throws -> T {
        try conn.exec("BEGIN ISOLATION LEVEL SERIALIZABLE")
        do {
            let result = try body(conn)
            try conn.exec("COMMIT")
            return result
        } catch {
            if conn.isHealthy { try? conn.exec("ROLLBACK") }
            throw error
        }
    }

    public func commitDurations() async -> Histogram { durations.histogram.withLock { $0 } }

    public func isReachable() async -> Bool {
        (try? await read { try $0.queryFirst("SELECT 1 AS one") { $0.int("one") } }) == 1
    }
}
