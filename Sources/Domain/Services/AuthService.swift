import Model
import Persistence
import Storage

/// Logins, tokens and the authentication of every request (API.md §1–2).
public struct AuthService: Sendable {
    let db: any DatabaseWriter
    let cache = TokenCache()
    let epoch = AuthEpochWatch()
    let throttle: LoginThrottle
    /// How long a token lives, in milliseconds.
    public let tokenLifetime: Int64

    /// - Parameter tokenLifetime: token validity in milliseconds (default 24 h).
    /// - Parameters:
    ///   - loginFailuresPerAccount, loginFailuresPerAddress: failed logins allowed per 5 minutes before 429.
    public init(db: any DatabaseWriter, tokenLifetime: Int64 = 24 * 3_600_000, loginFailuresPerAccount: Int = 5, loginFailuresPerAddress: Int = 20) {
        self.db = db
        self.tokenLifetime = tokenLifetime
        throttle = LoginThrottle(db: db, limits: .init(perAccount: loginFailuresPerAccount, perAddress: loginFailuresPerAddress))
    }

    /// The session behind a presented token. Unknown, malformed, expired or revoked tokens, and tokens
    /// of deactivated users, are all `unauthenticated`. Runs without an actor hop: the cache is locked
    /// briefly and a miss reads the read-only connection; at most every 500 ms the session epoch is read,
    /// so sessions ended on another node are not served from this node's cache.
    public func authenticate(token: String) async throws -> Session {
        guard Tokens.looksLikeUUID(token) else { throw DomainError.unauthenticated("token is not valid") }
        let digest = Tokens.digest(token.lowercased())
        let now = Now.millis()
        try await epoch.refresh(cache, db: db, now: now)
        if let cached = cache.session(for: digest, now: now) { return cached }
        let generation = cache.generation
        guard let session = try await db.read({ try TokenRepository.session($0, digest: digest, now: now) }) else {
            throw DomainError.unauthenticated("token is unknown, expired or revoked")
        }
        cache.insert(session, readAt: generation)
        return session
    }

    /// Checks a user's password and issues a token (`POST /v2/login`). A wrong password and an unknown
    /// user fail the same way, in the same time; too many failures for the account or from the address
    /// are refused with `rateLimited` before any password is checked.
    public func login(email: String, password: String, from address: String = "") async throws -> (token: String, session: Session) {
        try await throttle.check(account: email, address: address, now: Now.millis())
        let found = try await db.read { try UserRepository.findWithHash($0, email: email) }
        let verified: Bool
        if let (user, hash) = found, user.active {
            verified = await PasswordHasher.verify(password, against: hash)
        } else {
            _ = await PasswordHasher.verify(password, against: PasswordHasher.decoy)
            verified = false
        }
        guard verified, let (user, _) = found else {
            try await throttle.recordFailure(account: email, address: address, now: Now.millis())
            throw DomainError.unauthenticated("username or password is incorrect")
        }
        try await throttle.recordSuccess(account: email)
        return try await issue(userId: user.id)
    }

    /// Issues a token for a user (`admin issue-token`, `demo`).
    public func issueToken(email: String) async throws -> String {
        guard let user = try await db.read({ try UserRepository.find($0, email: email) }) else {
            throw DomainError.notFound("no user with email \(email)")
        }
        guard user.active else { throw DomainError.forbidden(code: "user_inactive", message: "user \(email) is deactivated") }
        return try await issue(userId: user.id).token
    }

    private func issue(userId: Int64) async throws -> (token: String, session: Session) {
        try await issue(userId: userId, lifetime: tokenLifetime, apiKeyId: nil, role: nil)
    }

    /// Issues a token for a user (for an API key: with the key's role and lifetime).
    func issue(userId: Int64, lifetime: Int64, apiKeyId: Int64?, role: Position?) async throws -> (token: String, session: Session) {
        let token = Tokens.newUUID()
        let digest = Tokens.digest(token)
        let generation = cache.generation
        let session = try await db.write { db -> Session? in
            let now = Now.millis()
            try TokenRepository.insert(db, digest: digest, userId: userId, now: now, expiry: now + lifetime, apiKeyId: apiKeyId, role: role)
            return try TokenRepository.session(db, digest: digest, now: now)
        }
        guard let session else { throw DomainError.unauthenticated("user is not active") }
        cache.insert(session, readAt: generation)
        return (token, session)
    }

    /// Drops every cached session and the session epoch last seen (a sandbox reset replaced the database).
    public func forgetAllSessions() {
        cache.removeAll()
        epoch.forget()
    }

    /// Drops a user's cached sessions (deactivation, position change): the next request reads the database.
    public func forget(userId: Int64) { cache.remove(userId: userId) }

    /// Revokes the token of a session (`GET /v2/logout`); later requests with it are 401 at once.
    public func logout(_ session: Session) async throws {
        cache.remove(digest: session.tokenHash)
        _ = try await db.write { db in
            let now = Now.millis()
            try AuditLog.record(db, userId: session.userId, companyId: session.companyId, entity: "token", entityId: nil,
                                action: "logout", now: now)
            return try TokenRepository.revoke(db, digest: session.tokenHash, now: now)
        }
    }
}
