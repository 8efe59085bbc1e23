/// The bytes received on a connection and not yet consumed by the parser.
/// Consumption advances an index; storage is compacted lazily so pipelined bytes are never copied
/// per request, and an idle connection holds no large buffer.
public struct ReadBuffer: Sendable {
    /// Backing storage; only `bytes[readerIndex...]` is unread.
    public private(set) var bytes: [UInt8] = []
    /// Index of the first unread byte.
    public private(set) var readerIndex = 0

    /// An empty buffer.
    public init() {}

    /// A buffer holding `bytes`, as tests feed the parser.
    public init<C: Collection>(_ bytes: C) where C.Element == UInt8 { self.bytes = Array(bytes) }

    /// Number of unread bytes.
    public var readableCount: Int { bytes.count - readerIndex }

    /// Appends received bytes, compacting consumed space first when it dominates.
    public mutating func append(_ chunk: UnsafeRawBufferPointer) {
        if readerIndex > 0 && readerIndex >= bytes.count / 2 { compact() }
        bytes.append(contentsOf: chunk)
    }

    /// Appends received bytes.
    public mutating func append<C: Collection>(contentsOf chunk: C) where C.Element == UInt8 {
        if readerIndex > 0 && readerIndex >= bytes.count / 2 { compact() }
        bytes.append(contentsOf: chunk)
    }

    /// Marks `count` bytes as read. When everything is read, large storage is released.
    mutating func consume(_ count: Int) {
        readerIndex += count
        if readerIndex == bytes.count {
            if bytes.capacity > 16 * 1024 { bytes = [] } else { bytes.removeAll(keepingCapacity: true) }
            readerIndex = 0
        }
    }

    /// Drops consumed bytes from storage.
    mutating func compact() {
        bytes.removeFirst(readerIndex)
        readerIndex = 0
    }
}
