import Domain
import SQLiteStorage
import Storage
import TestSupport
import Testing

@Suite struct AuthServiceTests {
    struct World {
        let temp: TempDatabase
        let db: any DatabaseWriter
        let admin: AdminService
        let auth: AuthService
        let userId: Int64
    }

    func world(tokenLifetime: Int64 = 3_600_000) async throws -> World {
        let temp = try TempDatabase()
        let db = try await temp.openEngine()
        let admin = AdminService(db: db)
        let company = try await admin.createCompany(NewCompany(name: "Acme", accountType: .direct))
        let user = try await admin.createUser(NewUser(companyId: company, email: "Alice@Acme.example", position: .companyAdmin,
                                                      password: "s3cret-pass"))
        return World(temp: temp, db: db, admin: admin, auth: AuthService(db: db, tokenLifetime: tokenLifetime), userId: user)
    }

    @Test func loginIssuesATokenThatAuthenticates() async throws {
        let w = try await world()
        defer { w.temp.remove() }
        let (token, session) = try await w.auth.login(email: "alice@acme.example", password: "s3cret-pass")
        #expect(session.userId == w.userId && session.position == .companyAdmin)
        let again = try await w.auth.authenticate(token: token)
        #expect(again.userId == w.userId)
        #expect(try await w.auth.authenticate(token: token.uppercased()).userId == w.userId, "UUIDs compare case-insensitively")
        let stored = try await w.db.read { try $0.query("SELECT token_hash FROM tokens") { $0.string(0) } }
        #expect(stored == [Tokens.digest(token)], "only the digest is stored, never the token")
    }

    @Test func wrongPasswordAndUnknownUserFailAlike() async throws {
        let w = try await world()
        defer { w.temp.remove() }
        await #expect(throws: DomainError.unauthenticated("username or password is incorrect")) {
            _ = try await w.auth.login(email: "alice@acme.example", password: "wrong-pass")
        }
        await #expect(throws: DomainError.unauthenticated("username or password is incorrect")) {
            _ = try await w.auth.login(email: "nobody@acme.example", password: "s3cret-pass")
        }
    }

    @Test func logoutRevokesAtOnce() async throws {
        let w = try await world()
        defer { w.temp.remove() }
        let token = try await w.auth.issueToken(email: "alice@acme.example")
        let session = try await w.auth.authenticate(token: token)
        try await w.auth.logout(session)
        await #expect(throws: DomainError.self) { _ = try await w.auth.authenticate(token: token) }
    }

    @Test func expiredTokensAreRefused() async throws {
        let w = try await world(tokenLifetime: 300)
        defer { w.temp.remove() }
        let token = try await w.auth.issueToken(email: "alice@acme.example")
        _ = try await w.auth.authenticate(token: token)
        try await Task.sleep(for: .milliseconds(400))
        await #expect(throws: DomainError.self, "expired, even though it was cached") { _ = try await w.auth.authenticate(token: token) }
    }

    @Test func unknownAndMalformedTokensAreRefused() async throws {
        let w = try await world()
        defer { w.temp.remove() }
        for token in [Tokens.newUUID(), "", "not-a-token", "dafb8cd2-762a-4633-943b-7d5886c34124' OR '1'='1"] {
            await #expect(throws: DomainError.self) { _ = try await w.auth.authenticate(token: token) }
        }
    }

    @Test func deactivatedUsersCannotGetTokens() async throws {
        let w = try await world()
        defer { w.temp.remove() }
        _ = try await w.db.write { try $0.execute("UPDATE users SET active = 0") }
        await #expect(throws: DomainError.self) { _ = try await w.auth.issueToken(email: "alice@acme.example") }
        await #expect(throws: DomainError.self) { _ = try await w.auth.login(email: "alice@acme.example", password: "s3cret-pass") }
    }
}
