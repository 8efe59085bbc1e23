@testable import Domain
import Persistence
import SQLiteStorage
import Storage
import TestSupport
import Testing

@Suite struct AdminServiceTests {
    func withAdmin(_ body: (AdminService, any DatabaseWriter) async throws -> Void) async throws {
        let temp = try TempDatabase()
        defer { temp.remove() }
        let db = try await temp.openEngine()
        try await body(AdminService(db: db), db)
    }

    @Test func companyRulesAreEnforced() async throws {
        try await withAdmin { admin, db in
            let direct = try await admin.createCompany(NewCompany(name: "Direct", accountType: .direct))
            var managed = NewCompany(name: "Managed", accountType: .managed)
            await #expect(throws: DomainError.invalid("parentCompanyId", "is required for a MANAGED company (its partner)")) {
                _ = try await admin.createCompany(managed)
            }
            managed.parentCompanyId = direct
            await #expect(throws: DomainError.invalid("parentCompanyId", "company \(direct) is not a PARTNER")) {
                _ = try await admin.createCompany(managed)
            }
            managed.parentCompanyId = 999
            await #expect(throws: DomainError.notFound("no company 999")) { _ = try await admin.createCompany(managed) }
            let partner = try await admin.createCompany(NewCompany(name: "Partner", accountType: .partner))
            managed.parentCompanyId = partner
            let id = try await admin.createCompany(managed)
            let stored = try await db.read { try CompanyRepository.find($0, id: id) }
            #expect(stored?.supportedBy == .megaport, "a managed account is supported by Megaport unless told otherwise")
            #expect(stored?.parentCompanyId == partner)

            var marketed = NewCompany(name: "Nowhere", accountType: .direct)
            marketed.billingMarket = "ZZ"
            await #expect(throws: DomainError.invalid("billingMarket", "unknown billing market ZZ")) { _ = try await admin.createCompany(marketed) }
            var supported = NewCompany(name: "Odd", accountType: .direct)
            supported.supportedBy = .partner
            await #expect(throws: DomainError.self) { _ = try await admin.createCompany(supported) }
        }
    }

    /// Who an email reaches by default follows each recipient's company: a managed account's users are
    /// off until they choose, except for the groups that are always on (one query brings the account type).
    @Test func emailDefaultsFollowTheRecipientsAccountType() async throws {
        try await withAdmin { admin, db in
            let direct = try await admin.createCompany(NewCompany(name: "Direct", accountType: .direct))
            var managed = NewCompany(name: "Managed", accountType: .managed)
            managed.parentCompanyId = try await admin.createCompany(NewCompany(name: "Partner", accountType: .partner))
            let managedId = try await admin.createCompany(managed)
            for (company, email) in [(direct, "ops@direct.example"), (managedId, "ops@managed.example")] {
                _ = try await admin.createUser(NewUser(companyId: company, email: email, position: .companyAdmin, password: "long-password"))
            }
            let reached = try await db.read { conn in
                try [(direct, NotificationGroup.ordering), (managedId, .ordering), (managedId, .security), (999, .security)].map {
                    try Recipients.of(conn, companyId: $0.0, group: $0.1).map(\.email)
                }
            }
            #expect(reached == [["ops@direct.example"], [], ["ops@managed.example"], []])
        }
    }

    @Test func userEmailsAreUniqueAndPasswordsLongEnough() async throws {
        try await withAdmin { admin, _ in
            let company = try await admin.createCompany(NewCompany(name: "Acme", accountType: .direct))
            _ = try await admin.createUser(NewUser(companyId: company, email: "a@acme.example", position: .readOnly, password: "long-enough"))
            await #expect(throws: DomainError.conflict(code: "duplicate_email", message: "a user with email A@ACME.example exists")) {
                _ = try await admin.createUser(NewUser(companyId: company, email: "A@ACME.example", position: .readOnly, password: "long-enough"))
            }
            await #expect(throws: DomainError.invalid("password", "must be at least 8 characters")) {
                _ = try await admin.createUser(NewUser(companyId: company, email: "b@acme.example", position: .readOnly, password: "short"))
            }
            await #expect(throws: DomainError.invalid("email", "must be an email address")) {
                _ = try await admin.createUser(NewUser(companyId: company, email: "not-an-email", position: .readOnly, password: "long-enough"))
            }
            await #expect(throws: DomainError.notFound("no company 42")) {
                _ = try await admin.createUser(NewUser(companyId: 42, email: "c@acme.example", position: .readOnly, password: "long-enough"))
            }
        }
    }

    @Test func addedInterfacesGoToWaitingPortsFirstComeFirstServed() async throws {
        try await withAdmin { admin, db in
            let company = try await admin.createCompany(NewCompany(name: "Acme", accountType: .direct))
            // Exhaust the 100G interfaces at location 3, then queue two ports behind them.
            try await db.write { conn in
                for n in 1...6 {
                    let interface = try conn.queryFirst("""
                        SELECT id FROM interfaces i WHERE location_id = 3 AND speed = 100000
                        AND NOT EXISTS (SELECT 1 FROM services s WHERE s.interface_id = i.id) ORDER BY id LIMIT 1
                        """) { $0.int64(0) }
                    try conn.execute("""
                        INSERT INTO services (uid, product_type, name, company_id, provisioning_status, location_id, speed, interface_id, create_date)
                        VALUES (?, 'MEGAPORT', ?, ?, ?, 3, 100000, ?, ?)
                        """, "p\(n)", "port \(n)", company, interface == nil ? "PROVISIONING" : "CONFIGURED", interface, n)
                }
            }
            let waiting = { try await db.read { try $0.query("SELECT id FROM services WHERE provisioning_status = 'PROVISIONING' ORDER BY id") { $0.int64(0) } } }
            let before = try await waiting()
            #expect(before.count == 2)
            #expect(try await admin.addInterfaces(locationId: 3, speed: 100000, count: 1) == 1)
            #expect(try await waiting() == [before[1]], "the earliest waiting port got the new interface")
            let shared = try await db.read { try $0.queryFirst("SELECT count(*) - count(DISTINCT interface_id) FROM services WHERE interface_id IS NOT NULL") { $0.int(0) } }
            #expect(shared == 0, "no interface is allocated twice")
            await #expect(throws: DomainError.notFound("no location 999")) { _ = try await admin.addInterfaces(locationId: 999, speed: 1000, count: 1) }
            await #expect(throws: DomainError.self) { _ = try await admin.addInterfaces(locationId: 3, speed: 2500, count: 1) }
        }
    }

    @Test func seedScaleGrowsTheDatabaseWithConsistentRows() async throws {
        try await withAdmin { admin, db in
            await #expect(throws: DomainError.self) { _ = try await admin.seedScale(companies: 3, services: 100) }
            if TempDatabase.onPostgres {
                await #expect(throws: DomainError.invalid("db", "seed-scale builds SQLite databases only")) {
                    _ = try await admin.seedScale(companies: 50, services: 2000)
                }
                return
            }
            let rows = try await admin.seedScale(companies: 50, services: 2000)
            let facts = try await db.read { conn in
                try conn.queryFirst("""
                    SELECT (SELECT count(*) FROM services WHERE product_type = 'MEGAPORT') AS ports,
                           (SELECT count(*) FROM services WHERE product_type = 'VXC') AS vxcs,
                           (SELECT count(*) FROM companies) AS companies,
                           (SELECT count(DISTINCT uid) FROM services) AS uids, (SELECT count(*) FROM services) AS services,
                           (SELECT count(*) FROM services v JOIN services a ON a.id = v.a_end_service_id JOIN services b ON b.id = v.b_end_service_id
                             WHERE v.product_type = 'VXC' AND (a.company_id <> v.company_id OR b.company_id <> v.company_id)) AS crossing,
                           (SELECT count(*) FROM (SELECT port_id FROM vlan_assignments GROUP BY port_id HAVING count(*) <> 2)) AS uneven,
                           (SELECT count(*) FROM services a JOIN services b ON b.id = a.id + 1
                             WHERE a.name LIKE 'scale %' AND b.name LIKE 'scale %' AND (substr(b.uid, 15, 1) <> '7' OR b.uid <= a.uid)) AS unordered
                    """) { ($0.int("ports"), $0.int("vxcs"), $0.int("companies"), $0.int("uids"), $0.int("services"), $0.int("crossing"), $0.int("uneven"),
                            $0.int("unordered")) }
            }
            let f = try #require(facts)
            #expect(rows == 50 + 50 + 1000 + 1000 + 2000)
            #expect(f.0 == 1000 && f.1 == 1000 && f.2 == 50 && f.3 == f.4, "ports, VXCs, companies, every uid distinct")
            #expect(f.5 == 0 && f.6 == 0, "each VXC between ports of its company; each port one A-end and one B-end VLAN")
            #expect(f.7 == 0, "services' uids are version 7 and grow with the id, as the server makes them")
        }
    }

    @Test func demoWorldIsIdempotentAndIssuesFreshTokens() async throws {
        try await withAdmin { admin, db in
            let auth = AuthService(db: db)
            let world = DemoWorld(db: db, admin: admin, auth: auth)
            let first = try await world.seed()
            let second = try await world.seed()
            #expect(first["companies"] == second["companies"], "seeding twice creates nothing new")
            #expect(first["ports"] == second["ports"])
            guard case .object(let tokens1)? = first["tokens"], case .object(let tokens2)? = second["tokens"] else {
                Issue.record("no tokens")
                return
            }
            #expect(tokens1.members.count >= 11)
            #expect(tokens1["admin@acme.example"] != tokens2["admin@acme.example"])
            let positions = try await db.read { try $0.query("SELECT DISTINCT position FROM users") { $0.string(0) } }
            #expect(Set(positions) == Set(Position.allCases.map(\.rawValue)), "users of every position")
            let types = try await db.read { try $0.query("SELECT DISTINCT account_type FROM companies") { $0.string(0) } }
            #expect(Set(types) == ["DIRECT", "PARTNER", "MANAGED"])
            if case .string(let token)? = tokens2["admin@delta.example"] {
                let session = try await auth.authenticate(token: token)
                #expect(session.accountType == .managed && session.parentCompanyId != nil)
            }
        }
    }
}
