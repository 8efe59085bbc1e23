import CSQLite
import Glibc

/// A temporary file of a writing connection kept in one block of memory (`WriterVFS`): the savepoint
/// journal above all, which SQLite writes a copy of every page a request changes to, then truncates or
/// rewrites from its start for the next savepoint. The block grows by doubling and stays until the
/// file closes (at the end of the transaction), so a commit's savepoints reuse it instead of allocating
/// ~1 KiB pieces per page as SQLite's own in-memory journal does. Used by one connection at a time.
enum MemoryFile {
    /// The file's bytes: `size` of them in a block of `capacity`.
    struct Contents {
        var bytes: UnsafeMutableRawPointer?
        var size = 0
        var capacity = 0
    }

    /// The smallest block allocated.
    static let initialCapacity = 64 << 10

    // Immutable after this initializer, which runs once (a global's lazy initialization); SQLite only
    // reads it, through each memory file's `pMethods`.
    nonisolated(unsafe) static let methods: UnsafeMutablePointer<sqlite3_io_methods> = {
        var m = sqlite3_io_methods()
        m.iVersion = 1
        m.xClose = { file in MemoryFile.close(file!) }
        m.xRead = { file, buffer, amount, offset in MemoryFile.read(file!, into: buffer!, Int(amount), at: Int(offset)) }
        m.xWrite = { file, buffer, amount, offset in MemoryFile.write(file!, buffer!, Int(amount), at: Int(offset)) }
        m.xTruncate = { file, size in
            MemoryFile.contents(file!).pointee.size = min(MemoryFile.contents(file!).pointee.size, Int(size))
            return SQLITE_OK
        }
        m.xSync = { _, _ in SQLITE_OK }
        m.xFileSize = { file, size in
            size!.pointee = sqlite3_int64(MemoryFile.contents(file!).pointee.size)
            return SQLITE_OK
        }
        m.xLock = { _, _ in SQLITE_OK }
        m.xUnlock = { _, _ in SQLITE_OK }
        m.xCheckReservedLock = { _, out in
            out!.pointee = 0
            return SQLITE_OK
        }
        m.xFileControl = { _, _, _ in SQLITE_NOTFOUND }
        m.xSectorSize = { _ in 4096 }
        m.xDeviceCharacteristics = { _ in 0 }
        let pointer = UnsafeMutablePointer<sqlite3_io_methods>.allocate(capacity: 1)
        pointer.initialize(to: m)
        return pointer
    }()

    /// Opens an empty memory file in the object SQLite allocated for it.
    static func open(_ file: UnsafeMutablePointer<sqlite3_file>, flags: Int32, outFlags: UnsafeMutablePointer<Int32>?) -> Int32 {
        let contents = UnsafeMutablePointer<Contents>.allocate(capacity: 1)
        contents.initialize(to: Contents())
        UnsafeMutableRawPointer(file).storeBytes(of: contents, toByteOffset: WriterVFS.stateOffset, as: UnsafeMutablePointer<Contents>.self)
        file.pointee.pMethods = UnsafePointer(methods)
        outFlags?.pointee = flags
        return SQLITE_OK
    }

    /// The contents of a memory file.
    static func contents(_ file: UnsafeMutablePointer<sqlite3_file>) -> UnsafeMutablePointer<Contents> {
        UnsafeMutableRawPointer(file).load(fromByteOffset: WriterVFS.stateOffset, as: UnsafeMutablePointer<Contents>.self)
    }

    /// Reads `amount` bytes at `offset`; past the end the rest is zeros and the read is short, as for a file.
    private static func read(_ file: UnsafeMutablePointer<sqlite3_file>, into buffer: UnsafeMutableRawPointer, _ amount: Int,
                             at offset: Int) -> Int32 {
        let contents = contents(file).pointee
        let available = max(0, min(amount, contents.size - offset))
        if available > 0, let bytes = contents.bytes { buffer.copyMemory(from: bytes + offset, byteCount: available) }
        guard available < amount else { return SQLITE_OK }
        (buffer + available).initializeMemory(as: UInt8.self, repeating: 0, count: amount - available)
        return SQLITE_IOERR | (2 << 8)  // SQLITE_IOERR_SHORT_READ
    }

    /// Writes `amount` bytes at `offset`, growing the block (by doubling) and zero-filling any gap.
    private static func write(_ file: UnsafeMutablePointer<sqlite3_file>, _ buffer: UnsafeRawPointer, _ amount: Int,
                              at offset: Int) -> Int32 {
        let contents = contents(file), end = offset + amount
        if end > contents.pointee.capacity {
            var capacity = max(contents.pointee.capacity, initialCapacity)
            while capacity < end { capacity *= 2 }
            guard let grown = realloc(contents.pointee.bytes, capacity) else { return SQLITE_NOMEM }
            (contents.pointee.bytes, contents.pointee.capacity) = (grown, capacity)
        }
        let bytes = contents.pointee.bytes!
        if offset > contents.pointee.size {
            (bytes + contents.pointee.size).initializeMemory(as: UInt8.self, repeating: 0, count: offset - contents.pointee.size)
        }
        (bytes + offset).copyMemory(from: buffer, byteCount: amount)
        contents.pointee.size = max(contents.pointee.size, end)
        return SQLITE_OK
    }

    /// Frees the block and the contents.
    private static func close(_ file: UnsafeMutablePointer<sqlite3_file>) -> Int32 {
        let contents = contents(file)
        free(contents.pointee.bytes)
        contents.deinitialize(count: 1)
        contents.deallocate()
        file.pointee.pMethods = nil
        return SQLITE_OK
    }
}
