/// The database: one writer connection and one read-only connection, each on its own queue.
/// In WAL mode reads run beside writes and never wait behind them; a read sees every commit that
/// finished before it started, so a response sent after a commit is always visible to the next read.
public struct Database: Sendable {
    /// The connection that writes (every write is one transaction).
    public let writer: DatabaseActor
    /// The connection that reads.
    public let reader: DatabaseActor
    /// The file's path.
    public let path: String

    /// Opens (creating if needed) the database at `path` and migrates it with the SQL files in
    /// `schemaDirectory`. A write that cannot get the lock within `busyTimeoutMilliseconds` fails with
    /// SQLITE_BUSY (the API answers 503 with Retry-After).
    public static func open(path: String, schemaDirectory: String, busyTimeoutMilliseconds: Int32 = 5000) async throws -> Database {
        let writer = try DatabaseActor(path: path, readOnly: false, label: "db.writer", busyTimeoutMilliseconds: busyTimeoutMilliseconds)
        let migrations = try Migrator.loadMigrations(from: schemaDirectory)
        _ = try await writer.access { try Migrator.migrate($0, with: migrations) }
        let reader = try DatabaseActor(path: path, readOnly: true, label: "db.reader", busyTimeoutMilliseconds: busyTimeoutMilliseconds)
        return Database(writer: writer, reader: reader, path: path)
    }

    /// Runs a read on the read connection.
    public func read<T: Sendable>(_ body: @Sendable (SQLiteConnection) throws -> T) async throws -> T {
        try await reader.access(body)
    }

    /// Runs a read-modify-write as one transaction on the writer: the invariant checks and the
    /// changes they guard commit together or not at all.
    public func write<T: Sendable>(_ body: @Sendable (SQLiteConnection) throws -> T) async throws -> T {
        try await writer.transaction(body)
    }
}
