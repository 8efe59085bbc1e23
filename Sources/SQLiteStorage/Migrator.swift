import Storage
import Foundation

/// Applies `Schema/NNNN_name.sql` files in order, tracked by `PRAGMA user_version`.
public enum Migrator {
    /// One migration file.
    public struct Migration: Sendable, Equatable {
        /// The file's number (becomes `user_version` once applied).
        public let version: Int
        /// The file name, for messages.
        public let name: String
        /// The SQL text.
        public let sql: String
    }

    /// Why the database cannot be used with this build.
    public enum Failure: Error, CustomStringConvertible {
        case noSchemaDirectory(String)
        case badFileName(String)
        case duplicateVersion(Int)
        case databaseNewerThanCode(database: Int, code: Int)
        case foreignKeysBroken(String)

        public var description: String {
            switch self {
            case .noSchemaDirectory(let path): "schema directory not found: \(path) (set --schema-dir or SCHEMA_DIR)"
            case .badFileName(let name): "schema file \(name) is not named NNNN_name.sql"
            case .duplicateVersion(let v): "two schema files share version \(v)"
            case .databaseNewerThanCode(let db, let code):
                "database schema version \(db) is newer than this build's \(code); refusing to open it"
            case .foreignKeysBroken(let name): "schema file \(name) left rows whose foreign keys point nowhere; nothing was changed"
            }
        }
    }

    /// Reads and orders the migration files of a directory.
    public static func loadMigrations(from directory: String) throws -> [Migration] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw Failure.noSchemaDirectory(directory)
        }
        var migrations: [Migration] = []
        for name in names where name.hasSuffix(".sql") {
            guard let underscore = name.firstIndex(of: "_"), let version = Int(name[..<underscore]), version > 0 else {
                throw Failure.badFileName(name)
            }
            let sql = try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
            migrations.append(Migration(version: version, name: name, sql: sql))
        }
        migrations.sort { $0.version < $1.version }
        for (a, b) in zip(migrations, migrations.dropFirst()) where a.version == b.version { throw Failure.duplicateVersion(a.version) }
        return migrations
    }

    /// The first line that marks a migration rebuilding a table (SQLite's documented twelve-step
    /// procedure): it runs with foreign keys off, and commits only if `foreign_key_check` finds nothing.
    static let rebuildMarker = "-- rebuilds tables"

    /// Applies every migration newer than the database, each in its own transaction together with
    /// its `user_version` bump. Refuses a database newer than the newest file.
    /// - Returns: the versions applied.
    @discardableResult
    public static func migrate(_ connection: SQLiteConnection, with migrations: [Migration]) throws -> [Int] {
        let current = try connection.queryFirst("PRAGMA user_version") { $0.int(0) } ?? 0
        let newest = migrations.last?.version ?? 0
        guard current <= newest else { throw Failure.databaseNewerThanCode(database: current, code: newest) }
        var applied: [Int] = []
        for migration in migrations where migration.version > current {
            let rebuilds = migration.sql.hasPrefix(rebuildMarker)
            if rebuilds { try connection.exec("PRAGMA foreign_keys = OFF") }
            defer { if rebuilds { try? connection.exec("PRAGMA foreign_keys = ON") } }
            try connection.transaction {
                try connection.exec(migration.sql)
                if rebuilds, try connection.queryFirst("PRAGMA foreign_key_check", map: { _ in true }) == true {
                    throw Failure.foreignKeysBroken(migration.name)
                }
                try connection.exec("PRAGMA user_version = \(migration.version)")
            }
            applied.append(migration.version)
        }
        return applied
    }
}
