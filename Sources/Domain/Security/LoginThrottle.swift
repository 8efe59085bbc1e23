import Synchronization

/// Failed-login limits per account and per client address (API.md §1: 429 with Retry-After).
/// Failures inside a window are counted; over the limit, every attempt — right password or not — is
/// refused until the window of the oldest counted failure has passed. A success clears the account.
final class LoginThrottle: Sendable {
    struct Limits: Sendable {
        var perAccount = 5
        var perAddress = 20
        var windowMillis: Int64 = 5 * 60_000
    }

    private let limits: Limits
    private let failures = Mutex<[String: [Int64]]>([:])

    init(limits: Limits = Limits()) { self.limits = limits }

    /// Throws `rateLimited` when the account or the address is over its limit.
    func check(account: String, address: String, now: Int64) throws {
        let wait = failures.withLock { table -> Int64? in
            var longest: Int64?
            for (key, limit) in [("account:" + account.lowercased(), limits.perAccount), ("address:" + address, limits.perAddress)] {
                let recent = (table[key] ?? []).filter { $0 > now - limits.windowMillis }
                table[key] = recent.isEmpty ? nil : recent
                if recent.count >= limit, let oldest = recent.first {
                    longest = max(longest ?? 0, oldest + limits.windowMillis - now)
                }
            }
            return longest
        }
        if let wait { throw DomainError.rateLimited(retryAfterSeconds: Int(max(1, (wait + 999) / 1000))) }
    }

    func recordFailure(account: String, address: String, now: Int64) {
        failures.withLock { table in
            table["account:" + account.lowercased(), default: []].append(now)
            table["address:" + address, default: []].append(now)
            if table.count > 100_000 { table.removeAll() }  // bounded memory under a flood of distinct keys
        }
    }

    func recordSuccess(account: String) {
        _ = failures.withLock { $0.removeValue(forKey: "account:" + account.lowercased()) }
    }
}
