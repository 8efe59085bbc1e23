import CSQLite
import Glibc

/// A write-ahead log opened through `WriterVFS`: writes that follow one another are
/// gathered; everything that reads, sizes, syncs, truncates, controls or closes the file writes them
/// first and then calls the default VFS's method. SQLite uses a connection's log from one thread at a
/// time, so the gathered bytes need no lock. Version 1 methods: SQLite maps shared memory and pages only
/// for the database file, never for its log.
enum GatheringLogFile {
    /// How many bytes a log gathers before writing them on its own: under 128 KiB, the most the default
    /// VFS writes with one call (it masks a larger count to its low 17 bits).
    static let capacity = 124 << 10

    /// The gathered bytes of one log: `count` bytes (of `capacity`) that belong at file offset `start`.
    struct Pending {
        var bytes: UnsafeMutableRawPointer?
        var count = 0
        var start: sqlite3_int64 = 0
    }

    // Immutable after this initializer, which runs once (a global's lazy initialization); SQLite only
    // reads it, through each wrapped log's `pMethods`.
    nonisolated(unsafe) static let methods: UnsafeMutablePointer<sqlite3_io_methods> = {
        var m = sqlite3_io_methods()
        m.iVersion = 1
        m.xClose = { file in GatheringLogFile.close(file!) }
        m.xRead = { file, buffer, amount, offset in
            GatheringLogFile.flushed(file!) { inner, m in m.xRead?(inner, buffer, amount, offset) }
        }
        m.xWrite = { file, buffer, amount, offset in GatheringLogFile.write(file!, buffer!, Int(amount), offset) }
        m.xTruncate = { file, size in GatheringLogFile.flushed(file!) { inner, m in m.xTruncate?(inner, size) } }
        m.xSync = { file, flags in GatheringLogFile.flushed(file!) { inner, m in m.xSync?(inner, flags) } }
        m.xFileSize = { file, size in GatheringLogFile.flushed(file!) { inner, m in m.xFileSize?(inner, size) } }
        m.xLock = { file, level in GatheringLogFile.forward(file!) { inner, m in m.xLock?(inner, level) } }
        m.xUnlock = { file, level in GatheringLogFile.forward(file!) { inner, m in m.xUnlock?(inner, level) } }
        m.xCheckReservedLock = { file, out in GatheringLogFile.forward(file!) { inner, m in m.xCheckReservedLock?(inner, out) } }
        m.xFileControl = { file, op, argument in
            GatheringLogFile.flushed(file!) { inner, m in m.xFileControl?(inner, op, argument) }
        }
        m.xSectorSize = { file in GatheringLogFile.forward(file!) { inner, m in m.xSectorSize?(inner) } }
        m.xDeviceCharacteristics = { file in GatheringLogFile.forward(file!) { inner, m in m.xDeviceCharacteristics?(inner) } }
        let pointer = UnsafeMutablePointer<sqlite3_io_methods>.allocate(capacity: 1)
        pointer.initialize(to: m)
        return pointer
    }()

    /// Puts our methods in front of the log the default VFS has just opened behind `file`.
    static func open(_ file: UnsafeMutablePointer<sqlite3_file>) -> Int32 {
        let pending = UnsafeMutablePointer<Pending>.allocate(capacity: 1)
        pending.initialize(to: Pending())
        UnsafeMutableRawPointer(file).storeBytes(of: pending, toByteOffset: WriterVFS.stateOffset, as: UnsafeMutablePointer<Pending>.self)
        file.pointee.pMethods = UnsafePointer(methods)
        return SQLITE_OK
    }

    /// The gathered bytes of a wrapped log.
    static func pending(_ file: UnsafeMutablePointer<sqlite3_file>) -> UnsafeMutablePointer<Pending> {
        UnsafeMutableRawPointer(file).load(fromByteOffset: WriterVFS.stateOffset, as: UnsafeMutablePointer<Pending>.self)
    }

    /// Calls the default VFS's method on the file behind ours.
    private static func forward(_ file: UnsafeMutablePointer<sqlite3_file>,
                                _ call: (UnsafeMutablePointer<sqlite3_file>, sqlite3_io_methods) -> Int32?) -> Int32 {
        let inner = WriterVFS.inner(file)
        return call(inner, inner.pointee.pMethods.pointee) ?? SQLITE_MISUSE
    }

    /// Writes the gathered bytes, then calls the default VFS's method.
    private static func flushed(_ file: UnsafeMutablePointer<sqlite3_file>,
                                _ call: (UnsafeMutablePointer<sqlite3_file>, sqlite3_io_methods) -> Int32?) -> Int32 {
        let rc = flush(file)
        return rc == SQLITE_OK ? forward(file, call) : rc
    }

    /// Writes the gathered bytes to the file as one write. They are dropped either way: after a failed
    /// write SQLite abandons the commit they belonged to (its frames never become visible).
    private static func flush(_ file: UnsafeMutablePointer<sqlite3_file>) -> Int32 {
        let gathered = pending(file)
        guard gathered.pointee.count > 0, let bytes = gathered.pointee.bytes else { return SQLITE_OK }
        let count = gathered.pointee.count
        gathered.pointee.count = 0
        return forward(file) { inner, m in m.xWrite?(inner, bytes, Int32(count), gathered.pointee.start) }
    }

    /// Gathers a write that continues the gathered bytes; otherwise writes those first and starts anew
    /// (a write of `capacity` or more goes straight to the file).
    private static func write(_ file: UnsafeMutablePointer<sqlite3_file>, _ buffer: UnsafeRawPointer, _ amount: Int,
                              _ offset: sqlite3_int64) -> Int32 {
        let gathered = pending(file)
        if gathered.pointee.count > 0, offset == gathered.pointee.start + sqlite3_int64(gathered.pointee.count),
           gathered.pointee.count + amount <= capacity, let bytes = gathered.pointee.bytes {
            (bytes + gathered.pointee.count).copyMemory(from: buffer, byteCount: amount)
            gathered.pointee.count += amount
            return SQLITE_OK
        }
        let rc = flush(file)
        guard rc == SQLITE_OK else { return rc }
        guard amount < capacity else { return forward(file) { inner, m in m.xWrite?(inner, buffer, Int32(amount), offset) } }
        if gathered.pointee.bytes == nil {
            guard let bytes = malloc(capacity) else { return SQLITE_NOMEM }
            gathered.pointee.bytes = bytes
        }
        gathered.pointee.bytes!.copyMemory(from: buffer, byteCount: amount)
        (gathered.pointee.start, gathered.pointee.count) = (offset, amount)
        return SQLITE_OK
    }

    /// Writes the gathered bytes, closes the file behind ours and frees what the wrapper held.
    private static func close(_ file: UnsafeMutablePointer<sqlite3_file>) -> Int32 {
        let written = flush(file)
        let closed = forward(file) { inner, m in m.xClose?(inner) }
        let gathered = pending(file)
        free(gathered.pointee.bytes)
        gathered.deinitialize(count: 1)
        gathered.deallocate()
        file.pointee.pMethods = nil
        return written == SQLITE_OK ? closed : written
    }
}
