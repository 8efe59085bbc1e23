import CSQLite
import Storage

/// The current row of a stepping statement; valid only inside the mapping closure. Names resolve
/// through the statement's column table (built once when the statement is prepared).
struct SQLiteRow: DatabaseRow {
    let statement: Statement

    private var handle: OpaquePointer { statement.handle }

    func isNull(_ column: String) -> Bool { isNull(statement.index(of: column)) }
    func int64(_ column: String) -> Int64 { int64(statement.index(of: column)) }
    func double(_ column: String) -> Double { sqlite3_column_double(handle, statement.index(of: column)) }
    func string(_ column: String) -> String { string(statement.index(of: column)) }
    func blob(_ column: String) -> [UInt8] { blob(statement.index(of: column)) }

    func optionalInt64(_ column: String) -> Int64? {
        let index = statement.index(of: column)
        return isNull(index) ? nil : int64(index)
    }

    func optionalString(_ column: String) -> String? {
        let index = statement.index(of: column)
        return isNull(index) ? nil : string(index)
    }

    func isNull(_ index: Int32) -> Bool { sqlite3_column_type(handle, index) == SQLITE_NULL }

    func int64(_ index: Int32) -> Int64 { sqlite3_column_int64(handle, index) }

    func string(_ index: Int32) -> String {
        guard let text = sqlite3_column_text(handle, index) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    func blob(_ index: Int32) -> [UInt8] {
        let count = Int(sqlite3_column_bytes(handle, index))
        guard count > 0, let pointer = sqlite3_column_blob(handle, index) else { return [] }
        return Array(UnsafeRawBufferPointer(start: pointer, count: count))
    }
}
