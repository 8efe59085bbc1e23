import CPostgres
import Storage

/// Turns libpq's failures into the engine-neutral `StorageError` by SQLSTATE class: a lost or refused
/// connection is `unavailable`, a serialization failure or deadlock `serialization` (the unit of work
/// runs again), a constraint `constraint` with the constraint's name, as SQLite's errors map.
enum PostgresError {
    /// The error of a failed result (or of the connection when there is no result).
    static func from(_ connection: OpaquePointer, _ result: OpaquePointer?, statement: String?) -> StorageError {
        let message = (result.flatMap { PQresultErrorMessage($0) } ?? PQerrorMessage(connection)).map { String(cString: $0) } ?? "unknown"
        let text = message.trimmingCharacters(in: " \n")
        guard PQstatus(connection) == CONNECTION_OK else { return StorageError(.unavailable, message: text, statement: statement) }
        let state = field(result, cpq_diag_sqlstate) ?? ""
        let kind: StorageError.Kind
        switch state {
        case "40001", "40P01": kind = .serialization
        case "53100": kind = .full
        case "25006": kind = .readOnly
        case "55P03", "57014": kind = .busy
        case _ where state.hasPrefix("23"): kind = .constraint(field(result, cpq_diag_constraint_name) ?? text)
        case _ where state.hasPrefix("08") || state.hasPrefix("57P"): kind = .unavailable
        default: kind = .other
        }
        return StorageError(kind, message: "PostgreSQL \(state): \(text)", statement: statement)
    }

    static func field(_ result: OpaquePointer?, _ code: Int32) -> String? {
        guard let result, let value = PQresultErrorField(result, code) else { return nil }
        return String(cString: value)
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let first = s.first, set.contains(first) { s = s.dropFirst() }
        while let last = s.last, set.contains(last) { s = s.dropLast() }
        return String(s)
    }
}
