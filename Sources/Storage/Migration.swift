import Foundation

/// One schema migration file, `NNNN_name.sql`: every engine applies its own directory's files in
/// version order, each once, and records the version it reached.
public struct Migration: Sendable, Equatable {
    /// The file's number (the version recorded once applied).
    public let version: Int
    /// The file name, for messages.
    public let name: String
    /// The SQL text.
    public let sql: String

    /// A migration from its parts.
    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }

    /// Reads and orders the migration files of a directory.
    public static func load(from directory: String) throws -> [Migration] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw MigrationError.noSchemaDirectory(directory)
        }
        var migrations: [Migration] = []
        for name in names where name.hasSuffix(".sql") {
            guard let underscore = name.firstIndex(of: "_"), let version = Int(name[..<underscore]), version > 0 else {
                throw MigrationError.badFileName(name)
            }
            let sql = try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
            migrations.append(Migration(version: version, name: name, sql: sql))
        }
        migrations.sort { $0.version < $1.version }
        for (a, b) in zip(migrations, migrations.dropFirst()) where a.version == b.version {
            throw MigrationError.duplicateVersion(a.version)
        }
        return migrations
    }
}

/// Why a database cannot be migrated or used with this build.
public enum MigrationError: Error, CustomStringConvertible {
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
