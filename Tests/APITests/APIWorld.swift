import API
import Domain
import Foundation
import HTTPCore
import HTTPServer
import JSON
import SMTP
import SQLiteStorage
import Storage
import TestSupport

/// One running application for the API tests: a temp database with the demo world, the real server
/// on `127.0.0.1:0`, and its log written to a file the tests can read.
final class APIWorld: Sendable {
    let temp: TempDatabase
    /// The database under the application (SQLite, or PostgreSQL when the suites run there), for tests
    /// that reach past the API.
    let db: any DatabaseWriter
    let app: Application
    let server: Server
    let tokens: [String: String]
    /// Demo company ids by trading name, and demo port ids by name.
    let companies: [String: Int64]
    let ports: [String: Int64]
    let logPath: String

    /// A world shared by tests that change nothing another test looks at.
    static let shared = Task { try await APIWorld() }

    /// A world of one's own, for tests that order, cancel or exhaust inventory. The provisioning stage
    /// runs with no delay unless told otherwise.
    init(provisioningDelayMillis: Int64 = 0, startProvisioning: Bool = true, approvalLifetimeMillis: Int64 = 60 * 86_400_000,
         relayPort: Int? = nil, busyTimeoutMillis: Int32 = 5000) async throws {
        temp = try TempDatabase()
        logPath = temp.directory + "/server.log"
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let fd = open(logPath, O_WRONLY | O_APPEND)
        db = TempDatabase.onPostgres ? try await temp.openEngine()
            : try await SQLiteDatabase.open(path: temp.path, schemaDirectory: TempDatabase.schemaDirectory, busyTimeoutMilliseconds: busyTimeoutMillis)
        var configuration = ApplicationConfiguration(database: db)
        configuration.provisioningDelayMillis = provisioningDelayMillis
        configuration.approvalLifetimeMillis = approvalLifetimeMillis
        configuration.mail = relayPort.map(Self.mailConfiguration)
        configuration.log = LogWriter(level: .info, fd: fd)
        app = Application(configuration)
        if startProvisioning { app.startBackgroundWork() }
        let seeded = try await app.seedDemo()
        var tokens: [String: String] = [:]
        if case .object(let object)? = seeded["tokens"] {
            for member in object.members { if case .string(let t) = member.value { tokens[member.key] = t } }
        }
        self.tokens = tokens
        func ids(_ key: String) -> [String: Int64] {
            guard case .object(let object)? = seeded[key] else { return [:] }
            var out: [String: Int64] = [:]
            for member in object.members { if case .int(let id) = member.value { out[member.key] = id } }
            return out
        }
        companies = ids("companies")
        ports = ids("ports")
        var serverConfiguration = ServerConfiguration()
        serverConfiguration.port = 0
        server = try app.makeServer(serverConfiguration)
        let server = self.server
        Task.detached { await server.run() }
    }

    /// One request on a fresh connection.
    func request(_ method: String, _ target: String, headers: [String: String] = [:], body: String? = nil) async throws -> TestResponse {
        let client = try RawClient(port: server.port)
        var head = "\(method) \(target) HTTP/1.1\r\nHost: test\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if let body { head += "Content-Length: \(body.utf8.count)\r\n" }
        await client.send(head + "\r\n" + (body ?? ""))
        guard let response = await client.readResponses(1, headOnly: method == "HEAD").first else {
            throw RawClient.ClientError.failed("no response to \(method) \(target)")
        }
        return response
    }

    /// The token of a demo user.
    func token(_ email: String) throws -> String {
        guard let token = tokens[email] else { throw RawClient.ClientError.failed("no demo user \(email)") }
        return token
    }

    /// A JSON request as a demo user.
    func call(_ method: String, _ path: String, as email: String, json: String? = nil,
              headers: [String: String] = [:]) async throws -> TestResponse {
        var all = headers
        all["X-Auth-Token"] = try token(email)
        if json != nil && all["Content-Type"] == nil { all["Content-Type"] = "application/json" }
        return try await request(method, path, headers: all, body: json)
    }

    /// A JSON request as a demo user, answered with a body parsed as JSON.
    func callJSON(_ method: String, _ path: String, as email: String, json: String? = nil, headers: [String: String] = [:]) async throws -> (Int, JSONValue) {
        let response = try await call(method, path, as: email, json: json, headers: headers)
        return (response.status, try Self.json(response))
    }

    /// Runs a read against the database (checks that responses cannot show).
    func sql<T: Sendable>(_ query: String, _ map: @escaping @Sendable (any DatabaseRow) -> T) async throws -> [T] {
        try await db.read { try $0.query(query, map: map) }
    }

    /// A second application over the same database file, as a restarted process would open it.
    static func reopen(_ world: APIWorld, relayPort: Int? = nil) async throws -> Application {
        var configuration = ApplicationConfiguration(database: try await world.temp.openEngine())
        configuration.provisioningDelayMillis = 0
        configuration.mail = relayPort.map(mailConfiguration)
        configuration.log = LogWriter(level: .error, fd: 2)
        return Application(configuration)
    }

    /// A mail worker for the test relay: quick polls and retries.
    static func mailConfiguration(port: Int) -> MailWorker.Configuration {
        var relay = SMTPRelay(host: "127.0.0.1", port: port)
        relay.security = .none  // the in-process test relay speaks plain SMTP
        var config = MailWorker.Configuration(relay: relay)
        config.retryBaseMillis = 20
        config.pollMillis = 20
        return config
    }

    /// The routes of the API surfaces (the portal's pages under `/portal` are HTML, documented apart).
    var apiRoutes: [(method: HTTPMethod, template: String, options: RouteOptions)] { app.routes.filter { !$0.template.hasPrefix("/portal") } }

    /// The SQLite database, for tests of SQLite itself (they do not run on PostgreSQL).
    var sqlite: SQLiteDatabase {
        guard let sqlite = db as? SQLiteDatabase else { preconditionFailure("a SQLite-only test ran on PostgreSQL") }
        return sqlite
    }

    /// Removes the world's files (the server keeps running until the process ends).
    func remove() { temp.remove() }

    /// The response body as JSON.
    static func json(_ response: TestResponse) throws -> JSONValue { try JSONParser.parse(response.body) }

    /// The server's log so far.
    func logText() throws -> String {
        app.log.flush()
        return try String(contentsOfFile: logPath, encoding: .utf8)
    }
}
