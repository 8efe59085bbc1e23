import JSON
import Model
import Persistence
import Storage

/// The demo world of `megaport-server demo` (API.md §2): a direct customer with complete setup, a
/// cloud provider with marketplace ports, a second provider that approves by hand, a partner with a
/// managed account, and users of every position. Seeding is idempotent; every run issues fresh tokens.
public struct DemoWorld: Sendable {
    /// The password of every demo user (a local demo, printed by the command).
    public static let password = "megaport-demo"

    struct CompanySpec {
        var company: NewCompany
        /// The partner of a managed account, by name (resolved once the partner exists).
        var parentName: String? = nil
        let support: (phone: String, email: String)?
        let users: [(email: String, position: Position, first: String, last: String)]
        let ports: [(name: String, location: Int64, speed: Int, marketplace: Bool)]
        let marketplace: (name: String, description: String, email: String)?
    }

    let admin: AdminService
    let auth: AuthService
    let db: any DatabaseWriter

    /// A seeder over the services it uses.
    public init(db: any DatabaseWriter, admin: AdminService, auth: AuthService) {
        self.db = db
        self.admin = admin
        self.auth = auth
    }

    /// Seeds what is missing and returns `{tokens, users, apiKey, password, companies, ports}` (`users`:
    /// email, company, position and token of each, in creation order; `apiKey`: a new key and secret for
    /// admin@acme.example).
    public func seed() async throws -> JSONValue {
        var companies = JSONObject()
        var ports = JSONObject()
        var tokens = JSONObject()
        var users: [JSONValue] = []
        var ids: [String: Int64] = [:]
        for var spec in Self.specs {
            spec.company.parentCompanyId = spec.parentName.flatMap { ids[$0] }
            let id = try await ensureCompany(spec)
            ids[spec.company.name] = id
            companies[spec.company.name] = .int(id)
            for user in spec.users {
                let token = try await auth.issueToken(email: user.email)
                tokens[user.email] = .string(token)
                users.append(["email": .string(user.email), "company": .string(spec.company.name), "position": .string(user.position.rawValue),
                              "token": .string(token)])
            }
            let made = try await ensurePorts(spec, companyId: id)
            for (name, portId) in made { ports[name] = .int(portId) }
            if spec.company.autoApproveVxcs { try await ensureAWSProfile(companyId: id, ports: made.map(\.1)) }
        }
        let key = try await admin.createApiKey(email: "admin@acme.example", name: "demo", role: .companyAdmin, lifetimeMinutes: nil)
        let apiKey: JSONValue = ["key": .string(key.key.key), "secret": .string(key.secret)]
        return ["tokens": .object(tokens), "users": .array(users), "apiKey": apiKey, "password": .string(Self.password), "companies": .object(companies), "ports": .object(ports)]
    }

    private func ensureCompany(_ spec: CompanySpec) async throws -> Int64 {
        if let existing = try await db.read({ try CompanyRepository.find($0, name: spec.company.name) }) { return existing.id }
        let id = try await admin.createCompany(spec.company)
        for user in spec.users {
            var new = NewUser(companyId: id, email: user.email, position: user.position, password: Self.password)
            new.firstName = user.first
            new.lastName = user.last
            _ = try await admin.createUser(new)
        }
        let support = spec.support, marketplace = spec.marketplace
        try await db.write { db in
            let now = Now.millis()
            if let support {
                try CompanyRepository.setSupportContacts(db, companyId: id, phone: support.phone, email: support.email, by: nil, now: now)
            }
            if let marketplace {
                try CompanyRepository.setMarketplaceProfile(db, companyId: id, name: marketplace.name,
                                                            description: marketplace.description, email: marketplace.email)
            }
        }
        return id
    }

    /// AWS sells through a profile (the legacy AWS order body maps onto it).
    private func ensureAWSProfile(companyId: Int64, ports: [Int64]) async throws {
        try await db.write { db in
            guard try ServiceProfileRepository.list(db, companyId: companyId).isEmpty else { return }
            _ = try ServiceProfileRepository.insert(db, companyId: companyId, AWSProfile.content(ports: ports), createdBy: nil, now: Now.millis())
        }
    }

    private func ensurePorts(_ spec: CompanySpec, companyId: Int64) async throws -> [(String, Int64)] {
        let wanted = spec.ports
        return try await db.write { db in
            try wanted.map { port in
                if let id = try PortRepository.find(db, companyId: companyId, name: port.name) { return (port.name, id) }
                var new = PortRepository.NewPort(companyId: companyId, name: port.name, locationId: port.location, speed: port.speed)
                new.marketplaceVisible = port.marketplace
                let id = try PortRepository.insert(db, new, live: true, now: Now.millis()).id
                return (port.name, id)
            }
        }
    }
}
