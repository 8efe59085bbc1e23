import CSQLite
import Glibc

/// A VFS over the system's default one that changes one thing: a connection's writes to its
/// write-ahead log are gathered in memory while each follows the one before, and reach the file as one
/// `pwrite` when the log is synced, read, sized, truncated or closed, or when 124 KiB have gathered.
///
/// Why: SQLite appends each page of a commit to the log as two writes (a 24-byte frame header, then the
/// 4 KiB page), so a group commit of ~160 pages made ~320 `pwrite` calls, each a system call that
/// touches two or three pages of the kernel's cache (~10% of the writer's time under VXC orders).
///
/// Safe only where every commit syncs the log, as `synchronous = FULL` does (set on every connection
/// that writes, right after it opens): SQLite lets other connections see a commit only after the log's
/// sync, which writes the gathered bytes first, so they never look for a frame still held here. Under
/// `NORMAL` they could; read-only connections open with the default VFS.
enum GatheringVFS {
    /// The name to open writing connections with, or nil when registration failed (then the default VFS).
    static let name: String? = register()

    /// How many bytes a log gathers before writing them on its own: under 128 KiB, the most the default
    /// VFS writes with one call (it masks a larger count to its low 17 bits).
    static let capacity = 124 << 10

    /// Offsets inside the file object SQLite allocates for us (`szOsFile`): our `sqlite3_file` header,
    /// the pointer to the gathered bytes, then the default VFS's own file object.
    private static let stateOffset = MemoryLayout<sqlite3_file>.stride
    private static let innerOffset = stateOffset + MemoryLayout<UnsafeMutableRawPointer>.stride

    /// The gathered bytes of one log: `count` bytes (of `capacity`) that belong at file offset `start`.
    struct Pending {
        var bytes: UnsafeMutableRawPointer?
        var count = 0
        var start: sqlite3_int64 = 0
    }

    /// Registers the VFS (not as the default): a copy of the default VFS with a larger file object and
    /// our `xOpen`. Its other methods are the default's own, called with this VFS (whose `pAppData` is
    /// still the default's).
    private static func register() -> String? {
        guard let system = sqlite3_vfs_find(nil) else { return nil }
        let vfs = UnsafeMutablePointer<sqlite3_vfs>.allocate(capacity: 1)  // lives as long as the process
        vfs.initialize(to: system.pointee)
        vfs.pointee.pNext = nil
        vfs.pointee.zName = UnsafePointer(strdup("megaport-gathering"))
        vfs.pointee.szOsFile = Int32(innerOffset) + system.pointee.szOsFile
        vfs.pointee.xOpen = { _, name, file, flags, outFlags in GatheringVFS.open(name, file!, flags, outFlags) }
        guard sqlite3_vfs_register(vfs, 0) == SQLITE_OK else { return nil }
        return String(cString: vfs.pointee.zName)
    }

    /// Opens a file with the default VFS; a write-ahead log is wrapped (our methods, its file behind them).
    private static func open(_ name: sqlite3_filename?, _ file: UnsafeMutablePointer<sqlite3_file>, _ flags: Int32,
                             _ outFlags: UnsafeMutablePointer<Int32>?) -> Int32 {
        guard let system = sqlite3_vfs_find(nil), let systemOpen = system.pointee.xOpen else { return SQLITE_ERROR }
        guard flags & SQLITE_OPEN_WAL != 0 else { return systemOpen(system, name, file, flags, outFlags) }
        let inner = self.inner(file)
        inner.pointee.pMethods = nil
        let rc = systemOpen(system, name, inner, flags, outFlags)
        guard rc == SQLITE_OK else {
            if let methods = inner.pointee.pMethods { _ = methods.pointee.xClose?(inner) }
            file.pointee.pMethods = nil
            return rc
        }
        let pending = UnsafeMutablePointer<Pending>.allocate(capacity: 1)
        pending.initialize(to: Pending())
        UnsafeMutableRawPointer(file).storeBytes(of: pending, toByteOffset: stateOffset, as: UnsafeMutablePointer<Pending>.self)
        file.pointee.pMethods = UnsafePointer(GatheringLogFile.methods)
        return SQLITE_OK
    }

    /// The default VFS's file object behind ours.
    static func inner(_ file: UnsafeMutablePointer<sqlite3_file>) -> UnsafeMutablePointer<sqlite3_file> {
        (UnsafeMutableRawPointer(file) + innerOffset).assumingMemoryBound(to: sqlite3_file.self)
    }

    /// The gathered bytes of a wrapped log.
    static func pending(_ file: UnsafeMutablePointer<sqlite3_file>) -> UnsafeMutablePointer<Pending> {
        UnsafeMutableRawPointer(file).load(fromByteOffset: stateOffset, as: UnsafeMutablePointer<Pending>.self)
    }
}
