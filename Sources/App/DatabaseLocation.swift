import API
import Foundation
import PostgresStorage
import SQLiteStorage
import Storage

/// Where the data lives, from `--db`, `DATABASE_URL` or `DATABASE_PATH`: a SQLite file (the embedded
/// default) or a PostgreSQL libpq URL (`postgres://` or `postgresql://`), for several nodes on one
/// database. Anything else with `://` is refused, so a URL is never taken for a file name.
enum DatabaseLocation: Equatable {
    case file(String)
    case postgres(String)

    /// Parses the setting; `UsageError` for a URL of another scheme.
    init(_ text: String) throws {
        let lower = text.lowercased()
        if lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") {
            self = .postgres(text)
        } else if text.contains("://") {
            throw UsageError("--db must be a file path or a postgres:// URL, got a \(text.prefix { $0 != ":" }):// URL")
        } else {
            self = .file(text)
        }
    }

    /// For logs: a file's path, or the URL without its password.
    var display: String {
        switch self {
        case .file(let path): return path
        case .postgres(let url):
            guard let at = url.lastIndex(of: "@"), let scheme = url.range(of: "://"),
                  let colon = url[scheme.upperBound..<at].firstIndex(of: ":") else { return url }
            return String(url[..<colon]) + ":***" + String(url[at...])
        }
    }

    /// Opens (and migrates) the database: SQLite with `Schema/`, PostgreSQL with `Schema/postgres/`.
    func open(schemaDirectory: String) async throws -> any DatabaseWriter {
        switch self {
        case .file(let path):
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            return try await SQLiteDatabase.open(path: path, schemaDirectory: schemaDirectory)
        case .postgres(let url):
            return try await PostgresDatabase.open(url: url, schemaDirectory: schemaDirectory + "/postgres")
        }
    }
}
