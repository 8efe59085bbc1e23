import Storage

/// Applies `Schema/postgres/NNNN_name.sql` in order, each in its own transaction with its row in
/// `schema_migrations`, while holding an advisory lock: nodes that start together take turns, and the
/// ones that come second find nothing left to do.
public enum PostgresMigrator {
    /// The advisory lock's key (any constant the product owns).
    static let lockKey: Int64 = 0x6d65_6761_706f_7274  // "megaport"

    /// Applies every migration newer than the database; refuses a database newer than the newest file.
    /// - Returns: the versions applied.
    @discardableResult
    public static func migrate(_ conn: PostgresConnection, with migrations: [Migration]) throws -> [Int] {
        _ = try conn.queryFirst("SELECT pg_advisory_lock(?) IS NOT NULL AS locked", lockKey) { $0.bool("locked") }
        defer { _ = try? conn.queryFirst("SELECT pg_advisory_unlock(?) AS unlocked", lockKey) { $0.bool("unlocked") } }
        try conn.exec("""
            CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_date BIGINT NOT NULL)
            """)
        let current = try conn.queryFirst("SELECT coalesce(max(version), 0) AS version FROM schema_migrations") { $0.int("version") } ?? 0
        let newest = migrations.last?.version ?? 0
        guard current <= newest else { throw MigrationError.databaseNewerThanCode(database: current, code: newest) }
        var applied: [Int] = []
        for migration in migrations where migration.version > current {
            try conn.exec("BEGIN")
            do {
                try conn.exec(migration.sql)
                try conn.execute("INSERT INTO schema_migrations (version, name, applied_date) VALUES (?, ?, (extract(epoch FROM now()) * 1000)::bigint)",
                                 migration.version, migration.name)
                try conn.exec("COMMIT")
            } catch {
                try? conn.exec("ROLLBACK")
                throw error
            }
            applied.append(migration.version)
        }
        return applied
    }
}
