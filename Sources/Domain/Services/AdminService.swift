import JSON
import Model
import Persistence
import Storage

/// The operator's commands (API.md §2 command line): companies, users, inventory.
public struct AdminService: Sendable {
    let db: any DatabaseWriter

    /// A service over the database.
    public init(db: any DatabaseWriter) { self.db = db }

    /// Creates a company after checking the account rules: a managed account needs a partner parent,
    /// only managed accounts have `supportedBy` of PARTNER, the billing market must be known.
    public func createCompany(_ new: NewCompany) async throws -> Int64 {
        var company = new
        try Validation.require(company.name, field: "name", maxLength: 200)
        if company.accountType == .managed {
            guard company.parentCompanyId != nil else { throw DomainError.invalid("parentCompanyId", "is required for a MANAGED company (its partner)") }
            company.supportedBy = company.supportedBy ?? .megaport
        } else {
            guard company.parentCompanyId == nil else { throw DomainError.invalid("parentCompanyId", "applies to MANAGED companies only") }
            guard company.supportedBy == nil else { throw DomainError.invalid("supportedBy", "applies to MANAGED companies only") }
        }
        for (field, email) in [("signupEmail", company.signupEmail), ("accountManagerEmail", company.accountManagerEmail),
                               ("customerSuccessManagerEmail", company.customerSuccessManagerEmail)] {
            if let email, !Validation.isEmail(email) { throw DomainError.invalid(field, "must be an email address") }
        }
        company.billingMarket = company.billingMarket?.uppercased()
        let validated = company
        return try await db.write { db in
            if let parent = validated.parentCompanyId {
                guard let partner = try CompanyRepository.find(db, id: parent) else { throw DomainError.notFound("no company \(parent)") }
                guard partner.accountType == .partner else { throw DomainError.invalid("parentCompanyId", "company \(parent) is not a PARTNER") }
            }
            if let market = validated.billingMarket, try !CompanyRepository.marketExists(db, market) {
                throw DomainError.invalid("billingMarket", "unknown billing market \(market)")
            }
            let now = Now.millis()
            let id = try CompanyRepository.insert(db, validated, now: now)
            try AuditLog.record(db, userId: nil, companyId: id, entity: "company", entityId: id, action: "create",
                                detail: ["accountType": .string(validated.accountType.rawValue)], now: now)
            return id
        }
    }

    /// Creates a user with a yescrypt-hashed password.
    public func createUser(_ new: NewUser) async throws -> Int64 {
        guard Validation.isEmail(new.email) else { throw DomainError.invalid("email", "must be an email address") }
        guard new.password.count >= 8 else { throw DomainError.invalid("password", "must be at least 8 characters") }
        try Validation.plain(new.password, field: "password")
        for (field, name) in [("firstName", new.firstName), ("lastName", new.lastName)] {
            try Validation.plain(name, field: field)
            if name.count > 100 { throw DomainError.invalid(field, "must be at most 100 characters") }
        }
        let hash = try await PasswordHasher.hash(new.password)
        return try await db.write { db in
            guard try CompanyRepository.find(db, id: new.companyId) != nil else {
                throw DomainError.notFound("no company \(new.companyId)")
            }
            guard try UserRepository.find(db, email: new.email) == nil else {
                throw DomainError.conflict(code: "duplicate_email", message: "a user with email \(new.email) exists")
            }
            let now = Now.millis()
            let id = try UserRepository.insert(db, new, passwordHash: hash, now: now)
            try AuditLog.record(db, userId: nil, companyId: new.companyId, entity: "user", entityId: id, action: "create",
                                detail: ["position": .string(new.position.rawValue)], now: now)
            return id
        }
    }

    /// Creates an API key for a user's company, acting for that user (`admin create-api-key`).
    public func createApiKey(email: String, name: String, role: Position?, lifetimeMinutes: Int?) async throws -> NewApiKey {
        guard let user = try await db.read({ try UserRepository.find($0, email: email) }) else {
            throw DomainError.notFound("no user with email \(email)")
        }
        return try await ApiKeyService.create(db, name: name, role: role ?? user.position, lifetimeMinutes: lifetimeMinutes,
                                              companyId: user.companyId, userId: user.id)
    }

    /// `admin seed-scale`: grows the database for scale measurements — `companies` companies, `services`
    /// services (half LIVE ports, half VXCs between ports of one company, with their VLANs), by bulk SQL in
    /// one transaction. SQLite only (the measurements are of the embedded engine).
    /// - Returns: the rows written.
    public func seedScale(companies: Int, services: Int) async throws -> Int {
        guard companies >= 1, services >= 2, services % (2 * companies) == 0 else {
            throw DomainError.invalid("services", "must be a positive multiple of twice the number of companies")
        }
        return try await db.write { conn in
            guard conn.dialect == .sqlite else { throw DomainError.invalid("db", "seed-scale builds SQLite databases only") }
            return try ScaleSeedRepository.seed(conn, companies: companies, ports: services / 2, now: Now.millis())
        }
    }

    /// Adds interface capacity and hands it to ports waiting for it, first come first served.
    /// - Returns: the number of interfaces added.
    public func addInterfaces(locationId: Int64, speed: Int, count: Int) async throws -> Int {
        guard InterfaceRepository.speeds.contains(speed) else { throw DomainError.invalid("speed", "must be one of 1000, 10000, 100000") }
        guard (1...1000).contains(count) else { throw DomainError.invalid("count", "must be between 1 and 1000") }
        return try await db.write { db in
            guard try LocationRepository.exists(db, id: locationId) else { throw DomainError.notFound("no location \(locationId)") }
            let now = Now.millis()
            try InterfaceRepository.add(db, locationId: locationId, speed: speed, count: count, now: now)
            let allocated = try InterfaceRepository.allocateWaiting(db, locationId: locationId, speed: speed, now: now)
            try AuditLog.record(db, userId: nil, companyId: nil, entity: "location", entityId: locationId, action: "add_interfaces",
                                detail: ["speed": .int(speed), "count": .int(count), "allocatedPorts": .array(allocated.map { .int($0) })],
                                now: now)
            return count
        }
    }
}
