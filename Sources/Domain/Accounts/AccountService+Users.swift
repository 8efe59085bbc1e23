import JSON
import Model
import Persistence
import Storage

/// What `PUT /secure/company/users/{id}` may change.
public struct UserChanges: Sendable {
    public var position: Position?
    public var active: Bool?
    public var firstName: String?
    public var lastName: String?

    public init(position: Position? = nil, active: Bool? = nil, firstName: String? = nil, lastName: String? = nil) {
        self.position = position
        self.active = active
        self.firstName = firstName
        self.lastName = lastName
    }
}

extension AccountService {
    /// `GET /secure/company/users[?companyId=]` (Company Admins).
    public func users(of companyId: Int64?, by session: Session) async throws -> [User] {
        try await db.read { conn in
            let company = try Self.company(conn, companyId ?? session.companyId, session)
            try AccessPolicy.require(session, .manageAccount)
            try AccessPolicy.requireSubAccountPermits(conn, session, .manageUsers)
            return try UserRepository.list(conn, companyId: company.id)
        }
    }

    /// `POST /secure/company/users` (Company Admins): a new user of their company (or managed company).
    /// An address on another company's sign-up domain, and an address that is already a user anywhere,
    /// get the same 409: one tenant cannot learn who another tenant's users are, nor add itself
    /// users on another tenant's domain.
    public func createUser(_ new: NewUser, by session: Session) async throws -> User {
        let unavailable = DomainError.conflict(code: "email_unavailable", message: "\(new.email) cannot be added to this company")
        try await db.read { conn in
            _ = try Self.company(conn, new.companyId, session)
            try AccessPolicy.require(session, .manageAccount)
            try AccessPolicy.requireSubAccountPermits(conn, session, .manageUsers)
            guard let domain = new.email.split(separator: "@").last.map(String.init), Validation.isEmail(new.email) else { return }
            let owners = try CompanyRepository.idsWithSignupDomain(conn, domain)
            if !owners.isEmpty && !owners.contains(new.companyId) && !owners.contains(session.companyId) { throw unavailable }
        }
        let id: Int64
        do {
            id = try await AdminService(db: db).createUser(new)
        } catch DomainError.conflict(code: "duplicate_email", _) {
            throw unavailable
        }
        guard let user = try await db.read({ try UserRepository.find($0, id: id) }) else { throw DomainError.notFound("user \(id) not found") }
        return user
    }

    /// `PUT /secure/company/users/{id}` (Company Admins): position, active, names. A deactivated user's
    /// tokens stop working at once; the last active Company Admin cannot be demoted or deactivated.
    public func updateUser(_ userId: Int64, _ changes: UserChanges, by session: Session) async throws -> User {
        if let first = changes.firstName { try Validation.require(first, field: "firstName", maxLength: 100) }
        if let last = changes.lastName { try Validation.require(last, field: "lastName", maxLength: 100) }
        let updated = try await db.write { conn in
            guard let user = try UserRepository.find(conn, id: userId),
                  let company = try CompanyRepository.find(conn, id: user.companyId), AccessPolicy.canSee(session, company) else {
                throw DomainError.notFound("user \(userId) not found")
            }
            try AccessPolicy.require(session, .manageAccount)
            try AccessPolicy.requireSubAccountPermits(conn, session, .manageUsers)
            let losesAdmin = user.position == .companyAdmin && user.active
                && ((changes.position.map { $0 != .companyAdmin } ?? false) || changes.active == false)
            if losesAdmin {
                guard try UserRepository.activeAdminCount(conn, companyId: company.id) > 1 else {
                    throw DomainError.conflict(code: "last_company_admin", message: "\(company.tradingName) needs at least one active Company Admin")
                }
            }
            let now = Now.millis()
            try UserRepository.update(conn, id: userId, position: changes.position, active: changes.active,
                                      firstName: changes.firstName, lastName: changes.lastName)
            if changes.active == false { try TokenRepository.revokeAll(conn, userId: userId, now: now) }
            var detail = JSONObject()
            if let position = changes.position { detail["position"] = .string(position.rawValue) }
            if let active = changes.active { detail["active"] = .bool(active) }
            try AuditLog.record(conn, userId: session.userId, companyId: company.id, entity: "user", entityId: userId, action: "update",
                                detail: detail, now: now)
            return User(id: user.id, uid: user.uid, companyId: user.companyId, firstName: changes.firstName ?? user.firstName,
                        lastName: changes.lastName ?? user.lastName, email: user.email, position: changes.position ?? user.position,
                        active: changes.active ?? user.active, createDate: user.createDate)
        }
        auth.forget(userId: userId)  // cached sessions carry the position and the active flag
        return updated
    }
}
