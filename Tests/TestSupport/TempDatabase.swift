import Foundation
import PostgresStorage
import SQLiteStorage
import Storage

/// A real database for one test: a SQLite file in a fresh temporary directory, or — when the suites run
/// against PostgreSQL (`MEGAPORT_TEST_POSTGRES` names a server that `make test` started) — a schema of
/// its own on that server. Either is migrated with the project's `Schema/`.
public struct TempDatabase: Sendable {
    public let directory: String
    public var path: String { directory + "/test.sqlite" }
    /// The PostgreSQL schema this test owns, when the suites run on PostgreSQL.
    public let postgresSchema: String?

    public init() throws {
        let id = UUID().uuidString
        directory = NSTemporaryDirectory() + "megaport-storage-" + id
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        postgresSchema = Self.postgresServer == nil ? nil : "t_" + id.lowercased().replacingOccurrences(of: "-", with: "")
    }

    /// The PostgreSQL server under the suites (a libpq URL of its database), or nil for SQLite.
    public static let postgresServer = ProcessInfo.processInfo.environment["MEGAPORT_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }

    /// Whether the suites run on PostgreSQL (tests of SQLite itself are skipped then).
    public static var onPostgres: Bool { postgresServer != nil }

    /// The repository's `Schema/` directory, found from this file's path.
    public static let schemaDirectory: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Schema").path

    /// The SQLite file, migrated (tests of SQLite itself).
    public func open() async throws -> SQLiteDatabase { try await SQLiteDatabase.open(path: path, schemaDirectory: Self.schemaDirectory) }

    /// The engine the suites run on, migrated; opening again reaches the same data.
    public func openEngine() async throws -> any DatabaseWriter {
        try await openEngine(schemas: Self.engineSchemaDirectory, connections: 3)
    }

    /// The engine the suites run on, migrated only up to the migration named `NNNN_<name>.sql` (not
    /// including it), so a test can write data as older code did and then `openEngine()` to migrate it.
    public func openEngine(before name: String) async throws -> any DatabaseWriter {
        let source = Self.engineSchemaDirectory, older = directory + "/schema-before-" + name
        try FileManager.default.createDirectory(atPath: older, withIntermediateDirectories: true)
        let files = try FileManager.default.contentsOfDirectory(atPath: source).filter { $0.hasSuffix(".sql") }.sorted()
        guard let cut = files.firstIndex(where: { $0.hasSuffix("_" + name + ".sql") }) else { preconditionFailure("no migration \(name)") }
        for file in files[..<cut] { try FileManager.default.copyItem(atPath: source + "/" + file, toPath: older + "/" + file) }
        return try await openEngine(schemas: older, connections: 1)
    }

    /// The migrations of the engine the suites run on.
    static var engineSchemaDirectory: String { schemaDirectory + (onPostgres ? "/postgres" : "") }

    private func openEngine(schemas: String, connections: Int) async throws -> any DatabaseWriter {
        guard Self.onPostgres else { return try await SQLiteDatabase.open(path: path, schemaDirectory: schemas) }
        return try await PostgresDatabase.open(url: try postgresURL(), schemaDirectory: schemas, connections: connections)
    }

    /// This test's schema on the PostgreSQL server (created now if missing) as a libpq URL: the schema first
    /// on the search path (extensions stay in `public`), connections named after it (`application_name`)
    /// so a test can find its own.
    public func postgresURL() throws -> String {
        guard let server = Self.postgresServer, let schema = postgresSchema else { preconditionFailure("the suites run on SQLite") }
        try PostgresConnection(url: server).exec("CREATE SCHEMA IF NOT EXISTS \(schema)")
        return server + (server.contains("?") ? "&" : "?") + "options=-c%20search_path%3D\(schema),public&application_name=\(schema)"
    }

    public func remove() { try? FileManager.default.removeItem(atPath: directory) }
}
