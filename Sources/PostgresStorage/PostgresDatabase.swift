import Storage

/// The PostgreSQL engine, for several `serve` nodes on one database: reads on a pool of libpq connections
/// (one snapshot per statement, as SQLite's read connections), writes group-committed through one
/// connection per node under a database-wide advisory lock (`PostgresWriter`), each connection on its own
/// queue. A unit of work returns only after its COMMIT (synchronous commit: durable).
public struct PostgresDatabase: DatabaseWriter {
    let pool: SlotPool
    let writer: PostgresWriter

    /// Connects (lazily) to `url` and migrates with the files in `schemaDirectory` under an advisory lock,
    /// so several nodes starting together migrate once. `connections` is the size of the read pool.
    public static func open(url: String, schemaDirectory: String, connections: Int = 8) async throws -> PostgresDatabase {
        let database = PostgresDatabase(pool: SlotPool(url: url, size: max(1, connections)), writer: PostgresWriter(url: url))
        let migrations = try Migration.load(from: schemaDirectory)
        _ = try await database.pool.with { slot in try await slot.access { try PostgresMigrator.migrate($0, with: migrations) } }
        return database
    }

    public func read<T: Sendable>(_ body: @Sendable (any DatabaseConnection) throws -> T) async throws -> T {
        try await pool.with { slot in try await slot.access { try body($0) } }
    }

    /// How many times a unit of work runs when PostgreSQL reports a serialization failure or deadlock
    /// (possible only against transactions from outside the server, which take no turn).
    public static let attempts = 5

    public func write<T: Sendable>(_ body: @escaping @Sendable (any DatabaseConnection) throws -> T) async throws -> T {
        for attempt in 1... {
            do {
                return try await writer.write { try body($0) }
            } catch let error as StorageError where error.kind == .serialization && attempt < Self.attempts {
                try await Task.sleep(for: .milliseconds(Int.random(in: 1...(5 << attempt))))
            }
        }
        preconditionFailure("the loop returns or throws")
    }

    public func commitDurations() async -> Histogram { await writer.durations }

    public func isReachable() async -> Bool {
        (try? await read { try $0.queryFirst("SELECT 1 AS one") { $0.int("one") } }) == 1
    }
}
