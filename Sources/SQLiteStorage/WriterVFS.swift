import CSQLite
import Glibc

/// The VFS of connections that write: the system's default one, with two changes.
///
/// - **A write-ahead log's writes are gathered** (`GatheringLogFile`): SQLite appends each page of a
///   commit to the log as two writes (a 24-byte frame header, then the 4 KiB page), so a group commit
///   of ~160 pages made ~320 `pwrite` calls, each a system call touching two or three pages of the
///   kernel's cache. Writes that follow one another now reach the file in pieces of up to 124 KiB,
///   written before the log is synced, read, sized, truncated, controlled or closed. Safe only where
///   every commit syncs the log, as `synchronous = FULL` does (set on every connection that writes,
///   before its log exists): SQLite lets other connections see a commit only after that sync, which
///   writes the gathered bytes first, so they never look for a frame still held here.
/// - **Temporary files live in memory** (`MemoryFile`), above all the savepoint journal: each request
///   of a group commit runs in a savepoint, and SQLite copies every page a request changes into that
///   journal. With `temp_store = MEMORY` SQLite kept it in ~1 KiB pieces, several `malloc`s and `free`s
///   per page; here it is one block that grows by doubling and is reused by every savepoint of a commit.
///
/// Read-only connections use the default VFS.
enum WriterVFS {
    /// The name to open writing connections with, or nil when registration failed (then the default VFS).
    static let name: String? = register()

    /// Temporary files of a writing connection, kept in memory.
    private static let temporary = SQLITE_OPEN_SUBJOURNAL | SQLITE_OPEN_TEMP_JOURNAL | SQLITE_OPEN_TRANSIENT_DB | SQLITE_OPEN_TEMP_DB

    /// Offsets inside the file object SQLite allocates for us (`szOsFile`): our `sqlite3_file` header,
    /// the pointer to our state (gathered bytes, or a memory file's contents), then the default VFS's own
    /// file object (for a log).
    static let stateOffset = MemoryLayout<sqlite3_file>.stride
    private static let innerOffset = stateOffset + MemoryLayout<UnsafeMutableRawPointer>.stride

    /// Registers the VFS (not as the default): a copy of the default VFS with a larger file object and
    /// our `xOpen`. Its other methods are the default's own, called with this VFS (whose `pAppData` is
    /// still the default's). First, if SQLite has not started yet, savepoint journals are told to go to
    /// the VFS from their first byte (instead of SQLite's own memory up to 64 KiB).
    private static func register() -> String? {
        _ = csqlite_config_statement_journal_spill(0)
        guard let system = sqlite3_vfs_find(nil) else { return nil }
        let vfs = UnsafeMutablePointer<sqlite3_vfs>.allocate(capacity: 1)  // lives as long as the process
        vfs.initialize(to: system.pointee)
        vfs.pointee.pNext = nil
        vfs.pointee.zName = UnsafePointer(strdup("megaport-writer"))
        vfs.pointee.szOsFile = Int32(innerOffset) + system.pointee.szOsFile
        vfs.pointee.xOpen = { _, name, file, flags, outFlags in WriterVFS.open(name, file!, flags, outFlags) }
        guard sqlite3_vfs_register(vfs, 0) == SQLITE_OK else { return nil }
        return String(cString: vfs.pointee.zName)
    }

    /// Opens a temporary file in memory, a write-ahead log with the default VFS behind our methods, and
    /// any other file with the default VFS alone.
    private static func open(_ name: sqlite3_filename?, _ file: UnsafeMutablePointer<sqlite3_file>, _ flags: Int32,
                             _ outFlags: UnsafeMutablePointer<Int32>?) -> Int32 {
        guard let system = sqlite3_vfs_find(nil), let systemOpen = system.pointee.xOpen else { return SQLITE_ERROR }
        if flags & temporary != 0 { return MemoryFile.open(file, flags: flags, outFlags: outFlags) }
        guard flags & SQLITE_OPEN_WAL != 0 else { return systemOpen(system, name, file, flags, outFlags) }
        let inner = self.inner(file)
        inner.pointee.pMethods = nil
        let rc = systemOpen(system, name, inner, flags, outFlags)
        guard rc == SQLITE_OK else {
            if let methods = inner.pointee.pMethods { _ = methods.pointee.xClose?(inner) }
            file.pointee.pMethods = nil
            return rc
        }
        return GatheringLogFile.open(file)
    }

    /// The default VFS's file object behind ours.
    static func inner(_ file: UnsafeMutablePointer<sqlite3_file>) -> UnsafeMutablePointer<sqlite3_file> {
        (UnsafeMutableRawPointer(file) + innerOffset).assumingMemoryBound(to: sqlite3_file.self)
    }
}
