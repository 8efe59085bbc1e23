import Model
import Persistence
import Storage

/// A new key with its secret, which is shown this once.
public struct NewApiKey: Sendable {
    public let key: ApiKey
    public let secret: String
}

/// Machine authentication: Company Admins create API keys (a name, a role and a token lifetime) and
/// revoke them; a client exchanges `key:secret` for a bearer token (`POST /oauth2/token`).
public struct ApiKeyService: Sendable {
    let db: any DatabaseWriter
    let auth: AuthService

    public init(db: any DatabaseWriter, auth: AuthService) {
        self.db = db
        self.auth = auth
    }

    /// The longest and shortest lifetimes of a key's tokens, in minutes, and the default (one hour, so a
    /// long Terraform apply does not expire mid-run).
    public static let lifetimes = 5...1440, defaultLifetime = 60

    /// Creates a key for the caller's company (Company Admins).
    public func create(name: String, role: Position, lifetimeMinutes: Int?, by session: Session) async throws -> NewApiKey {
        try AccessPolicy.require(session, .manageAccount)
        return try await Self.create(db, name: name, role: role, lifetimeMinutes: lifetimeMinutes, companyId: session.companyId,
                                     userId: session.userId)
    }

    /// Creates a key for a user's company on the user's behalf (the command line).
    static func create(_ db: any DatabaseWriter, name: String, role: Position, lifetimeMinutes: Int?, companyId: Int64,
                       userId: Int64) async throws -> NewApiKey {
        try Validation.require(name, field: "name", maxLength: 100)
        let lifetime = lifetimeMinutes ?? defaultLifetime
        guard lifetimes.contains(lifetime) else { throw DomainError.invalid("lifetime", "must be 5 to 1440 minutes") }
        let secret = Tokens.hexString(Tokens.randomBytes(32))
        let keyId = Tokens.newUUID()
        let key = try await db.write { conn in
            let now = Now.millis()
            let key = try ApiKeyRepository.insert(conn, key: keyId, companyId: companyId, userId: userId, name: name.trimmingWhitespace, role: role,
                                                  secretDigest: Tokens.digest(secret), lifetimeMinutes: lifetime, now: now)
            try AuditLog.record(conn, userId: userId, companyId: companyId, entity: "api_key", entityId: key.id, action: "create",
                                detail: ["role": .string(role.rawValue)], now: now)
            return key
        }
        return NewApiKey(key: key, secret: secret)
    }

    /// The caller's company's keys.
    public func list(by session: Session) async throws -> [ApiKey] {
        try AccessPolicy.require(session, .manageAccount)
        return try await db.read { try ApiKeyRepository.list($0, companyId: session.companyId) }
    }

    /// Revokes a key of the caller's company and every token issued for it.
    public func revoke(_ key: String, by session: Session) async throws -> ApiKey {
        try AccessPolicy.require(session, .manageAccount)
        let revoked = try await db.write { conn -> ApiKey in
            guard let found = try ApiKeyRepository.find(conn, key: key), found.companyId == session.companyId else {
                throw DomainError.notFound("API key \(key) not found")
            }
            let now = Now.millis()
            try ApiKeyRepository.revoke(conn, id: found.id, now: now)
            try AuditLog.record(conn, userId: session.userId, companyId: found.companyId, entity: "api_key", entityId: found.id,
                                action: "revoke", now: now)
            return try ApiKeyRepository.find(conn, key: key) ?? found
        }
        auth.forget(userId: revoked.userId)
        return revoked
    }

    /// Exchanges `key:secret` for a bearer token of the key's lifetime; a wrong pair is 401, the same
    /// for an unknown key and a wrong secret.
    public func token(key: String, secret: String) async throws -> (token: String, expiresInSeconds: Int) {
        let refused = DomainError.unauthenticated("the API key or its secret is not valid")
        guard Tokens.looksLikeUUID(key), !secret.isEmpty else { throw refused }
        guard let (found, digest) = try await db.read({ try ApiKeyRepository.live($0, key: key) }),
              Tokens.constantTimeEqual(digest, Tokens.digest(secret)) else { throw refused }
        let lifetime = Int64(found.lifetimeMinutes) * 60_000
        let issued = try await auth.issue(userId: found.userId, lifetime: lifetime, apiKeyId: found.id, role: found.role)
        return (issued.token, found.lifetimeMinutes * 60)
    }
}
