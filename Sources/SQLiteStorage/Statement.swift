import CSQLite
import Storage

/// A prepared statement (`sqlite3_prepare_v3` with `SQLITE_PREPARE_PERSISTENT`), reused from the
/// connection's cache; finalized when the connection closes.
///
/// Column names resolve to positions through a table built once, at preparation. A mapping closure
/// reads the same columns in the same order for every row, so the statement also remembers the
/// position of each read in that order: from the second row on, a read by name costs one string
/// comparison (identical literals compare by pointer) instead of a hash lookup.
final class Statement {
    let handle: OpaquePointer
    let sql: String
    private let positions: [String: Int32]
    private var readOrder: [(name: String, index: Int32)] = []
    private var cursor = 0

    init(_ db: OpaquePointer, sql: String) throws(SQLiteError) {
        var statement: OpaquePointer?
        let rc = sqlite3_prepare_v3(db, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard rc == SQLITE_OK, let statement else {
            throw SQLiteError(code: ResultCode(rawValue: sqlite3_extended_errcode(db)), message: String(cString: sqlite3_errmsg(db)), sql: sql)
        }
        handle = statement
        self.sql = sql
        var positions: [String: Int32] = [:]
        for index in 0..<sqlite3_column_count(statement) {
            guard let name = sqlite3_column_name(statement, index) else { continue }
            let key = String(cString: name)
            if positions[key] == nil { positions[key] = index }
        }
        self.positions = positions
    }

    deinit { sqlite3_finalize(handle) }

    private static let emptyText: StaticString = ""

    /// Called before each row is handed to a mapping closure.
    func beginRow() { cursor = 0 }

    /// The position of a named column. A name the statement does not produce is a programming error
    /// in a repository, caught by the first test that runs the query.
    func index(of name: String) -> Int32 {
        defer { cursor += 1 }
        if cursor < readOrder.count, readOrder[cursor].name == name { return readOrder[cursor].index }
        guard let index = positions[name] else { preconditionFailure("no column '\(name)' in: \(sql)") }
        if cursor < readOrder.count { readOrder[cursor] = (name, index) } else { readOrder.append((name, index)) }
        return index
    }

    /// Resets the statement and binds `arguments` to `?1…?n`. Every parameter is bound again, so the
    /// old values need no clearing first: SQLite copies a new text into the memory of the old one when
    /// it fits, instead of freeing it and allocating again.
    func bind(_ arguments: [any DatabaseBindable]) throws(SQLiteError) {
        sqlite3_reset(handle)
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard expected == arguments.count else {
            throw SQLiteError(code: .error, message: "expected \(expected) arguments, got \(arguments.count)", sql: sql)
        }
        for (offset, argument) in arguments.enumerated() {
            let index = Int32(offset + 1)
            let rc: Int32
            switch argument.databaseValue {
            case .null: rc = sqlite3_bind_null(handle, index)
            case .integer(let v): rc = sqlite3_bind_int64(handle, index, v)
            case .real(let v): rc = sqlite3_bind_double(handle, index, v)
            case .text(var v):  // from the string's own storage, with a byte count: bound whole, never cut at a NUL
                rc = v.withUTF8 { bytes in
                    let start = bytes.baseAddress.map { UnsafeRawPointer($0) } ?? UnsafeRawPointer(Self.emptyText.utf8Start)  // "" is text, not NULL
                    return sqlite3_bind_text(handle, index, start.assumingMemoryBound(to: CChar.self), Int32(bytes.count), csqlite_transient())
                }
            case .blob(let v): rc = v.withUnsafeBytes { sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), csqlite_transient()) }
            }
            guard rc == SQLITE_OK else { throw SQLiteError(code: ResultCode(rawValue: rc), message: "bind failed", sql: sql) }
        }
    }
}
