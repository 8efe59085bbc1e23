import Synchronization

/// Sessions by token digest, so an authenticated request usually costs no database read.
/// Entries are dropped on logout and deactivation, and ignored once expired.
final class TokenCache: Sendable {
    private let entries = Mutex<[String: Session]>([:])
    private let capacity: Int

    init(capacity: Int = 100_000) { self.capacity = capacity }

    /// The cached, unexpired session for a digest.
    func session(for digest: String, now: Int64) -> Session? {
        entries.withLock { entries in
            guard let session = entries[digest] else { return nil }
            if session.expiryDate <= now {
                entries[digest] = nil
                return nil
            }
            return session
        }
    }

    func insert(_ session: Session) {
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[session.tokenHash] = session
        }
    }

    func remove(digest: String) { _ = entries.withLock { $0.removeValue(forKey: digest) } }

    /// Drops every session of a user (deactivation, position change).
    func remove(userId: Int64) { entries.withLock { $0 = $0.filter { $0.value.userId != userId } } }
}
