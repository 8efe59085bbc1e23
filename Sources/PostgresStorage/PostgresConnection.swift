import CPostgres
import Storage

/// One libpq connection. Statements are prepared once per connection (named by a counter, cached by
/// their text) and run with text-format parameters whose types the server infers; `[UInt8]` goes as
/// binary `bytea`. Used by one thread at a time: the pool's slot actor owns it.
public final class PostgresConnection: DatabaseConnection {
    let handle: OpaquePointer
    /// A prepared statement: its server-side name and, once a result showed them, its columns by name.
    final class Prepared {
        let name: String
        var columns: [String: Int32]?
        init(name: String) { self.name = name }
    }
    private var prepared: [String: Prepared] = [:]

    public var dialect: SQLDialect { .postgres }

    /// None: other nodes commit without this node knowing.
    public func snapshot() throws -> Snapshot? { nil }

    /// Connects with a libpq URI (`postgres://user@host:port/db?…`); `unavailable` when it cannot.
    public init(url: String) throws(StorageError) {
        guard let handle = PQconnectdb(url) else { throw StorageError(.unavailable, message: "libpq could not allocate a connection") }
        self.handle = handle  // from here on `deinit` finishes the handle, also when this initializer throws
        guard PQstatus(handle) == CONNECTION_OK else {
            throw StorageError(.unavailable, message: "PostgreSQL: " + String(cString: PQerrorMessage(handle)).trimmingCharacters(in: " \n"))
        }
        try exec("SET client_min_messages = error")
    }

    deinit { PQfinish(handle) }

    /// Whether the connection is still usable (libpq saw no break).
    public var isHealthy: Bool { PQstatus(handle) == CONNECTION_OK }

    /// Runs statements without parameters (transaction control, migrations).
    public func exec(_ sql: String) throws(StorageError) {
        let result = PQexec(handle, sql)
        defer { PQclear(result) }
        let status = result.map(PQresultStatus) ?? PGRES_FATAL_ERROR
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
            throw PostgresError.from(handle, result, statement: sql)
        }
    }

    @discardableResult
    public func execute(_ sql: String, arguments: [any DatabaseBindable]) throws -> Int {
        let (result, _) = try run(sql, arguments)
        defer { PQclear(result) }
        return Int(String(cString: PQcmdTuples(result))) ?? 0
    }

    public func query<T>(_ sql: String, arguments: [any DatabaseBindable], map: (any DatabaseRow) throws -> T) throws -> [T] {
        let (result, columns) = try run(sql, arguments)
        defer { PQclear(result) }
        return try (0..<PQntuples(result)).map { try map(PostgresRow(result: result, row: $0, columns: columns)) }
    }

    public func queryFirst<T>(_ sql: String, arguments: [any DatabaseBindable], map: (any DatabaseRow) throws -> T) throws -> T? {
        let (result, columns) = try run(sql, arguments)
        defer { PQclear(result) }
        guard PQntuples(result) > 0 else { return nil }
        return try map(PostgresRow(result: result, row: 0, columns: columns))
    }

    /// Prepares (once) and runs a statement; the result and its column table.
    func run(_ sql: String, _ arguments: [any DatabaseBindable]) throws(StorageError) -> (OpaquePointer, [String: Int32]) {
        let statement = try prepare(sql)
        let values = arguments.map(\.databaseValue)
        let texts: [[CChar]?] = try values.map { value throws(StorageError) -> [CChar]? in try Self.text(value, sql: sql) }
        let lengths = values.map { value -> Int32 in if case .blob(let bytes) = value { Int32(bytes.count) } else { 0 } }
        let formats = values.map { value -> Int32 in if case .blob = value { 1 } else { 0 } }
        let result = Self.withPointers(texts) { pointers in
            PQexecPrepared(handle, statement.name, Int32(values.count), pointers, lengths, formats, 0)
        }
        let status = result.map(PQresultStatus) ?? PGRES_FATAL_ERROR
        guard let result, status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
            let error = PostgresError.from(handle, result, statement: sql)
            PQclear(result)
            throw error
        }
        if statement.columns == nil {
            statement.columns = Dictionary((0..<PQnfields(result)).map { (String(cString: PQfname(result, $0)), $0) }) { first, _ in first }
        }
        return (result, statement.columns ?? [:])
    }

    func prepare(_ sql: String) throws(StorageError) -> Prepared {
        if let known = prepared[sql] { return known }
        let statement = Prepared(name: "s\(prepared.count + 1)")
        let result = PQprepare(handle, statement.name, Placeholders.rewrite(sql), 0, nil)
        defer { PQclear(result) }
        guard let result, PQresultStatus(result) == PGRES_COMMAND_OK else { throw PostgresError.from(handle, result, statement: sql) }
        prepared[sql] = statement
        return statement
    }

    /// A parameter as libpq takes it: NUL-terminated text, raw bytes for a blob, nil for NULL. Text with
    /// a NUL byte is refused: PostgreSQL cannot store one, and cutting it off would change the value.
    static func text(_ value: DatabaseValue, sql: String) throws(StorageError) -> [CChar]? {
        switch value {
        case .null: return nil
        case .integer(let n): return Array(String(n).utf8CString)
        case .real(let x): return Array(String(x).utf8CString)
        case .text(let s):
            guard !s.utf8.contains(0) else { throw StorageError(.constraint("text without NUL"), message: "text with a NUL byte", statement: sql) }
            return Array(s.utf8CString)
        case .blob(let bytes): return bytes.map { CChar(bitPattern: $0) } + [0]
        }
    }

    static func withPointers<R>(_ texts: [[CChar]?], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
        let buffers = texts.map { text in text.map { bytes -> UnsafeMutablePointer<CChar> in
            let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
            buffer.initialize(from: bytes, count: bytes.count)
            return buffer
        } }
        defer { for buffer in buffers { buffer?.deallocate() } }
        return body(buffers.map { $0.map { UnsafePointer($0) } })
    }
}
