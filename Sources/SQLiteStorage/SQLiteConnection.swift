import CSQLite
import Storage

/// One SQLite connection. Not `Sendable`: it lives inside a `DatabaseActor` and is only used on that
/// actor's serial queue, which is why it can be opened with `SQLITE_OPEN_NOMUTEX`.
public final class SQLiteConnection: DatabaseConnection {
    let handle: OpaquePointer
    /// Opened read-only (a reader of the pool).
    let readOnly: Bool
    private var statements: [String: Statement] = [:]
    /// Answers of `remembered` reads (the writing connection only).
    private let memo: ReadMemo?
    /// Prepared statements run on this connection so far (for measuring what a use case costs).
    public private(set) var statementsRun = 0

    /// Opens (or creates) the database at `path` with the project's settings: extended result codes,
    /// WAL, `synchronous=FULL` (an acknowledged write survives power loss), foreign keys, a busy
    /// time-out, and double-quoted string literals disabled.
    public init(path: String, readOnly: Bool = false, busyTimeoutMilliseconds: Int32 = 5000) throws(SQLiteError) {
        var db: OpaquePointer?
        let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX
        // A writer's log writes are gathered into a few large ones per commit and its temporary files live
        // in memory (`WriterVFS`; safe because every commit syncs the log: `synchronous = FULL` is set
        // below, before the log exists).
        let rc = sqlite3_open_v2(path, &db, flags, readOnly ? nil : WriterVFS.name)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close_v2(db)
            throw SQLiteError(code: ResultCode(rawValue: rc), message: "\(message): \(path)")
        }
        handle = db
        self.readOnly = readOnly
        memo = readOnly ? nil : ReadMemo(handle: db)
        sqlite3_extended_result_codes(db, 1)
        sqlite3_busy_timeout(db, busyTimeoutMilliseconds)
        _ = csqlite_disable_dqs(db)
        if !readOnly {
            try exec("PRAGMA synchronous = FULL")
            try exec("PRAGMA journal_mode = WAL")
            try exec("PRAGMA wal_autocheckpoint = 10000")
            // Without our VFS (it could not register) the savepoint journals stay in memory SQLite's way.
            if WriterVFS.name == nil { try exec("PRAGMA temp_store = MEMORY") }
        }
        try exec("PRAGMA foreign_keys = ON")
        // 8 MiB of page cache per connection (the default is 2 MiB): index pages of a busy services
        // table stay in memory instead of being read again with pread on every insert.
        try exec("PRAGMA cache_size = -8192")
    }

    deinit {
        memo?.detach()
        statements.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements without arguments (`sqlite3_exec`): migrations and pragmas only.
    public func exec(_ sql: String) throws(SQLiteError) {
        var message: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &message)
        guard rc == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(message)
            throw SQLiteError(code: ResultCode(rawValue: sqlite3_extended_errcode(handle)), message: text, sql: String(sql.prefix(200)))
        }
    }

    /// SQLite's dialect.
    public var dialect: SQLDialect { .sqlite }

    /// `PRAGMA data_version`: it changes when another connection (or process) commits, and every commit
    /// reaches a read-only connection from another one. The writer's own commits do not change it, so the
    /// writer has none.
    public func snapshot() throws -> Snapshot? {
        guard readOnly else { return nil }
        return Snapshot(connection: ObjectIdentifier(self), version: try queryFirst("PRAGMA data_version", arguments: []) { $0.int64(0) } ?? 0)
    }

    /// Inside a write transaction on the writing connection, answers a read again while none of `tables`
    /// has changed (`ReadMemo`); otherwise reads.
    public func remembered<T>(_ key: @autoclosure () -> String, tables: [String], read: () throws -> T) throws -> T {
        guard let memo else { return try read() }
        return try memo.answer(key(), tables: tables, read: read)
    }

    /// Runs a statement with bound arguments; returns the number of rows changed.
    @discardableResult
    public func execute(_ sql: String, arguments: [any DatabaseBindable]) throws(SQLiteError) -> Int {
        let statement = try prepared(sql)
        try statement.bind(arguments)
        try step(statement)
        return Int(sqlite3_changes(handle))
    }

    /// Runs a query and maps every row.
    public func query<T>(_ sql: String, arguments: [any DatabaseBindable], map: (any DatabaseRow) throws -> T) throws -> [T] {
        let statement = try prepared(sql)
        try statement.bind(arguments)
        defer { sqlite3_reset(statement.handle) }
        var results: [T] = []
        let row = SQLiteRow(statement: statement)
        while try step(statement) {
            statement.beginRow()
            results.append(try map(row))
        }
        return results
    }

    /// Runs a query and maps the first row, if any.
    public func queryFirst<T>(_ sql: String, arguments: [any DatabaseBindable], map: (any DatabaseRow) throws -> T) throws -> T? {
        let statement = try prepared(sql)
        try statement.bind(arguments)
        defer { sqlite3_reset(statement.handle) }
        guard try step(statement) else { return nil }
        statement.beginRow()
        return try map(SQLiteRow(statement: statement))
    }

    /// `INSERT INTO … VALUES (…) RETURNING id` is run without its `RETURNING` clause and answered with the
    /// connection's last insert rowid: to return rows SQLite fills a temporary table, a pager opened and
    /// closed for every insert. Every table inserted into this way has `id INTEGER PRIMARY KEY` (the
    /// rowid). An upsert keeps the clause, since the row it returns may be one it updated.
    public func insertReturningId(_ sql: String, arguments: [any DatabaseBindable]) throws -> Int64 {
        let statement = try prepared(sql, text: Self.withoutReturningId(sql))
        try statement.bind(arguments)
        if try step(statement) {
            defer { sqlite3_reset(statement.handle) }
            return sqlite3_column_int64(statement.handle, 0)
        }
        guard sqlite3_changes(handle) == 1 else { throw StorageError(.other, message: "insert returned no id", statement: sql) }
        return sqlite3_last_insert_rowid(handle)
    }

    /// The statement without a final ` RETURNING id`, unless it is an upsert.
    static func withoutReturningId(_ sql: String) -> String {
        let clause = " RETURNING id"
        guard sql.hasSuffix(clause), !sql.contains("ON CONFLICT") else { return sql }
        return String(sql.dropLast(clause.count))
    }

    /// How far a checkpoint goes (SQLite's modes).
    enum CheckpointMode: Int32, Sendable {
        /// Copies what it can at once, waiting for nobody.
        case passive = 0
        /// Waits for the writer and the readers, copies everything and empties the log file.
        case truncate = 3
    }

    /// Copies the log's committed pages into the database file (`sqlite3_wal_checkpoint_v2`); returns how
    /// many of the log's frames have been copied so far. Throws SQLITE_BUSY when another connection's
    /// checkpoint is under way or, for `.truncate`, when the writer or a reader kept it from emptying the
    /// log within the busy time-out.
    @discardableResult
    func checkpoint(_ mode: CheckpointMode) throws(SQLiteError) -> Int {
        var log: Int32 = 0, copied: Int32 = 0
        let rc = sqlite3_wal_checkpoint_v2(handle, nil, mode.rawValue, &log, &copied)
        guard rc == SQLITE_OK else {
            throw SQLiteError(code: ResultCode(rawValue: sqlite3_extended_errcode(handle)), message: String(cString: sqlite3_errmsg(handle)),
                              sql: "checkpoint (\(mode))")
        }
        return Int(copied)
    }

    /// Whether a transaction is open (SQLite may roll one back by itself after some errors).
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// Runs `body` in a `BEGIN IMMEDIATE` transaction (the write lock is taken up front, so a busy
    /// database fails at BEGIN, not half-way); commits on return, rolls back on any error.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try exec("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try exec("COMMIT")
            return result
        } catch {
            try? exec("ROLLBACK")
            throw error
        }
    }

    /// The statement cached under `sql`, prepared from `text` the first time.
    private func prepared(_ sql: String, text: @autoclosure () -> String? = nil) throws(SQLiteError) -> Statement {
        statementsRun += 1
        if let cached = statements[sql] { return cached }
        let statement = try Statement(handle, sql: text() ?? sql)
        statements[sql] = statement
        return statement
    }

    /// Steps once: true for a row, false when done.
    @discardableResult
    private func step(_ statement: Statement) throws(SQLiteError) -> Bool {
        let rc = sqlite3_step(statement.handle)
        if rc == SQLITE_ROW { return true }
        if rc == SQLITE_DONE { sqlite3_reset(statement.handle); return false }
        let error = SQLiteError(code: ResultCode(rawValue: sqlite3_extended_errcode(handle)),
                                message: String(cString: sqlite3_errmsg(handle)), sql: statement.sql)
        sqlite3_reset(statement.handle)
        throw error
    }
}

@available(*, unavailable)
extension SQLiteConnection: Sendable {}
