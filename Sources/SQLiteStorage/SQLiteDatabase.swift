import Storage
import Synchronization

/// The SQLite engine: one writer connection and a few read-only connections, each on its own queue.
/// In WAL mode reads run beside writes and never wait behind them; a read sees every commit that
/// finished before it started, so a response sent after a commit is always visible to the next read.
/// SQLite's failures leave here as `StorageError`.
public struct SQLiteDatabase: DatabaseWriter {
    /// The connection that writes (writes are group-committed).
    public let writer: DatabaseActor
    /// The connections that read, used in turn.
    public let readers: [DatabaseActor]
    /// The file's path.
    public let path: String
    /// Copies the log into the file beside the writer's commits (told of each by the writer).
    let checkpointer: Checkpointer
    private let nextReader = ReaderCursor()

    /// Round-robin position over the readers.
    final class ReaderCursor: Sendable {
        let position = Atomic<Int>(0)
    }

    /// The first read connection (tests and single reads).
    public var reader: DatabaseActor { readers[0] }

    /// Opens (creating if needed) the database at `path` and migrates it with the SQL files in
    /// `schemaDirectory`. A write that cannot get the lock within `busyTimeoutMilliseconds` fails with
    /// SQLITE_BUSY (the API answers 503 with Retry-After).
    public static func open(path: String, schemaDirectory: String, busyTimeoutMilliseconds: Int32 = 5000,
                            readConnections: Int = 2) async throws -> SQLiteDatabase {
        let checkpointer = try Checkpointer(path: path)
        let writer = try DatabaseActor(path: path, readOnly: false, label: "db.writer", busyTimeoutMilliseconds: busyTimeoutMilliseconds,
                                       afterCommit: checkpointer.committed)
        let migrations = try Migration.load(from: schemaDirectory)
        _ = try await writer.access { try Migrator.migrate($0, with: migrations) }
        let readers = try (0..<max(1, readConnections)).map { n in
            try DatabaseActor(path: path, readOnly: true, label: "db.reader.\(n)", busyTimeoutMilliseconds: busyTimeoutMilliseconds)
        }
        return SQLiteDatabase(writer: writer, readers: readers, path: path, checkpointer: checkpointer)
    }

    /// Runs a read on one of the read connections.
    public func read<T: Sendable>(_ body: @Sendable (any DatabaseConnection) throws -> T) async throws -> T {
        let index = nextReader.position.wrappingAdd(1, ordering: .relaxed).oldValue
        do {
            return try await readers[index % readers.count].access(body)
        } catch let error as SQLiteError {
            throw error.storageError
        }
    }

    /// Runs a read-modify-write atomically on the writer: the invariant checks and the changes they guard
    /// commit together or not at all (a savepoint inside the group commit), and the call returns only
    /// once they are durable. SQLite has one writer, so a unit of work never conflicts and never reruns.
    public func write<T: Sendable>(_ body: @escaping @Sendable (any DatabaseConnection) throws -> T) async throws -> T {
        do {
            return try await writer.write(body)
        } catch let error as SQLiteError {
            throw error.storageError
        }
    }

    /// Copies everything in the write-ahead log into the database file and empties the log (after a bulk
    /// load, so the next process does not start by checkpointing it), with no background pass under way.
    public func checkpoint() async throws {
        do {
            try await writer.access { connection in try checkpointer.exclusive { try connection.checkpoint(.truncate) } }
        } catch let error as SQLiteError {
            throw error.storageError
        }
    }

    public func commitDurations() async -> Histogram { await writer.transactionDurations }

    public func isReachable() async -> Bool {
        (try? await read { try $0.queryFirst("SELECT count(*) AS n FROM sqlite_schema") { $0.int("n") } }) != nil
    }
}
