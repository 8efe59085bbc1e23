import Storage

/// A failed SQLite call. `description` names the code, SQLite's message and the SQL text, never the
/// bound arguments (they may be passwords or tokens).
public struct SQLiteError: Error, Sendable, CustomStringConvertible {
    /// The extended result code.
    public let code: ResultCode
    /// SQLite's message for the failure.
    public let message: String
    /// The statement that failed, if any.
    public let sql: String?

    /// An error value.
    public init(code: ResultCode, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    public var description: String {
        "SQLite error \(code.rawValue): \(message)" + (sql.map { " — in \($0)" } ?? "")
    }
}

extension SQLiteError {
    /// The engine-neutral error the layers above see.
    public var storageError: StorageError {
        let kind: StorageError.Kind = switch code {
        case .busy, .locked: .busy
        case .full: .full
        case .readonly: .readOnly
        case .ioerr, .cantopen: .unavailable
        case .constraint: .constraint(message.components(separatedBy: "failed: ").last ?? message)
        default: .other
        }
        return StorageError(kind, message: "SQLite \(code.rawValue): \(message)", statement: sql)
    }
}
