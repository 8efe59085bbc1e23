/// One connection to a database engine, used inside a read or a unit of work and never shared between
/// threads while in use. Statements use `?` (or `?N`) placeholders; an engine whose own syntax differs
/// rewrites them. Engines cache prepared statements by their text. PostgreSQL infers a parameter's type
/// from its first use, so a parameter that may be NULL is compared before it is tested
/// (`x = ?1 OR ?1 IS NULL`), or cast.
public protocol DatabaseConnection: AnyObject {
    /// The engine's SQL dialect, for the few statements that must differ.
    var dialect: SQLDialect { get }

    /// Runs a statement with bound arguments; returns the number of rows changed.
    @discardableResult
    func execute(_ sql: String, arguments: [any DatabaseBindable]) throws -> Int

    /// Runs a query and maps every row.
    func query<T>(_ sql: String, arguments: [any DatabaseBindable], map: (any DatabaseRow) throws -> T) throws -> [T]

    /// Runs a query and maps the first row, if any.
    func queryFirst<T>(_ sql: String, arguments: [any DatabaseBindable], map: (any DatabaseRow) throws -> T) throws -> T?

    /// A value that differs whenever anything — this process or another — has committed to the database
    /// since it was last taken on this connection; nil when the engine cannot tell (PostgreSQL, where
    /// other nodes write). What a read derives after taking it includes every commit made before.
    func snapshot() throws -> Snapshot?

    /// Runs an `INSERT INTO … VALUES (…) RETURNING id` and returns the new row's id. The default reads
    /// the returned row; an engine may answer it more cheaply.
    func insertReturningId(_ sql: String, arguments: [any DatabaseBindable]) throws -> Int64

    /// The result of `read`, which reads only `tables`, under `key` (which names the question and its
    /// arguments; built only by an engine that keeps results). An engine may give a result it kept from
    /// an earlier call with the same key when it is certain that nothing `read` sees has changed since —
    /// for small reads of rarely written tables that many writes of one transaction repeat. The default
    /// always reads.
    func remembered<T>(_ key: @autoclosure () -> String, tables: [String], read: () throws -> T) throws -> T
}

/// A database state as one connection last saw it (see `DatabaseConnection.snapshot()`).
public struct Snapshot: Hashable, Sendable {
    /// The connection the version belongs to (versions of different connections are not comparable).
    public let connection: ObjectIdentifier
    /// The engine's version of the database as that connection sees it.
    public let version: Int64

    public init(connection: ObjectIdentifier, version: Int64) {
        self.connection = connection
        self.version = version
    }
}

/// The SQL dialects the storage engines speak.
public enum SQLDialect: Sendable {
    case sqlite
    case postgres
}

extension DatabaseConnection {
    /// Runs a statement with bound arguments; returns the number of rows changed.
    @discardableResult
    public func execute(_ sql: String, _ arguments: any DatabaseBindable...) throws -> Int {
        try execute(sql, arguments: arguments)
    }

    /// Runs a query and maps every row.
    public func query<T>(_ sql: String, _ arguments: any DatabaseBindable..., map: (any DatabaseRow) throws -> T) throws -> [T] {
        try query(sql, arguments: arguments, map: map)
    }

    /// Runs a query with an argument list built at run time and maps every row.
    public func query<T>(_ sql: String, _ arguments: [any DatabaseBindable], map: (any DatabaseRow) throws -> T) throws -> [T] {
        try query(sql, arguments: arguments, map: map)
    }

    /// Runs a query and maps the first row, if any.
    public func queryFirst<T>(_ sql: String, _ arguments: any DatabaseBindable..., map: (any DatabaseRow) throws -> T) throws -> T? {
        try queryFirst(sql, arguments: arguments, map: map)
    }

    /// Runs an `INSERT … RETURNING id` and returns the new row's id.
    public func insertReturningId(_ sql: String, _ arguments: any DatabaseBindable...) throws -> Int64 {
        try insertReturningId(sql, arguments: arguments)
    }

    /// Always reads (an engine that cannot tell whether `tables` changed).
    public func remembered<T>(_ key: @autoclosure () -> String, tables: [String], read: () throws -> T) throws -> T {
        try read()
    }

    /// Reads the id from the row the statement returns.
    public func insertReturningId(_ sql: String, arguments: [any DatabaseBindable]) throws -> Int64 {
        guard let id = try queryFirst(sql, arguments: arguments, map: { $0.int64("id") }) else {
            throw StorageError(.other, message: "insert returned no id", statement: sql)
        }
        return id
    }
}
