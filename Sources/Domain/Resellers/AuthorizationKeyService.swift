import JSON
import Model
import Persistence
import Storage

/// Authorization keys (`/secure/company/authorizationkeys`): a customer's Company Admin issues one for a
/// reseller; the reseller's Company or Technical Admins present it (`X-Authorization-Key`) to act for the
/// customer — orders are the customer's and billed to it. A revoked or expired key is refused (403).
public struct AuthorizationKeyService: Sendable {
    let db: any DatabaseWriter

    public init(db: any DatabaseWriter) { self.db = db }

    /// What may be asked of a new key.
    public struct Request: Sendable {
        public var label: String
        public var expiresAt: Int64?
        public var permissions: Set<AuthorizationKey.Permission>

        public init(label: String, expiresAt: Int64?, permissions: Set<AuthorizationKey.Permission>) {
            self.label = label
            self.expiresAt = expiresAt
            self.permissions = permissions
        }
    }

    /// Issues a key for the session's company; the text is answered this once.
    public func issue(_ request: Request, by session: Session) async throws -> (key: AuthorizationKey, text: String) {
        try AccessPolicy.require(session, .manageAuthorizationKeys)
        let now = Now.millis()
        var errors: [FieldError] = []
        if !(1...100).contains(request.label.count) || request.label.trimmingWhitespace.isEmpty || Validation.hasInvisibleCharacters(request.label) {
            errors.append(FieldError("label", "must be 1 to 100 visible characters"))
        }
        if let expiry = request.expiresAt, expiry <= now { errors.append(FieldError("expiresAt", "must be in the future (epoch milliseconds)")) }
        if request.permissions.isEmpty { errors.append(FieldError("actions", "must name at least one of ORDER, VIEW, CANCEL")) }
        guard errors.isEmpty else { throw DomainError.invalid(errors) }
        let text = Tokens.hexString(Tokens.randomBytes(32))
        let key = try await db.write { db in
            let id = try AuthorizationKeyRepository.insert(db, companyId: session.companyId, label: request.label, digest: Tokens.digest(text),
                                                            permissions: request.permissions, expiryDate: request.expiresAt,
                                                            createdBy: session.userId, now: now)
            try AuditLog.record(db, userId: session.userId, companyId: session.companyId, entity: "authorization_key", entityId: id,
                                action: "issue", now: now)
            return try AuthorizationKeyRepository.find(db, companyId: session.companyId, idOrUid: String(id))!
        }
        return (key, text)
    }

    /// The session's company's keys (never their text).
    public func list(by session: Session) async throws -> [AuthorizationKey] {
        try AccessPolicy.require(session, .manageAuthorizationKeys)
        return try await db.read { try AuthorizationKeyRepository.list($0, companyId: session.companyId) }
    }

    /// Revokes one of the company's keys: a reseller presenting it is refused from then on.
    public func revoke(_ idOrUid: String, by session: Session) async throws -> AuthorizationKey {
        try AccessPolicy.require(session, .manageAuthorizationKeys)
        return try await db.write { db in
            guard let key = try AuthorizationKeyRepository.find(db, companyId: session.companyId, idOrUid: idOrUid) else {
                throw DomainError.notFound("authorization key \(idOrUid) not found")
            }
            let now = Now.millis()
            try AuthorizationKeyRepository.revoke(db, id: key.id, now: now)
            try AuditLog.record(db, userId: session.userId, companyId: session.companyId, entity: "authorization_key", entityId: key.id,
                                action: "revoke", now: now)
            return try AuthorizationKeyRepository.find(db, companyId: session.companyId, idOrUid: String(key.id))!
        }
    }

    /// The session acting for the customer whose key `text` is: 403 unless the session's position may act
    /// with keys and the key is known, unrevoked and unexpired.
    public func acting(_ session: Session, withKey text: String) async throws -> Session {
        try AccessPolicy.require(session, .actWithAuthorizationKey)
        let refuse = { (why: String) in DomainError.forbidden(code: "authorization_key_invalid", message: "the authorization key \(why)") }
        guard text.utf8.count == 64, text.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }),
              let key = try await db.read({ try AuthorizationKeyRepository.find($0, digest: Tokens.digest(text)) }) else {
            throw refuse("is not valid")
        }
        if key.revokedDate != nil { throw refuse("has been revoked") }
        if let expiry = key.expiryDate, Now.millis() >= expiry { throw refuse("has expired") }
        var acting = session
        acting.grant = CompanyGrant(companyId: key.companyId, permissions: key.permissions, keyUid: key.uid)
        return acting
    }
}

extension AccessPolicy {
    /// An audit record's detail, naming the reseller and the key when the session acts with one
    /// ("by reseller X for customer Y": the record's company is the customer, its user the reseller's).
    static func onBehalf(_ session: Session, _ detail: JSONObject) -> JSONObject {
        guard let grant = session.grant, grant.companyId != session.companyId else { return detail }
        var detail = detail
        detail["reseller"] = .string(session.companyName)
        detail["authorizationKey"] = .string(grant.keyUid)
        return detail
    }
}
