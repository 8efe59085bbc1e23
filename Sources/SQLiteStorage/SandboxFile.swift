import CSQLite
import Glibc
import Storage

/// What a sandbox needs of its SQLite file: a mark that it was created as a sandbox (so `sandbox`
/// never resets a real database), a template copy of the freshly seeded state, and a restore of that
/// copy into the live file through SQLite's online backup API — on the writer, between group commits,
/// so readers see the old state or the new one and never a mixture.
extension SQLiteDatabase {
    /// `PRAGMA application_id` of a sandbox file ("MPSB").
    static let sandboxApplicationId: Int32 = 0x4D50_5342

    /// Marks the file as a sandbox's.
    public func markAsSandbox() async throws {
        try await writer.access { try $0.exec("PRAGMA application_id = \(Self.sandboxApplicationId)") }
    }

    /// Whether the file at `path` was marked as a sandbox's; read before the file is opened (and migrated)
    /// by the server, so a database that is not a sandbox's is left exactly as it was.
    public static func isSandboxFile(_ path: String) throws -> Bool {
        let connection = try SQLiteConnection(path: path, readOnly: true)
        return try connection.queryFirst("PRAGMA application_id", arguments: []) { $0.int(0) } == Int(sandboxApplicationId)
    }

    /// Whether nothing is at `path` yet (or an empty file): a new sandbox may be created there.
    public static func isNewFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) != 0 || info.st_size == 0
    }

    /// Writes a compact copy of the database to `path` (which must not exist).
    public func saveTemplate(to path: String) async throws {
        try await writer.access { try $0.exec("VACUUM INTO '\(path.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''"))'") }
    }

    /// Replaces the whole database with the copy at `path`, in one step on the writer.
    public func restore(fromTemplate path: String) async throws {
        try await writer.access { connection in
            let source = try SQLiteConnection(path: path, readOnly: true)
            guard let backup = sqlite3_backup_init(connection.handle, "main", source.handle, "main") else {
                throw SQLiteError(code: ResultCode(rawValue: sqlite3_errcode(connection.handle)),
                                  message: String(cString: sqlite3_errmsg(connection.handle)))
            }
            let step = sqlite3_backup_step(backup, -1)
            let finish = sqlite3_backup_finish(backup)
            guard step == SQLITE_DONE, finish == SQLITE_OK else {
                throw SQLiteError(code: ResultCode(rawValue: step == SQLITE_DONE ? finish : step),
                                  message: "restoring the sandbox template: " + String(cString: sqlite3_errmsg(connection.handle)))
            }
        }
    }
}
