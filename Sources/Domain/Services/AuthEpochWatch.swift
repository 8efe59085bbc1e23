import Model
import Persistence
import Storage
import Synchronization

/// Keeps a node's cached sessions honest when other nodes end sessions: at most every `interval`
/// milliseconds an authenticated request compares the database's session epoch (Schema/0011) with the one
/// it last saw, and a moved epoch empties the cache. A logout, revocation or deactivation on any node
/// is therefore refused by every node within `interval` plus one request.
final class AuthEpochWatch: Sendable {
    private struct State {
        var checkedAt: Int64 = 0
        var epoch: Int64?
    }

    private let state = Mutex(State())
    let interval: Int64

    init(interval: Int64 = 500) { self.interval = interval }

    /// Forgets the epoch last seen: the next request reads it afresh.
    func forget() { state.withLock { $0 = State() } }

    /// Empties `cache` when the epoch moved since the last look (looking only when `interval` passed).
    func refresh(_ cache: TokenCache, db: any DatabaseReader, now: Int64) async throws {
        let due = state.withLock { state -> Bool in
            guard now - state.checkedAt >= interval || now < state.checkedAt else { return false }
            state.checkedAt = now
            return true
        }
        guard due else { return }
        let epoch = try await db.read { try ClusterStateRepository.authEpoch($0) }
        let moved = state.withLock { state -> Bool in
            defer { state.epoch = epoch }
            return state.epoch != nil && state.epoch != epoch
        }
        if moved { cache.removeAll() }
    }
}
