import CPostgres
import Storage

/// One row of a PostgreSQL result in text format; valid only inside the mapping closure. Names resolve
/// through the column table built once per prepared statement. Booleans (`EXISTS …`) read as 1 and 0,
/// like SQLite's integers; `bytea` reads from its hex form.
struct PostgresRow: DatabaseRow {
    let result: OpaquePointer
    let row: Int32
    let columns: [String: Int32]

    func index(_ column: String) -> Int32 {
        guard let index = columns[column] else { preconditionFailure("no column \(column) in the result") }
        return index
    }

    func isNull(_ column: String) -> Bool { isNull(index(column)) }
    func int64(_ column: String) -> Int64 { int64(index(column)) }
    func double(_ column: String) -> Double { Double(string(index(column))) ?? 0 }
    func string(_ column: String) -> String { string(index(column)) }
    func blob(_ column: String) -> [UInt8] { blob(index(column)) }
    func optionalInt64(_ column: String) -> Int64? {
        let i = index(column)
        return isNull(i) ? nil : int64(i)
    }
    func optionalString(_ column: String) -> String? {
        let i = index(column)
        return isNull(i) ? nil : string(i)
    }

    func isNull(_ index: Int32) -> Bool { PQgetisnull(result, row, index) == 1 }

    func int64(_ index: Int32) -> Int64 {
        let text = string(index)
        if let value = Int64(text) { return value }
        switch text {
        case "t": return 1
        case "f", "": return 0
        default: return Double(text).map { Int64($0) } ?? 0  // numeric results of sum() and friends
        }
    }

    func string(_ index: Int32) -> String {
        guard let value = PQgetvalue(result, row, index) else { return "" }
        let count = Int(PQgetlength(result, row, index))
        return value.withMemoryRebound(to: UInt8.self, capacity: count) {
            String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self)
        }
    }

    func blob(_ index: Int32) -> [UInt8] {
        let hex = Array(string(index).utf8.dropFirst(2))  // "\x0a1b…"
        func nibble(_ c: UInt8) -> UInt8 { c <= 57 ? c - 48 : (c | 0x20) - 87 }
        return stride(from: 0, to: hex.count - 1, by: 2).map { nibble(hex[$0]) << 4 | nibble(hex[$0 + 1]) }
    }
}
