import Storage
import Synchronization

/// Rendered answers reused while the database has not changed: an entry is keyed by what was rendered
/// and the snapshot taken on the reading connection *before* the data was read, so an answer is only
/// ever served to a read that began after every commit it reflects — any commit anywhere (another
/// process included) changes the snapshot, and the entry is never found again. Engines that cannot
/// tell (PostgreSQL) give no snapshot and nothing is cached. Bounded: when full it starts over.
public final class RenderCache: Sendable {
    struct Key: Hashable {
        let kind: String
        let id: Int64
        let snapshot: Snapshot
    }

    private struct Entries {
        var byKey: [Key: [UInt8]] = [:]
        var bytes = 0
    }

    private let entries = Mutex(Entries())
    private let capacity: Int
    private let maxBytes: Int

    /// At most `capacity` entries of at most `maxBytes` in all (16 MiB by default).
    public init(capacity: Int = 512, maxBytes: Int = 16 << 20) {
        self.capacity = capacity
        self.maxBytes = maxBytes
    }

    /// The bytes for `kind`/`id` at `snapshot`, rendered by `render` when not cached.
    func value(_ kind: String, _ id: Int64, at snapshot: Snapshot?, _ render: () throws -> [UInt8]) rethrows -> [UInt8] {
        guard let snapshot else { return try render() }
        let key = Key(kind: kind, id: id, snapshot: snapshot)
        if let hit = entries.withLock({ $0.byKey[key] }) { return hit }
        let bytes = try render()
        guard bytes.count <= maxBytes / 8 else { return bytes }
        entries.withLock { entries in
            if entries.byKey.count >= capacity || entries.bytes + bytes.count > maxBytes { entries = Entries() }
            entries.bytes += entries.byKey.updateValue(bytes, forKey: key) == nil ? bytes.count : 0
        }
        return bytes
    }
}
