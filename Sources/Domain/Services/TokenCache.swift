import Synchronization

/// Sessions by token digest, so an authenticated request usually costs no database read.
/// Entries are dropped on logout and deactivation, and ignored once expired. A generation counter
/// closes the race where a request reads the database just before a user is deactivated and caches
/// the old session just after: an insert from an older generation is discarded.
final class TokenCache: Sendable {
    private struct State {
        var entries: [String: Session] = [:]
        var generation: UInt64 = 0
    }

    private let state = Mutex(State())
    private let capacity: Int

    init(capacity: Int = 100_000) { self.capacity = capacity }

    /// The current generation; pass it back to `insert` after reading the database.
    var generation: UInt64 { state.withLock { $0.generation } }

    /// The cached, unexpired session for a digest.
    func session(for digest: String, now: Int64) -> Session? {
        state.withLock { state in
            guard let session = state.entries[digest] else { return nil }
            if session.expiryDate <= now {
                state.entries[digest] = nil
                return nil
            }
            return session
        }
    }

    /// Caches a session read during `generation`, unless something was forgotten since.
    func insert(_ session: Session, readAt generation: UInt64) {
        state.withLock { state in
            guard state.generation == generation else { return }
            if state.entries.count >= capacity { state.entries.removeAll(keepingCapacity: true) }
            state.entries[session.tokenHash] = session
        }
    }

    func remove(digest: String) {
        state.withLock { state in
            state.entries[digest] = nil
            state.generation &+= 1
        }
    }

    /// Drops every session (another node ended some).
    func removeAll() {
        state.withLock { state in
            state.entries.removeAll(keepingCapacity: true)
            state.generation &+= 1
        }
    }

    /// Drops every session of a user (deactivation, position change).
    func remove(userId: Int64) {
        state.withLock { state in
            state.entries = state.entries.filter { $0.value.userId != userId }
            state.generation &+= 1
        }
    }
}
