import Model
import Persistence
import Storage

/// Failed-login limits per account and per client address (API.md §1: 429 with Retry-After), counted in
/// the database so every node on it counts the same failures. Failures inside a window are counted; over
/// the limit, every attempt — right password or not — is refused until the window of the oldest counted
/// failure has passed. A success clears the account.
struct LoginThrottle: Sendable {
    struct Limits: Sendable {
        var perAccount = 5
        var perAddress = 20
        var windowMillis: Int64 = 5 * 60_000
    }

    let db: any DatabaseWriter
    let limits: Limits

    static func accountKey(_ account: String) -> String { "account:" + String(account.lowercased().prefix(300)) }
    static func addressKey(_ address: String) -> String { "address:" + String(address.prefix(80)) }

    /// Throws `rateLimited` when the account or the address is over its limit.
    func check(account: String, address: String, now: Int64) async throws {
        let keys = [(Self.accountKey(account), limits.perAccount), (Self.addressKey(address), limits.perAddress)]
        let window = limits.windowMillis
        let counted = try await db.read { try ClusterStateRepository.failures($0, keys: keys.map(\.0), since: now - window) }
        let waits = keys.compactMap { key, limit -> Int64? in
            guard let (count, oldest) = counted[key], count >= limit else { return nil }
            return oldest + window - now
        }
        if let wait = waits.max() { throw DomainError.rateLimited(retryAfterSeconds: Int(max(1, (wait + 999) / 1000))) }
    }

    func recordFailure(account: String, address: String, now: Int64) async throws {
        let keys = [Self.accountKey(account), Self.addressKey(address)], expired = now - limits.windowMillis
        try await db.write { try ClusterStateRepository.recordFailure($0, keys: keys, now: now, expiredBy: expired) }
    }

    func recordSuccess(account: String) async throws {
        let key = Self.accountKey(account)
        try await db.write { try ClusterStateRepository.clearFailures($0, key: key) }
    }
}
