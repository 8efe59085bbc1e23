import Storage

/// Applies `Schema/NNNN_name.sql` files in order, tracked by `PRAGMA user_version`.
public enum Migrator {
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
        guard current <= newest else { throw MigrationError.databaseNewerThanCode(database: current, code: newest) }
        var applied: [Int] = []
        for migration in migrations where migration.version > current {
            let rebuilds = migration.sql.hasPrefix(rebuildMarker)
            if rebuilds { try connection.exec("PRAGMA foreign_keys = OFF") }
            defer { if rebuilds { try? connection.exec("PRAGMA foreign_keys = ON") } }
            try connection.transaction {
                try connection.exec(migration.sql)
                if rebuilds, try connection.queryFirst("PRAGMA foreign_key_check", map: { _ in true }) == true {
                    throw MigrationError.foreignKeysBroken(migration.name)
                }
                try connection.exec("PRAGMA user_version = \(migration.version)")
            }
            applied.append(migration.version)
        }
        return applied
    }
}
