import API
import Domain
import Foundation
import JSON
import SQLiteStorage

/// The commands of API.md §2, each printing exactly what the table says.
enum Commands {
    static func open(_ common: CommonConfiguration, serve: ServeConfiguration? = nil) async throws -> Application {
        application(try await common.database.open(schemaDirectory: common.schemaDirectory), common, serve: serve)
    }

    /// The application over an open database, with the command's settings.
    static func application(_ database: any DatabaseWriter, _ common: CommonConfiguration, serve: ServeConfiguration?,
                            sandbox: Sandbox.Settings? = nil) -> Application {
        var configuration = ApplicationConfiguration(database: database)
        configuration.tokenLifetimeMillis = Int64(serve?.tokenLifetimeHours ?? 24) * 3_600_000
        configuration.provisioningDelayMillis = Int64(serve?.provisioningDelayMillis ?? 3000)
        configuration.approvalLifetimeMillis = Int64(serve?.approvalLifetimeDays ?? 60) * 86_400_000
        configuration.mail = serve?.mail
        if let url = serve?.publicURL { configuration.links = PortalLinks(baseURL: url) }
        if let node = serve?.nodeName { configuration.nodeName = node }
        configuration.log = LogWriter(level: common.logLevel)
        configuration.sandbox = sandbox
        return Application(configuration)
    }

    /// `admin create-company …` → the new id.
    static func createCompany(_ words: ArraySlice<String>) async throws -> String {
        let args = try Arguments(words, for: CommandCatalogue.createCompany)
        let common = try CommonConfiguration(args)
        let typeText = try args.required("type")
        guard let type = AccountType(rawValue: typeText) else {
            throw UsageError("--type must be DIRECT, PARTNER, MANAGED or DISTRIBUTOR, got '\(typeText)'")
        }
        var company = NewCompany(name: try args.required("name"), accountType: type)
        if let text = args.string("supported-by") {
            guard let value = SupportedBy(rawValue: text) else { throw UsageError("--supported-by must be MEGAPORT or PARTNER") }
            company.supportedBy = value
        }
        company.parentCompanyId = try args.int("parent", in: 1...Int.max).map(Int64.init)
        if let market = args.string("market") {
            guard market.count == 2 else { throw UsageError("--market must be a two-letter country code, got '\(market)'") }
            company.billingMarket = market
        }
        company.signupEmail = args.string("signup-email")
        company.accountManagerEmail = args.string("account-manager")
        company.customerSuccessManagerEmail = args.string("csm")
        company.autoApproveVxcs = args.has("auto-approve-vxcs")
        return String(try await open(common).admin.createCompany(company))
    }

    /// `admin create-user …` → the new id.
    static func createUser(_ words: ArraySlice<String>) async throws -> String {
        let args = try Arguments(words, for: CommandCatalogue.createUser)
        let common = try CommonConfiguration(args)
        let company = Int64(try args.requiredInt("company", in: 1...Int.max))
        let positionText = try args.required("position")
        guard let position = Position(rawValue: positionText) else {
            throw UsageError("--position must be one of: \(Position.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var user = NewUser(companyId: company, email: try args.required("email"), position: position,
                           password: try args.required("password"))
        user.firstName = args.string("first-name") ?? ""
        user.lastName = args.string("last-name") ?? ""
        return String(try await open(common).admin.createUser(user))
    }

    /// `admin issue-token --email E` → the token.
    static func issueToken(_ words: ArraySlice<String>) async throws -> String {
        let args = try Arguments(words, for: CommandCatalogue.issueToken)
        let common = try CommonConfiguration(args)
        return try await open(common).auth.issueToken(email: try args.required("email"))
    }

    /// `admin create-api-key --email E` → `{"key", "secret"}`.
    static func createApiKey(_ words: ArraySlice<String>) async throws -> String {
        let args = try Arguments(words, for: CommandCatalogue.createApiKey)
        let common = try CommonConfiguration(args)
        let role = try args.string("role").map { text in
            guard let position = Position(rawValue: text) else {
                throw UsageError("--role must be one of: \(Position.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return position
        }
        let created = try await open(common).admin.createApiKey(email: try args.required("email"), name: args.string("name") ?? "api key",
                                                                 role: role, lifetimeMinutes: try args.int("lifetime-minutes", in: 5...1440))
        return JSONWriter.string(["key": .string(created.key.key), "secret": .string(created.secret)])
    }

    /// `admin add-interfaces --location ID --speed S --count N` → the count added.
    static func addInterfaces(_ words: ArraySlice<String>) async throws -> String {
        let args = try Arguments(words, for: CommandCatalogue.addInterfaces)
        let common = try CommonConfiguration(args)
        let location = Int64(try args.requiredInt("location", in: 1...Int.max))
        let speed = try args.requiredInt("speed", in: 1...Int.max)
        let count = try args.requiredInt("count", in: 1...1000)
        guard [1000, 10000, 100000].contains(speed) else { throw UsageError("--speed must be 1000, 10000 or 100000") }
        return String(try await open(common).admin.addInterfaces(locationId: location, speed: speed, count: count))
    }

    /// `admin seed-scale --services N --companies M` → the rows written and the rate.
    static func seedScale(_ words: ArraySlice<String>) async throws -> String {
        let args = try Arguments(words, for: CommandCatalogue.seedScale)
        let common = try CommonConfiguration(args)
        let services = try args.requiredInt("services", in: 2...10_000_000), companies = try args.requiredInt("companies", in: 1...1_000_000)
        let app = try await open(common)
        let start = ContinuousClock.now
        let rows = try await app.admin.seedScale(companies: companies, services: services)
        try await (app.db as? SQLiteDatabase)?.checkpoint()  // hand over one file, not a file and a large log
        let seconds = Double((ContinuousClock.now - start) / .milliseconds(1)) / 1000
        return "\(rows) rows in \(String(format: "%.1f", seconds)) s (\(Int(Double(rows) / max(seconds, 0.001))) rows/s)"
    }

    /// `demo` → a table of users, positions and tokens; `demo --json` → `{"tokens", "users", …}`.
    static func demo(_ words: ArraySlice<String>) async throws -> String {
        let args = try Arguments(words, for: CommandCatalogue.demo)
        let world = try await open(try CommonConfiguration(args)).seedDemo()
        return args.has("json") ? JSONWriter.string(world) : DemoTable.render(world)
    }
}
